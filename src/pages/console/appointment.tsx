// One appointment for the desk: its details, what happened to it, what was sent, and every
// change staff may make (status, cancel, move within the window or, with a reason, outside it).
import type { Child } from "hono/jsx";
import { Button, LinkButton, Notice, PostForm, type Tone } from "../components.js";

export type Status = "scheduled" | "confirmed" | "checked_in" | "completed" | "no_show" | "cancelled";
export type StatusAction = "confirm" | "check_in" | "complete" | "no_show";

export const STATUS_NAMES: Record<string, string> = {
  scheduled: "Scheduled",
  confirmed: "Confirmed",
  checked_in: "Checked in",
  completed: "Completed",
  no_show: "No-show",
  cancelled: "Cancelled",
};

const ACTION_LABELS: Record<StatusAction, string> = { confirm: "Confirm", check_in: "Check in", complete: "Completed", no_show: "No-show" };

/** The transitions each status allows (the domain checks the time of day on top). */
export const ACTIONS_BY_STATUS: Record<string, StatusAction[]> = {
  scheduled: ["confirm", "check_in", "no_show"],
  confirmed: ["check_in", "no_show"],
  checked_in: ["complete"],
};

export interface PageNotice {
  tone: Tone;
  text: string;
  /** Free starts offered after a refusal, as one-click buttons. */
  child?: Child;
}

export function NoticeBox({ notice }: { notice?: PageNotice | null }) {
  if (!notice) return null;
  return (
    <Notice tone={notice.tone}>
      <p>{notice.text}</p>
      {notice.child ?? null}
    </Notice>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{STATUS_NAMES[status] ?? status}</span>;
}

/** One small form per transition the status allows, each returning to `back`. */
export function StatusButtons({ id, status, back, csrf }: { id: string; status: string; back: string; csrf: string }) {
  return (
    <>
      {(ACTIONS_BY_STATUS[status] ?? []).map((action) => (
        <PostForm action={`/console/appointments/${id}/status`} csrf={csrf}>
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class={action === "no_show" ? "btn small secondary" : "btn small"}>
            {ACTION_LABELS[action]}
          </button>
        </PostForm>
      ))}
    </>
  );
}

export interface Start {
  /** The ISO instant the form sends. */
  value: string;
  label: string;
}

/** A day's (or a refusal's) free starts: one form, one submit button per start. */
export function StartButtons({ id, csrf, starts, extra = {} }: { id: string; csrf: string; starts: Start[]; extra?: Record<string, string> }) {
  return (
    <PostForm action={`/console/appointments/${id}/reschedule`} csrf={csrf}>
      {Object.entries(extra).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {starts.map((s) => (
        <button type="submit" name="start" value={s.value} class="btn small secondary">
          {s.label}
        </button>
      ))}
    </PostForm>
  );
}

export interface AppointmentDetails {
  id: string;
  reference: string;
  number: string;
  service: string;
  office: string;
  interviewer: string;
  room: string;
  status: string;
  when: string;
  zone: string;
  sequence: number;
  rescheduleCount: number;
  rescheduleLimit: number;
  window: string;
  windowOverride: string | null;
  dayHref: string;
}

export interface HistoryLine {
  at: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

export interface NotificationLine {
  kind: string;
  channel: string;
  due: string;
  status: string;
  attempts: number;
  sent: string;
}

export interface WeekOfStarts {
  label: string;
  previous: string | null;
  next: string | null;
  days: { label: string; starts: Start[] }[];
  /** Why no week is offered at all (window passed, limit reached). */
  blocked: string | null;
  staff: { id: string; name: string }[];
  staffId: string;
  week: string;
}

export interface AppointmentPageProps {
  details: AppointmentDetails;
  history: HistoryLine[];
  notifications: NotificationLine[];
  csrf: string;
  notice?: PageNotice | null;
  /** null when the appointment can no longer be moved or cancelled. */
  reschedule: WeekOfStarts | null;
  canCancel: boolean;
  /** What the override form sent, shown again after a refusal. */
  override: { start: string; reason: string };
  cancelReason: string;
}

function Details({ d }: { d: AppointmentDetails }) {
  const rows: [string, Child][] = [
    ["Case reference", <strong>{d.reference}</strong>],
    ["Queue number", d.number],
    ["Status", <StatusBadge status={d.status} />],
    ["When", `${d.when} (${d.zone})`],
    ["Service", d.service],
    ["Office", d.office],
    ["Interviewer", d.interviewer],
    ["Room", d.room],
    ["Case window", d.window],
    ["Invite sequence", String(d.sequence)],
    ["Rescheduled", `${d.rescheduleCount} of at most ${d.rescheduleLimit} times`],
  ];
  if (d.windowOverride) rows.push(["Outside the window because", d.windowOverride]);
  return (
    <table>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row" style="width:14rem">
              {label}
            </th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({ lines }: { lines: HistoryLine[] }) {
  return (
    <table>
      <caption>History</caption>
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>What</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((h) => (
          <tr>
            <td style="white-space:nowrap">{h.at}</td>
            <td>{h.actor}</td>
            <td style="white-space:nowrap">{h.action}</td>
            <td>{h.from}</td>
            <td>{h.to}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Notifications({ lines }: { lines: NotificationLine[] }) {
  return (
    <table>
      <caption>Messages to the applicant</caption>
      <thead>
        <tr>
          <th>Kind</th>
          <th>Channel</th>
          <th>Due</th>
          <th>Status</th>
          <th class="num">Attempts</th>
          <th>Sent</th>
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 ? (
          <tr>
            <td colspan={6} class="muted">
              Nothing was sent: the case has no email or phone.
            </td>
          </tr>
        ) : (
          lines.map((n) => (
            <tr>
              <td>{n.kind}</td>
              <td>{n.channel}</td>
              <td style="white-space:nowrap">{n.due}</td>
              <td>{n.status}</td>
              <td class="num">{n.attempts}</td>
              <td>{n.sent}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Reschedule({ id, csrf, week }: { id: string; csrf: string; week: WeekOfStarts }) {
  return (
    <section>
      <h2>Move to another time in the window</h2>
      {week.blocked ? (
        <p>{week.blocked}</p>
      ) : (
        <>
          <form method="get" action={`/console/appointments/${id}`} class="row">
            <input type="hidden" name="week" value={week.week} />
            <div>
              <label for="staff">Interviewer</label>
              <select id="staff" name="staff">
                <option value="">Any interviewer</option>
                {week.staff.map((s) => (
                  <option value={s.id} selected={s.id === week.staffId}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="btn secondary">
              Show free times
            </button>
          </form>
          <h3>{week.label}</h3>
          {week.days.length === 0 ? <p class="muted">No free time this week.</p> : null}
          <div class="days">
            {week.days.map((day) => (
              <section>
                <h3>{day.label}</h3>
                <StartButtons id={id} csrf={csrf} starts={day.starts} extra={week.staffId ? { staffId: week.staffId } : {}} />
              </section>
            ))}
          </div>
          <p>
            {week.previous ? <LinkButton href={week.previous}>← Previous week</LinkButton> : null}
            {week.next ? <LinkButton href={week.next}>Next week →</LinkButton> : null}
          </p>
        </>
      )}
    </section>
  );
}

function Override({ id, csrf, zone, values }: { id: string; csrf: string; zone: string; values: { start: string; reason: string } }) {
  return (
    <section>
      <h2>Move outside the window</h2>
      <p class="muted">Only when the case needs it; the reason is kept with the appointment.</p>
      <PostForm action={`/console/appointments/${id}/reschedule`} csrf={csrf}>
        <input type="hidden" name="override" value="1" />
        <div class="row">
          <div>
            <label for="override-start">New start ({zone})</label>
            <input id="override-start" type="datetime-local" name="start" value={values.start} required style="font:inherit;min-height:2.5rem" />
          </div>
          <div style="flex:1 1 24rem">
            <label for="override-reason">Reason</label>
            <input id="override-reason" type="text" name="reason" value={values.reason} required maxlength={500} style="width:100%" />
          </div>
          <Button kind="secondary">Move</Button>
        </div>
      </PostForm>
    </section>
  );
}

function Cancel({ id, csrf, reason }: { id: string; csrf: string; reason: string }) {
  return (
    <section>
      <h2>Cancel</h2>
      <PostForm action={`/console/appointments/${id}/cancel`} csrf={csrf}>
        <label for="cancel-reason">Reason (kept in the history)</label>
        <textarea id="cancel-reason" name="reason" required maxlength={500}>
          {reason}
        </textarea>
        <Button kind="danger">Cancel the appointment</Button>
      </PostForm>
    </section>
  );
}

export function AppointmentPage(p: AppointmentPageProps) {
  const { details: d } = p;
  const self = `/console/appointments/${d.id}`;
  return (
    <>
      <NoticeBox notice={p.notice} />
      <p class="no-print">
        <LinkButton href={`${self}/slip`}>Print the slip</LinkButton>
        <LinkButton href={d.dayHref}>Day sheet</LinkButton>
      </p>
      <Details d={d} />
      {(ACTIONS_BY_STATUS[d.status] ?? []).length ? (
        <div style="display:flex;flex-wrap:wrap;gap:.25rem">
          <StatusButtons id={d.id} status={d.status} back={self} csrf={p.csrf} />
        </div>
      ) : null}
      {p.reschedule ? (
        <>
          <Reschedule id={d.id} csrf={p.csrf} week={p.reschedule} />
          {p.reschedule.blocked && d.rescheduleCount >= d.rescheduleLimit ? null : <Override id={d.id} csrf={p.csrf} zone={d.zone} values={p.override} />}
        </>
      ) : null}
      {p.canCancel ? <Cancel id={d.id} csrf={p.csrf} reason={p.cancelReason} /> : null}
      <History lines={p.history} />
      <Notifications lines={p.notifications} />
    </>
  );
}
