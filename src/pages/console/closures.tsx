// Closures: the office's coming closures with the form that closes a day, and one closed day with
// its appointments (still there, or moved off it).
import { Button, Notice, PostForm } from "../components.js";
import { NoticeBox, OfficeFilter, Table, type OfficeChoice, type PageNotice } from "./parts.js";
import { StatusBadge } from "./status.js";

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
}

export function ClosuresPage({ office, offices, today, closures, form, message, csrf }: ClosuresProps) {
  return (
    <>
      {offices.length > 1 ? <OfficeFilter action="/console/closures" office={office} offices={offices} /> : null}
      <NoticeBox notice={message} />
      <section class="card">
        <h2>Close a day at {office.name}</h2>
        <p class="muted">Nothing can be booked on a closed day. Its appointments are listed next, with a button that moves them all to the first free times.</p>
        <PostForm action="/console/closures" csrf={csrf}>
          <input type="hidden" name="office" value={office.id} />
          <div class="row">
            <div>
              <label for="date">Date ({office.timeZone})</label>
              <input id="date" name="date" type="date" min={today} value={form.date} required />
            </div>
            <div class="grow">
              <label for="reason">Reason</label>
              <input id="reason" name="reason" type="text" maxlength={300} value={form.reason} required />
            </div>
            <Button kind="danger">Close the office that day</Button>
          </div>
        </PostForm>
      </section>
      <h2>Coming closures</h2>
      {closures.length === 0 ? (
        <p class="muted">No closures from today on. Public holidays close the office too.</p>
      ) : (
        <Table
          columns={["When", "Reason", "Kind", { label: "Actions", class: "no-print" }]}
          rows={closures.map((c) => [
            c.when,
            c.reason,
            c.open ? "Open (a holiday worked)" : "Closed",
            <>
              {c.date && !c.open ? <a href={`/console/closures/${office.id}/${c.date}`}>Appointments</a> : null}{" "}
              <PostForm action={`/console/closures/${office.id}/${c.id}/delete`} csrf={csrf}>
                <button type="submit" class="btn secondary small">
                  {c.open ? "Remove" : "Reopen"}
                </button>
              </PostForm>
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
}

const appointmentLink = (id: string, text: string) => <a href={`/console/appointments/${id}`}>{text}</a>;

function MovedTable({ moved, zone }: { moved: MovedView[]; zone: string }) {
  return (
    <Table
      caption={`Moved off this day (times in ${zone})`}
      columns={["Case", "Was", "Now", "Interviewer"]}
      rows={moved.map((m) => [appointmentLink(m.id, m.reference), m.from, m.to, m.fromStaff === m.toStaff ? m.toStaff : `${m.toStaff} (was ${m.fromStaff})`])}
    />
  );
}

function RemainingTable({ remaining, zone }: { remaining: RemainingView[]; zone: string }) {
  return (
    <Table
      caption={`Still on this day (times in ${zone})`}
      columns={["Time", "Case", "Interviewer", "Status", "Move"]}
      rows={remaining.map((r) => [
        r.time,
        appointmentLink(r.id, r.reference),
        r.interviewer,
        <StatusBadge status={r.status} />,
        r.reason === null ? "Will move to the first free time" : <strong class="flag">Needs a call: {r.reason}</strong>,
      ])}
    />
  );
}

export function ClosedDayPage({ office, date, dateWords, closures, moved, remaining, csrf }: ClosedDayProps) {
  const flagged = remaining.filter((r) => r.reason !== null).length;
  const movable = remaining.length - flagged;
  return (
    <>
      <p>
        {office.name} is closed on <strong>{dateWords}</strong> ({date}): {closures.map((c) => c.reason).join("; ")}.{" "}
        <a href={`/console/closures?office=${office.id}`} class="no-print">
          All closures
        </a>
      </p>
      {moved ? (
        <Notice tone={flagged ? "error" : "ok"}>
          <p>
            Moved {moved.length} appointment{moved.length === 1 ? "" : "s"}; the new times are on their way to the applicants.
            {flagged ? ` ${flagged} could not be moved: call them.` : ""}
          </p>
        </Notice>
      ) : null}
      {moved?.length ? <MovedTable moved={moved} zone={office.timeZone} /> : null}
      {remaining.length ? <RemainingTable remaining={remaining} zone={office.timeZone} /> : <p>No appointments are left on this day.</p>}
      {movable ? (
        <PostForm action={`/console/closures/${office.id}/${date}/move`} csrf={csrf}>
          <p class="no-print">
            <Button>Move all to the first free times</Button>
            <span class="muted">Each moves to the first free time after this day inside its case's window, with the same interviewer when free.</span>
          </p>
        </PostForm>
      ) : null}
    </>
  );
}
