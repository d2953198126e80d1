// Pieces several console pages share: the message box, the label/value table of a record, a
// select, the office picker of a GET form, a plain table of rows, a set-up list, and the small
// one-button forms that act on one entry of a list.
import type { Child } from "hono/jsx";
import { LinkButton, Notice, PostForm, type Tone } from "../components.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface PageNotice {
  tone: Tone;
  text: string;
  /** Free starts offered after a refusal, as one-click buttons. */
  child?: Child;
}

export const errorNotice = (text: string): PageNotice => ({ tone: "error", text });

export function NoticeBox({ notice }: { notice?: PageNotice | null }) {
  if (!notice) return null;
  return (
    <Notice tone={notice.tone}>
      <p>{notice.text}</p>
      {notice.child ?? null}
    </Notice>
  );
}

/** One record as label/value rows. */
export function DetailsTable({ rows }: { rows: [string, Child][] }) {
  return (
    <table class="details">
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface OfficeChoice {
  id: string;
  name: string;
}

/** A labelled select of named choices; `first` is an extra choice above them ("All services"). */
export function Select(p: { name: string; label: string; value: string; choices: OfficeChoice[]; first?: { value: string; label: string } | null }) {
  return (
    <div>
      <label for={p.name}>{p.label}</label>
      <select id={p.name} name={p.name}>
        {p.first ? (
          <option value={p.first.value} selected={p.value === p.first.value}>
            {p.first.label}
          </option>
        ) : null}
        {p.choices.map((o) => (
          <option value={o.id} selected={o.id === p.value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A GET form that shows a page for another office: a select when the person has several, else
 * the one office as a hidden field so that the other fields keep it. `children` are the page's
 * own fields, before the button.
 */
export function OfficeFilter(p: { action: string; office: OfficeChoice; offices: OfficeChoice[]; search?: boolean; t: ConsoleStrings; children?: Child }) {
  return (
    <form method="get" action={p.action} class="row no-print" role={p.search ? "search" : undefined}>
      {p.offices.length > 1 ? <Select name="office" label={p.t.office} value={p.office.id} choices={p.offices} /> : <input type="hidden" name="office" value={p.office.id} />}
      {p.children}
      <button type="submit" class="btn secondary">
        {p.t.show}
      </button>
    </form>
  );
}

/** A column's header, and the class its header and cells share (e.g. "num", "no-print"). */
export type Column = string | { label: Child; class?: string };

/** A table with a header row and one row of cells per entry. */
export function Table({ caption, columns, rows }: { caption?: Child; columns: Column[]; rows: Child[][] }) {
  const classOf = (i: number) => {
    const column = columns[i];
    return typeof column === "object" ? column.class : undefined;
  };
  // A column's name beside each value when a narrow screen shows rows as cards.
  const labelOf = (i: number) => {
    const column = columns[i];
    return typeof column === "string" ? column : typeof column?.label === "string" ? column.label : undefined;
  };
  return (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" class={typeof c === "object" ? c.class : undefined}>
              {typeof c === "object" ? c.label : c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells) => (
          <tr>
            {cells.map((cell, i) => (
              <td class={classOf(i)} data-label={labelOf(i)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A set-up list (offices, services): an add button for whoever may add, then the table or a line saying there is none. */
export function SetupList(p: { add: { href: string; label: string } | null; none: string; columns: Column[]; rows: Child[][] }) {
  return (
    <>
      {p.add ? (
        <p>
          <LinkButton href={p.add.href} kind="primary">
            {p.add.label}
          </LinkButton>
        </p>
      ) : null}
      {p.rows.length === 0 ? <p class="muted">{p.none}</p> : <Table columns={p.columns} rows={p.rows} />}
    </>
  );
}

/** A small form with one button acting on one entry of a list (remove, revoke, close again); `describe` names the entry to a screen reader. */
export function RowButton(p: { action: string; csrf: string; label: string; describe?: string }) {
  return (
    <PostForm action={p.action} csrf={p.csrf}>
      <button type="submit" class="btn secondary small" aria-label={p.describe}>
        {p.label}
      </button>
    </PostForm>
  );
}

/** Entries as a list, each with its remove button where it may be removed (`removeAction`), or a line saying there are none. */
export function RemovableList(p: { entries: { text: string; removeAction: string | null }[]; none: string; remove: string; csrf: string }) {
  if (p.entries.length === 0) return <p>{p.none}</p>;
  return (
    <ul>
      {p.entries.map((e) => (
        <li>
          {`${e.text} `}
          {e.removeAction ? <RowButton action={e.removeAction} csrf={p.csrf} label={p.remove} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** Two submit buttons of one form: the first only checks and shows what would change, the second writes. `name` is the field the route reads. */
export function PreviewAndSave(p: { name: string; preview: string; save: string }) {
  return (
    <>
      <button type="submit" name={p.name} value="preview" class="btn secondary">
        {p.preview}
      </button>
      <button type="submit" name={p.name} value="save" class="btn">
        {p.save}
      </button>
    </>
  );
}
