// One appointment for the desk: its details, what happened to it, what was sent, and every
// change staff may make (status, cancel, move within the window or, with a reason, outside it).
import type { Child } from "hono/jsx";
import { Button, LinkButton, PostForm } from "../components.js";
import { DetailsTable, NoticeBox, Table, type PageNotice } from "./parts.js";
import { MoveInWindow, MoveOutsideWindow, type WeekOfStarts } from "./reschedule.js";
import { statusActionsFrom } from "../../domain/lifecycle.js";
import { StatusBadge, StatusButtons } from "./status.js";
import type { ConsoleStrings } from "./strings/index.js";
import { OffersSection, type OffersSectionProps } from "./offers.js";

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
  /** The case's earlier-time offers and priority flag (docs/offers.md); staff of the office only. */
  offers?: OffersSectionProps | null;
  t: ConsoleStrings;
}

function Details({ d, t }: { d: AppointmentDetails; t: ConsoleStrings }) {
  const f = t.appointment.fields;
  const rows: [string, Child][] = [
    [f.reference, <strong>{d.reference}</strong>],
    [f.number, d.number],
    [f.status, <StatusBadge status={d.status} t={t} />],
    [f.when, `${d.when} (${d.zone})`],
    [f.service, d.service],
    [f.office, d.office],
    [f.interviewer, d.interviewer],
    [f.room, d.room],
    [f.window, d.window],
    [f.sequence, String(d.sequence)],
    [f.rescheduled, t.appointment.rescheduledTimes(d.rescheduleCount, d.rescheduleLimit)],
  ];
  if (d.windowOverride) rows.push([f.override, d.windowOverride]);
  return <DetailsTable rows={rows} />;
}

function History({ lines, t }: { lines: HistoryLine[]; t: ConsoleStrings }) {
  const c = t.appointment.historyColumns;
  return (
    <Table
      caption={t.appointment.history}
      columns={[{ label: c.when, class: "nowrap" }, c.who, { label: c.what, class: "nowrap" }, c.before, c.after]}
      rows={lines.map((h) => [h.at, h.actor, h.action, h.from, h.to])}
    />
  );
}

function Notifications({ lines, t }: { lines: NotificationLine[]; t: ConsoleStrings }) {
  const c = t.appointment.messageColumns;
  return (
    <table>
      <caption>{t.appointment.messages}</caption>
      <thead>
        <tr>
          <th>{c.kind}</th>
          <th>{c.channel}</th>
          <th>{c.due}</th>
          <th>{c.status}</th>
          <th class="num">{c.attempts}</th>
          <th>{c.sent}</th>
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 ? (
          <tr>
            <td colspan={6} class="muted">
              {t.appointment.noMessages}
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

function Cancel({ id, csrf, reason, t }: { id: string; csrf: string; reason: string; t: ConsoleStrings }) {
  return (
    <section>
      <h2>{t.appointment.cancel}</h2>
      <PostForm action={`/console/appointments/${id}/cancel`} csrf={csrf}>
        <label for="cancel-reason">{t.appointment.cancelReason}</label>
        {/* One line, as the API's reason: a line break would be refused, so the field cannot take one. */}
        <input id="cancel-reason" name="reason" type="text" required maxlength={500} size={60} value={reason} />
        <Button kind="danger">{t.appointment.cancelSubmit}</Button>
      </PostForm>
    </section>
  );
}

export function AppointmentPage(p: AppointmentPageProps) {
  const { details: d, t } = p;
  const self = `/console/appointments/${d.id}`;
  // At the limit the window's section says so, and moving outside the window is a move too.
  const atLimit = d.rescheduleCount >= d.rescheduleLimit;
  return (
    <>
      <NoticeBox notice={p.notice} />
      <p class="no-print">
        <LinkButton href={`${self}/slip`}>{t.appointment.printSlip}</LinkButton>
        <LinkButton href={d.dayHref}>{t.appointment.daySheet}</LinkButton>
      </p>
      <Details d={d} t={t} />
      {statusActionsFrom(d.status).length ? (
        <div class="actions">
          <StatusButtons id={d.id} status={d.status} back={self} csrf={p.csrf} t={t} />
        </div>
      ) : null}
      {p.reschedule ? (
        <>
          <MoveInWindow id={d.id} csrf={p.csrf} week={p.reschedule} t={t} />
          {p.reschedule.blocked && atLimit ? null : <MoveOutsideWindow id={d.id} csrf={p.csrf} zone={d.zone} values={p.override} t={t} />}
        </>
      ) : null}
      {p.canCancel ? <Cancel id={d.id} csrf={p.csrf} reason={p.cancelReason} t={t} /> : null}
      {p.offers ? <OffersSection {...p.offers} /> : null}
      <History lines={p.history} t={t} />
      <Notifications lines={p.notifications} t={t} />
    </>
  );
}
