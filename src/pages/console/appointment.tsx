// One appointment for the desk: its details, what happened to it, what was sent, and every
// change staff may make (status, cancel, move within the window or, with a reason, outside it).
import type { Child } from "hono/jsx";
import { Button, LinkButton, PostForm } from "../components.js";
import { DetailsTable, NoticeBox, Table, type PageNotice } from "./parts.js";
import { MoveInWindow, MoveOutsideWindow, type WeekOfStarts } from "./reschedule.js";
import { statusActionsFrom } from "../../domain/lifecycle.js";
import { StatusBadge, StatusButtons } from "./status.js";

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
  return <DetailsTable rows={rows} />;
}

function History({ lines }: { lines: HistoryLine[] }) {
  return (
    <Table
      caption="History"
      columns={[{ label: "When", class: "nowrap" }, "Who", { label: "What", class: "nowrap" }, "Before", "After"]}
      rows={lines.map((h) => [h.at, h.actor, h.action, h.from, h.to])}
    />
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
              <td class="nowrap">{n.due}</td>
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

function Cancel({ id, csrf, reason }: { id: string; csrf: string; reason: string }) {
  return (
    <section>
      <h2>Cancel</h2>
      <PostForm action={`/console/appointments/${id}/cancel`} csrf={csrf}>
        <label for="cancel-reason">Reason (kept in the history)</label>
        {/* One line, as the API's reason: a line break would be refused, so the field cannot take one. */}
        <input id="cancel-reason" name="reason" type="text" required maxlength={500} size={60} value={reason} />
        <Button kind="danger">Cancel the appointment</Button>
      </PostForm>
    </section>
  );
}

export function AppointmentPage(p: AppointmentPageProps) {
  const { details: d } = p;
  const self = `/console/appointments/${d.id}`;
  // At the limit the window's section says so, and moving outside the window is a move too.
  const atLimit = d.rescheduleCount >= d.rescheduleLimit;
  return (
    <>
      <NoticeBox notice={p.notice} />
      <p class="no-print">
        <LinkButton href={`${self}/slip`}>Print the slip</LinkButton>
        <LinkButton href={d.dayHref}>Day sheet</LinkButton>
      </p>
      <Details d={d} />
      {statusActionsFrom(d.status).length ? (
        <div class="actions">
          <StatusButtons id={d.id} status={d.status} back={self} csrf={p.csrf} />
        </div>
      ) : null}
      {p.reschedule ? (
        <>
          <MoveInWindow id={d.id} csrf={p.csrf} week={p.reschedule} />
          {p.reschedule.blocked && atLimit ? null : <MoveOutsideWindow id={d.id} csrf={p.csrf} zone={d.zone} values={p.override} />}
        </>
      ) : null}
      {p.canCancel ? <Cancel id={d.id} csrf={p.csrf} reason={p.cancelReason} /> : null}
      <History lines={p.history} />
      <Notifications lines={p.notifications} />
    </>
  );
}
