// One interviewer's time: the week grid per office (in the interviewer's zone, with the office's
// time beside it when the zones differ), the preview of the next four weeks, the appointments
// new hours would strand, and the rules the grid does not show (with hours on one date).
import { Button, Notice, PostForm } from "../components.js";
import { PreviewAndSave, RemovableList, Select, Table } from "./parts.js";
import { Field } from "./cases-form.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface HoursOffice {
  id: string;
  name: string;
  timeZone: string;
  editable: boolean;
  /** The office's place in the member's list: the grid's field names use it. */
  index: number;
  /** [weekday][range] as typed or saved. */
  days: { from: string; to: string }[][];
  /** [weekday][range] the office's time of the next occurrence, when the zones differ. */
  atOffice: (string | null)[][] | null;
}

export interface PreviewRow {
  week: string;
  office: string;
  freeHours: string;
  starts: string;
}

export interface StrandedRow {
  id: string;
  time: string;
  reference: string;
  service: string;
}

export interface HoursProps {
  base: string;
  memberZone: string;
  offices: HoursOffice[];
  preview: PreviewRow[] | null;
  stranded: StrandedRow[];
  /** The stranded list is of saved hours: the move is offered. */
  offerMove: boolean;
  /** After a move: how many moved, how many are still outside the hours (listed below). */
  moved: { moved: number; left: number } | null;
  others: { id: number; office: string; text: string; removable: boolean }[];
  timeOff: { id: string; when: string; reason: string }[];
  timeOffEditable: boolean;
  timeOffForm: { start: string; end: string; reason: string };
  dated: { office: string; date: string; from: string; to: string };
  csrf: string;
  t: ConsoleStrings;
}

const cell = (o: HoursOffice, day: number, range: number, end: "from" | "to") => `h.${o.index}.${day}.${range}.${end}`;

function OfficeGrid({ o, memberZone, t }: { o: HoursOffice; memberZone: string; t: ConsoleStrings }) {
  const w = t.staff;
  const ranges = o.days[0]!.map((_, n) => n);
  const columns = [w.day, ...ranges.flatMap((n) => [`${w.from} (${w.range(n + 1)})`, `${w.to} (${w.range(n + 1)})`]), ...(o.atOffice ? [w.atOffice(o.timeZone)] : [])];
  const input = (day: number, range: number, end: "from" | "to") => {
    const value = o.days[day]![range]![end];
    if (!o.editable) return value || "—";
    const label = `${w.weekdays[day]}, ${w.range(range + 1)}: ${end === "from" ? w.from : w.to}`;
    return <input type="time" name={cell(o, day, range, end)} value={value} aria-label={label} step={300} />;
  };
  return (
    <Table
      caption={`${w.hoursTitle(o.name)} · ${memberZone}`}
      columns={columns}
      rows={w.weekdays.map((day, d) => [
        day,
        ...ranges.flatMap((r) => [input(d, r, "from"), input(d, r, "to")]),
        ...(o.atOffice ? [(o.atOffice[d] ?? []).filter((x): x is string => x !== null).join("; ") || "—"] : []),
      ])}
    />
  );
}

function Stranded({ rows, t }: { rows: StrandedRow[]; t: ConsoleStrings }) {
  const c = t.staff.strandedColumns;
  return (
    <Table
      caption={t.staff.stranded(rows.length)}
      columns={[c.time, c.case, c.service]}
      rows={rows.map((r) => [r.time, <a href={`/console/appointments/${encodeURIComponent(r.id)}`}>{r.reference}</a>, r.service])}
    />
  );
}

export function HoursSection(p: HoursProps) {
  const w = p.t.staff;
  const editable = p.offices.some((o) => o.editable);
  const zonesDiffer = p.offices.filter((o) => o.timeZone !== p.memberZone);
  return (
    <section class="card" id="hours">
      <h2>{p.t.staff.hoursTitle(p.offices.map((o) => o.name).join(", "))}</h2>
      <p class="muted">{w.hoursHint(p.memberZone)}</p>
      {zonesDiffer.map((o) => (
        <p>{w.bothZones(p.memberZone, `${o.name} (${o.timeZone})`)}</p>
      ))}
      <PostForm action={`${p.base}/hours`} csrf={p.csrf}>
        {p.offices.map((o) => (
          <>
            <OfficeGrid o={o} memberZone={p.memberZone} t={p.t} />
            {o.editable ? null : <p class="muted">{w.notTheirs}</p>}
          </>
        ))}
        {editable ? (
          <p>
            <PreviewAndSave name="action" preview={w.preview} save={w.save} />
          </p>
        ) : null}
      </PostForm>
      {p.preview ? (
        <>
          <h3>{w.previewTitle}</h3>
          <p class="muted">{w.previewIntro}</p>
          <Table
            columns={[w.previewColumns.week, w.previewColumns.office, { label: w.previewColumns.freeHours, class: "num" }, w.previewColumns.starts]}
            rows={p.preview.map((r) => [<span class="nowrap">{r.week}</span>, r.office, r.freeHours, r.starts])}
          />
        </>
      ) : null}
      {p.moved ? (
        <Notice tone={p.moved.left ? "error" : "ok"}>
          <p>
            {w.moved(p.moved.moved)}
            {p.moved.left ? ` ${w.notMoved(p.moved.left)}` : ""}
          </p>
        </Notice>
      ) : null}
      {p.stranded.length ? <Stranded rows={p.stranded} t={p.t} /> : null}
      {p.stranded.length && p.offerMove ? (
        <PostForm action={`${p.base}/stranded/move`} csrf={p.csrf}>
          <p>
            <Button>{w.moveAll}</Button> <span class="muted">{w.moveHint}</span>
          </p>
        </PostForm>
      ) : null}
    </section>
  );
}

/** Hours on one date beyond the week (a Saturday session, say), as a rule valid that day only. */
function DatedForm({ base, offices, dated, csrf, t }: Pick<HoursProps, "base" | "offices" | "dated" | "csrf" | "t">) {
  const w = t.staff;
  const mine = offices.filter((o) => o.editable);
  if (!mine.length) return null;
  return (
    <PostForm action={`${base}/rules`} csrf={csrf}>
      <div class="row">
        {mine.length > 1 ? <Select name="office" label={t.office} value={dated.office} choices={mine} /> : <input type="hidden" name="office" value={mine[0]!.id} />}
        <Field name="date" label={w.date} type="date" value={dated.date} required />
        <Field name="from" label={w.from} type="time" value={dated.from} required />
        <Field name="to" label={w.to} type="time" value={dated.to} required />
        <Button kind="secondary">{w.addDated}</Button>
      </div>
    </PostForm>
  );
}

export function OtherRules({ base, others, offices, dated, csrf, t }: Pick<HoursProps, "base" | "others" | "offices" | "dated" | "csrf" | "t">) {
  const w = t.staff;
  return (
    <section class="card">
      <h2>{w.dated}</h2>
      <p class="muted">{w.datedHint}</p>
      <RemovableList
        entries={others.map((r) => ({ text: `${r.office}: ${r.text}`, removeAction: r.removable ? `${base}/rules/${r.id}/delete` : null }))}
        none={w.noDated}
        remove={w.remove}
        csrf={csrf}
      />
      <DatedForm base={base} offices={offices} dated={dated} csrf={csrf} t={t} />
    </section>
  );
}
