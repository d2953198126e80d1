// One appointment at the desk: GET /console/appointments/:id (details, history, messages, free
// starts of a week to move it to) and the forms that change it: POST …/status, …/cancel,
// …/reschedule. The domain checks roles, office scopes and rules; a refusal shows the page again
// with the reason and the domain's 409/422.
import type { Context, Hono } from "hono";
import { appointmentHistory, daySheet } from "../../domain/booking/read.js";
import { cancel, changeStatus, reschedule } from "../../domain/booking/transitions.js";
import { parseInstant } from "../../domain/dates.js";
import { listNotifications } from "../../domain/notifications.js";
import { queueLabels } from "../../domain/queue-number.js";
import { caseWindow } from "../../domain/slot-search.js";
import { localTime } from "../../i18n/dates.js";
import { localDateOf } from "../../slots/index.js";
import { AppointmentPage } from "../../pages/console/appointment.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import { STATUS_NAMES } from "../../pages/console/status.js";
import { STATUS_AFTER, isMovable, isStatus, isStatusAction } from "../../domain/lifecycle.js";
import { dateWords, stamp } from "./dates.js";
import { dayHref, showDay } from "./day.js";
import { actorNames, deskNames, type DeskNames } from "./names.js";
import { appointmentPath, openAppointment, type Opened } from "./opened.js";
import { consolePage, formOf } from "./render.js";
import { parseStart, rescheduleWeek, serviceStaff, takenNotice, type WeekRequest } from "./reschedule.js";
import { consolePath } from "./sign-in.js";
import type { ConsoleEnv } from "./session.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { notOneLine } from "../text.js";

/** What the page says after a change (`?done=`), while the appointment is still in its status. */
const DONE: Record<string, { status: string; text: string }> = {
  confirm: { status: STATUS_AFTER.confirm, text: "Confirmed." },
  check_in: { status: STATUS_AFTER.check_in, text: "Checked in." },
  complete: { status: STATUS_AFTER.complete, text: "Marked as completed." },
  no_show: { status: STATUS_AFTER.no_show, text: "Recorded as a no-show." },
  cancelled: { status: "cancelled", text: "Cancelled. The applicant is sent the cancellation." },
  rescheduled: { status: "scheduled", text: "Moved. The applicant is sent the new time and needs to confirm it." },
};

/** A history snapshot in a line: status, start, interviewer, room, and the reason when there is one. */
function describe(s: Record<string, unknown> | null, zone: string, names: DeskNames): string {
  if (!s) return "—";
  const start = typeof s.start === "string" ? parseInstant(s.start) : null;
  const parts = [
    isStatus(s.status) ? STATUS_NAMES[s.status] : String(s.status),
    start === null ? null : stamp(start, zone),
    typeof s.staffId === "string" ? names.interviewer(s.staffId) : null,
  ];
  if (typeof s.roomId === "string") parts.push(names.room(s.roomId));
  if (typeof s.reason === "string") parts.push(`reason: ${s.reason}`);
  return parts.filter(Boolean).join(" · ");
}

interface Shown extends WeekRequest {
  done?: string;
  status?: number;
  notice?: PageNotice | null;
  override?: { start: string; reason: string };
  cancelReason?: string;
}

async function show(c: Context<ConsoleEnv>, o: Opened, v: Shown = {}) {
  const { ctx, row, office, service } = o;
  const zone = office.timeZone;
  const [day, history, messages] = await Promise.all([
    daySheet(ctx, office.id, row.localDate),
    appointmentHistory(ctx, row.id),
    listNotifications(ctx, 200, undefined, { appointmentId: row.id }),
  ]);
  const [names, actorName] = await Promise.all([
    deskNames(ctx, office.id, [row]),
    actorNames(
      ctx,
      history.map((h) => h.actor),
    ),
  ]);
  const movable = isMovable(row.status);
  const done = v.done ? DONE[v.done] : undefined;
  const window = caseWindow(o.caseRow, service);
  return consolePage(
    c,
    { title: `Appointment ${names.reference(row.caseId)}`, section: "day", status: v.status },
    <AppointmentPage
      details={{
        id: row.id,
        reference: names.reference(row.caseId),
        number: queueLabels(day).get(row.id) ?? "—",
        service: service.name,
        office: office.name,
        interviewer: names.interviewer(row.staffId),
        room: names.room(row.roomId),
        status: row.status,
        when: `${dateWords(row.startAt, zone)}, ${localTime(row.startAt, zone)}–${localTime(row.endAt, zone)}`,
        zone,
        sequence: row.sequence,
        rescheduleCount: row.rescheduleCount,
        rescheduleLimit: office.settings.rescheduleLimit,
        window: `${window.firstDate} to ${window.lastDate}`,
        windowOverride: row.windowOverride,
        dayHref: dayHref(office.id, row.localDate),
      }}
      history={history.map((h) => ({
        at: stamp(h.at, zone),
        actor: actorName(h.actor),
        action: h.action.replace("_", " "),
        from: describe(h.from, zone, names),
        to: describe(h.to, zone, names),
      }))}
      notifications={messages.items.map((n) => ({
        kind: n.kind,
        channel: n.channel,
        due: stamp(n.sendAfter, zone),
        status: n.status,
        attempts: n.attempts,
        sent: n.sentAt === null ? "—" : stamp(n.sentAt, zone),
      }))}
      csrf={c.var.csrf}
      notice={v.notice ?? (done && done.status === row.status ? { tone: "ok", text: done.text } : null)}
      reschedule={movable ? await rescheduleWeek(o, v) : null}
      canCancel={movable}
      override={v.override ?? { start: "", reason: "" }}
      cancelReason={v.cancelReason ?? ""}
    />,
  );
}

/** Only for resolving form paths; never shown or followed. */
const BASE = "http://console.invalid";

/** A form's `back` if it is a console page, else the appointment. */
const backOf = (o: Opened, back: string | undefined) => consolePath(back) ?? appointmentPath(o);

/** `back` with what was done, so the page it shows can say so. */
function withDone(o: Opened, back: string, done: string): string {
  const url = new URL(back, BASE);
  url.searchParams.set("done", done);
  if (url.pathname !== appointmentPath(o)) url.searchParams.set("apt", o.row.id);
  return url.pathname + url.search;
}

/** A refused status change, shown on the page the form came from (the day sheet or the appointment). */
async function refuseOn(c: Context<ConsoleEnv>, back: string, status: number, text: string) {
  const url = new URL(back, BASE);
  if (url.pathname === "/console/day") {
    const q = Object.fromEntries(url.searchParams);
    return showDay(c, { office: q.office, date: q.date }, status, errorNotice(text));
  }
  return show(c, await openAppointment(c), { status, notice: errorNotice(text) });
}

/** 409 and 422 from the domain are refusals to show; 403, 404 and the rest go to the error page. */
const refusal = (cause: unknown): DomainError | null => (cause instanceof DomainError && (statusOf(cause) === 409 || statusOf(cause) === 422) ? cause : null);

export function registerAppointment(console: Hono<ConsoleEnv>) {
  console.get("/appointments/:id", async (c) =>
    show(c, await openAppointment(c), { week: c.req.query("week"), staff: c.req.query("staff") || undefined, done: c.req.query("done") }),
  );

  console.post("/appointments/:id/status", async (c) => {
    const o = await openAppointment(c);
    const form = await formOf(c);
    const back = backOf(o, form.back);
    const action = form.action;
    if (!isStatusAction(action)) return refuseOn(c, back, 422, "action: choose one of confirm, check_in, complete or no_show.");
    // A second click (or a resent form) finds the change made.
    if (o.row.status === STATUS_AFTER[action]) return c.redirect(withDone(o, back, action), 303);
    try {
      await changeStatus(o.ctx, o.row.id, action);
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      return refuseOn(c, back, statusOf(problem), problem.detail);
    }
    return c.redirect(withDone(o, back, action), 303);
  });

  console.post("/appointments/:id/cancel", async (c) => {
    const o = await openAppointment(c);
    const form = await formOf(c);
    const reason = (form.reason ?? "").trim();
    if (o.row.status === "cancelled") return c.redirect(`${appointmentPath(o)}?done=cancelled`, 303);
    // A line break or control character would reach the history and the applicant's messages.
    const notOne = notOneLine(form);
    if (notOne) return show(c, o, { status: 422, notice: errorNotice(notOne), cancelReason: reason });
    if (!reason) return show(c, o, { status: 422, notice: errorNotice("reason: say why the appointment is cancelled; it is kept in the history.") });
    if (reason.length > 500) return show(c, o, { status: 422, notice: errorNotice("reason: at most 500 characters."), cancelReason: reason });
    try {
      await cancel(o.ctx, o.row.id, reason);
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      return show(c, await openAppointment(c), { status: statusOf(problem), notice: errorNotice(problem.detail), cancelReason: reason });
    }
    return c.redirect(`${appointmentPath(o)}?done=cancelled`, 303);
  });

  console.post("/appointments/:id/reschedule", async (c) => {
    const o = await openAppointment(c);
    const zone = o.office.timeZone;
    const form = await formOf(c);
    const override = form.override === "1";
    const reason = (form.reason ?? "").trim();
    const text = (form.start ?? "").trim();
    const staffId = form.staffId?.trim() || undefined;
    const written = parseStart(text, zone);
    const start = written?.at ?? null;
    // Shown again after a refusal: the week of the start asked for, and what the override form held.
    const again: Shown = { week: start === null ? undefined : localDateOf(zone, start), staff: staffId, override: override ? { start: text, reason } : undefined };
    const notOne = notOneLine(form);
    if (notOne) return show(c, o, { week: again.week, override: again.override, status: 422, notice: errorNotice(notOne) });
    if (staffId && !(await serviceStaff(o)).some((s) => s.id === staffId)) {
      return show(c, o, { ...again, staff: undefined, status: 422, notice: errorNotice(`staffId: no interviewer '${staffId}' gives this service at ${o.office.name}.`) });
    }
    const refuse = (text: string) => show(c, o, { ...again, status: 422, notice: errorNotice(text) });
    if (override && !reason) return refuse("reason: say why the appointment moves outside the case's window; it is kept with the appointment.");
    if (reason.length > 500) return refuse("reason: at most 500 characters.");
    if (start === null) return refuse(`start: choose a date and time (office time, ${zone}), e.g. 2026-12-21T09:00.`);
    // Already there: a resent form after a move finds it done; a first try is nothing to do.
    if (start === o.row.startAt && (!staffId || staffId === o.row.staffId)) {
      if (o.row.rescheduleCount > 0) return c.redirect(`${appointmentPath(o)}?done=rescheduled`, 303);
      return refuse("start: the appointment is already at that time; choose another.");
    }
    try {
      await reschedule(o.ctx, o.row.id, { start, startOffset: written?.offset, staffId, overrideWindow: override ? { reason } : undefined });
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      const now = await openAppointment(c);
      const extra: Record<string, string> = { ...(staffId ? { staffId } : {}), ...(override ? { override: "1", reason } : {}) };
      const notice =
        problem.kind === "slot-taken"
          ? takenNotice(now, c.var.csrf, problem, extra)
          : problem.kind === "outside-window"
            ? errorNotice(`${problem.detail} To move it there anyway, use “Move outside the window” with a reason.`)
            : errorNotice(problem.detail);
      return show(c, now, { ...again, status: statusOf(problem), notice });
    }
    return c.redirect(`${appointmentPath(o)}?done=rescheduled`, 303);
  });
}
