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
import type { ConsoleStrings } from "../../pages/console/strings/index.js";
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
import { canUseOffice } from "../../domain/access.js";
import { appointmentOffers } from "../../domain/offers-read.js";
import { setPriority } from "../../domain/case-priority.js";
import { offersSection, priorityForm } from "./offers.js";

/** The status the appointment is in after each change (`?done=`): the message shows only while it still is. */
const DONE_STATUS: Record<keyof ConsoleStrings["appointment"]["done"], string> = { ...STATUS_AFTER, cancelled: "cancelled", rescheduled: "scheduled" };

const isDone = (value: string | undefined): value is keyof typeof DONE_STATUS => value !== undefined && Object.hasOwn(DONE_STATUS, value);

/** A history snapshot in a line: status, start, interviewer, room, and the reason when there is one. */
function describe(s: Record<string, unknown> | null, zone: string, names: DeskNames, t: ConsoleStrings): string {
  if (!s) return "—";
  const start = typeof s.start === "string" ? parseInstant(s.start) : null;
  const parts = [
    isStatus(s.status) ? t.statusNames[s.status] : String(s.status),
    start === null ? null : stamp(start, zone),
    typeof s.staffId === "string" ? names.interviewer(s.staffId) : null,
  ];
  if (typeof s.roomId === "string") parts.push(names.room(s.roomId));
  if (typeof s.reason === "string") parts.push(`${t.appointment.reasonWord}: ${s.reason}`);
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
  const { t, lang } = c.var;
  const a = t.appointment;
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
      { admin: a.admin, applicant: a.applicant },
    ),
  ]);
  const movable = isMovable(row.status);
  const offers = canUseOffice(ctx.actor, office.id) ? await appointmentOffers(ctx.deps, row.id, row.caseId) : null;
  const done = isDone(v.done) ? { status: DONE_STATUS[v.done], text: a.done[v.done] } : undefined;
  const window = caseWindow(o.caseRow, service);
  return consolePage(
    c,
    { title: a.title(names.reference(row.caseId)), section: "day", status: v.status },
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
        when: `${dateWords(row.startAt, zone, lang)}, ${localTime(row.startAt, zone)}–${localTime(row.endAt, zone)}`,
        zone,
        sequence: row.sequence,
        rescheduleCount: row.rescheduleCount,
        rescheduleLimit: office.settings.rescheduleLimit,
        window: a.windowRange(window.firstDate, window.lastDate),
        windowOverride: row.windowOverride,
        dayHref: dayHref(office.id, row.localDate),
      }}
      history={history.map((h) => ({
        at: stamp(h.at, zone),
        actor: actorName(h.actor),
        action: a.historyActions[h.action] ?? h.action.replace("_", " "),
        from: describe(h.from, zone, names, t),
        to: describe(h.to, zone, names, t),
      }))}
      notifications={messages.items.map((n) => ({
        kind: a.messageWords[n.kind] ?? n.kind,
        channel: a.messageWords[n.channel] ?? n.channel,
        due: stamp(n.sendAfter, zone),
        status: a.messageWords[n.status] ?? n.status,
        attempts: n.attempts,
        sent: n.sentAt === null ? "—" : stamp(n.sentAt, zone),
      }))}
      csrf={c.var.csrf}
      notice={v.notice ?? (done && done.status === row.status ? { tone: "ok", text: done.text } : null)}
      reschedule={movable ? await rescheduleWeek(o, v, t, lang) : null}
      canCancel={movable}
      override={v.override ?? { start: "", reason: "" }}
      cancelReason={v.cancelReason ?? ""}
      offers={offers && offersSection(offers, o.caseRow, zone, lang, c.var.csrf, `${appointmentPath(o)}/priority`)}
      t={t}
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
    if (!isStatusAction(action)) return refuseOn(c, back, 422, c.var.t.appointment.badAction);
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

  // The case's priority flag for earlier-time offers, set or cleared with a reason.
  console.post("/appointments/:id/priority", async (c) => {
    const o = await openAppointment(c);
    const flag = priorityForm(await formOf(c));
    if ("refusal" in flag) return show(c, o, { status: 422, notice: errorNotice(flag.refusal) });
    await setPriority(o.ctx, o.caseRow.id, flag);
    return c.redirect(appointmentPath(o), 303);
  });

  console.post("/appointments/:id/cancel", async (c) => {
    const o = await openAppointment(c);
    const form = await formOf(c);
    const reason = (form.reason ?? "").trim();
    if (o.row.status === "cancelled") return c.redirect(`${appointmentPath(o)}?done=cancelled`, 303);
    // A line break or control character would reach the history and the applicant's messages.
    const notOne = notOneLine(form);
    if (notOne) return show(c, o, { status: 422, notice: errorNotice(notOne), cancelReason: reason });
    if (!reason) return show(c, o, { status: 422, notice: errorNotice(c.var.t.appointment.cancelReasonRequired) });
    if (reason.length > 500) return show(c, o, { status: 422, notice: errorNotice(c.var.t.move.reasonTooLong), cancelReason: reason });
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
    const { t, lang } = c.var;
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
      return show(c, o, { ...again, staff: undefined, status: 422, notice: errorNotice(t.move.badStaff("staffId", staffId, o.office.name)) });
    }
    const refuse = (text: string) => show(c, o, { ...again, status: 422, notice: errorNotice(text) });
    if (override && !reason) return refuse(t.move.reasonRequired);
    if (reason.length > 500) return refuse(t.move.reasonTooLong);
    if (start === null) return refuse(t.move.badStart(zone));
    // Already there: a resent form after a move finds it done; a first try is nothing to do.
    if (start === o.row.startAt && (!staffId || staffId === o.row.staffId)) {
      if (o.row.rescheduleCount > 0) return c.redirect(`${appointmentPath(o)}?done=rescheduled`, 303);
      return refuse(t.move.alreadyThere);
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
          ? takenNotice(now, c.var.csrf, problem, extra, t, lang)
          : problem.kind === "outside-window"
            ? errorNotice(`${problem.detail} ${t.move.useOutside}`)
            : errorNotice(problem.detail);
      return show(c, now, { ...again, status: statusOf(problem), notice });
    }
    return c.redirect(`${appointmentPath(o)}?done=rescheduled`, 303);
  });
}
