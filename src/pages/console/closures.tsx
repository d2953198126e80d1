// Closures: the office's coming closures with the form that closes a day, and one closed day with
// its appointments (still there, or moved off it).
import { Button, Notice, PostForm } from "../components.js";
import { NoticeBox, OfficeFilter, RowButton, Table, type OfficeChoice, type PageNotice } from "./parts.js";
import { StatusBadge } from "./status.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface ClosureView {
  id: string;
  /** The local date, or "start – end" for a closure by hours. */
  when: string;
  date: string | null;
  reason: string;
  open: boolean;
}

export interface ClosuresProps {
  office: OfficeChoice & { timeZone: string };
  offices: OfficeChoice[];
  today: string;
  closures: ClosureView[];
  form: { date: string; reason: string };
  message?: PageNotice;
  csrf: string;
  t: ConsoleStrings;
}

export function ClosuresPage({ office, offices, today, closures, form, message, csrf, t }: ClosuresProps) {
  const w = t.closures;
  return (
    <>
      {offices.length > 1 ? <OfficeFilter action="/console/closures" office={office} offices={offices} t={t} /> : null}
      <NoticeBox notice={message} />
      <section class="card">
        <h2>{w.closeDay(office.name)}</h2>
        <p class="muted">{w.closeHint}</p>
        <PostForm action="/console/closures" csrf={csrf}>
          <input type="hidden" name="office" value={office.id} />
          <div class="row">
            <div>
              <label for="date">{w.date(office.timeZone)}</label>
              <input id="date" name="date" type="date" min={today} value={form.date} required />
            </div>
            <div class="grow">
              <label for="reason">{w.reason}</label>
              <input id="reason" name="reason" type="text" maxlength={300} value={form.reason} required />
            </div>
            <Button kind="danger">{w.submit}</Button>
          </div>
        </PostForm>
      </section>
      <h2>{w.coming}</h2>
      {closures.length === 0 ? (
        <p class="muted">{w.none}</p>
      ) : (
        <Table
          columns={[w.columns.when, w.columns.reason, w.columns.kind, { label: w.columns.actions, class: "no-print" }]}
          rows={closures.map((c) => [
            c.when,
            c.reason,
            c.open ? w.openHoliday : w.closed,
            <>
              {c.date && !c.open ? <a href={`/console/closures/${office.id}/${c.date}`}>{w.appointments}</a> : null}{" "}
              <RowButton action={`/console/closures/${office.id}/${c.id}/delete`} csrf={csrf} label={c.open ? w.remove : w.reopen} />
            </>,
          ])}
        />
      )}
    </>
  );
}

export interface MovedView {
  id: string;
  reference: string;
  from: string;
  to: string;
  fromStaff: string;
  toStaff: string;
}

export interface RemainingView {
  id: string;
  reference: string;
  time: string;
  interviewer: string;
  status: string;
  /** Why it cannot be moved; null when it can. */
  reason: string | null;
}

export interface ClosedDayProps {
  office: OfficeChoice & { timeZone: string };
  date: string;
  dateWords: string;
  closures: { id: string; reason: string }[];
  /** The result of a move just made; absent before any. */
  moved?: MovedView[];
  remaining: RemainingView[];
  csrf: string;
  t: ConsoleStrings;
}

const appointmentLink = (id: string, text: string) => <a href={`/console/appointments/${id}`}>{text}</a>;

function MovedTable({ moved, zone, t }: { moved: MovedView[]; zone: string; t: ConsoleStrings }) {
  const w = t.closures;
  const c = w.movedColumns;
  return (
    <Table
      caption={w.movedCaption(zone)}
      columns={[c.case, c.was, c.now, c.interviewer]}
      rows={moved.map((m) => [appointmentLink(m.id, m.reference), m.from, m.to, m.fromStaff === m.toStaff ? m.toStaff : w.wasStaff(m.toStaff, m.fromStaff)])}
    />
  );
}

function RemainingTable({ remaining, zone, t }: { remaining: RemainingView[]; zone: string; t: ConsoleStrings }) {
  const w = t.closures;
  const c = w.remainingColumns;
  return (
    <Table
      caption={w.remainingCaption(zone)}
      columns={[c.time, c.case, c.interviewer, c.status, c.move]}
      rows={remaining.map((r) => [
        r.time,
        appointmentLink(r.id, r.reference),
        r.interviewer,
        <StatusBadge status={r.status} t={t} />,
        r.reason === null ? w.willMove : <strong class="flag">{w.needsCall(r.reason)}</strong>,
      ])}
    />
  );
}

export function ClosedDayPage({ office, date, dateWords, closures, moved, remaining, csrf, t }: ClosedDayProps) {
  const w = t.closures;
  const flagged = remaining.filter((r) => r.reason !== null).length;
  const movable = remaining.length - flagged;
  return (
    <>
      <p>
        {w.closedOn(office.name)} <strong>{dateWords}</strong> ({date}): {closures.map((c) => c.reason).join("; ")}.{" "}
        <a href={`/console/closures?office=${office.id}`} class="no-print">
          {w.all}
        </a>
      </p>
      {moved ? (
        <Notice tone={flagged ? "error" : "ok"}>
          <p>
            {w.movedCount(moved.length)}
            {flagged ? ` ${w.notMoved(flagged)}` : ""}
          </p>
        </Notice>
      ) : null}
      {moved?.length ? <MovedTable moved={moved} zone={office.timeZone} t={t} /> : null}
      {remaining.length ? <RemainingTable remaining={remaining} zone={office.timeZone} t={t} /> : <p>{w.noneLeft}</p>}
      {movable ? (
        <PostForm action={`/console/closures/${office.id}/${date}/move`} csrf={csrf}>
          <p class="no-print">
            <Button>{w.moveAll}</Button>
            <span class="muted">{w.moveAllHint}</span>
          </p>
        </PostForm>
      ) : null}
    </>
  );
}
