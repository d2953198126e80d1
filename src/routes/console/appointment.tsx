// One appointment at the desk: GET /console/appointments/:id (details, history, messages, free
// starts of a week to move it to), GET …/slip (the printable slip), and the forms that change
// it: POST …/status, …/cancel, …/reschedule. The domain checks roles, office scopes and rules;
// a refusal shows the page again with the reason and the domain's 409/422.
import type { Context, Hono } from "hono";
import { ctxOf, type Ctx } from "../../http/context.js";
import { Problem } from "../../http/problem.js";
import { appointmentHistory, daySheet, getAppointment, type AppointmentRow } from "../../domain/booking/read.js";
import { cancel, changeStatus, reschedule } from "../../domain/booking/transitions.js";
import { findCase, type CaseRow } from "../../domain/cases.js";
import { parseInstant } from "../../domain/dates.js";
import { listNotifications } from "../../domain/notifications.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import { queueLabels } from "../../domain/queue-number.js";
import { getService, type ServiceRow } from "../../domain/services.js";
import { listStaff } from "../../domain/staff.js";
import { localDateTimeWords, localTime } from "../../i18n/dates.js";
import { MAX_RANGE_DAYS, caseWindow, listSlots } from "../../domain/slots.js";
import { formatUtcIso, isoDate, localDateOf, localDayOf, localToInstant, parseIsoDate } from "../../slots/index.js";
import { mondayOf } from "../../slots/calendar.js";
import { isLanguage } from "../../pages/language.js";
import { AppointmentPage, STATUS_NAMES, StartButtons, type PageNotice, type Start, type StatusAction, type WeekOfStarts } from "../../pages/console/appointment.js";
import { SlipPage } from "../../pages/console/slip.js";
import { dateWords, dayHref, deskNames, noonOf, showDay, type DeskNames } from "./day.js";
import { consolePage, formOf } from "./render.js";
import { safeNext } from "./sign-in.js";
import type { ConsoleEnv } from "./session.js";

interface Opened {
  ctx: Ctx;
  row: AppointmentRow;
  office: OfficeRow;
  service: ServiceRow;
  caseRow: CaseRow;
}

/** The appointment of the path, read fresh; 404 unknown, 403 outside the person's offices. */
async function open(c: Context<ConsoleEnv>): Promise<Opened> {
  const ctx = ctxOf(c);
  const row = await getAppointment(ctx, c.req.param("id")!);
  const [office, service, caseRow] = await Promise.all([getOffice(ctx, row.officeId), getService(ctx, row.serviceId), findCase(ctx, row.caseId)]);
  return { ctx, row, office, service, caseRow };
}

const selfOf = (o: Opened) => `/console/appointments/${o.row.id}`;
const error = (text: string): PageNotice => ({ tone: "error", text });
const LIVE = ["scheduled", "confirmed"];

const DONE: Record<string, { status: string; text: string }> = {
  confirm: { status: "confirmed", text: "Confirmed." },
  check_in: { status: "checked_in", text: "Checked in." },
  complete: { status: "completed", text: "Marked as completed." },
  no_show: { status: "no_show", text: "Recorded as a no-show." },
  cancelled: { status: "cancelled", text: "Cancelled. The applicant is sent the cancellation." },
  rescheduled: { status: "scheduled", text: "Moved. The applicant is sent the new time and needs to confirm it." },
};

/** "2026-12-07 09:00" in the office's zone. */
const stamp = (instant: number, zone: string) => `${localDateOf(zone, instant)} ${localTime(instant, zone)}`;

/** A history snapshot in a line: status, start, interviewer, room, and the reason when there is one. */
function describe(s: Record<string, unknown> | null, zone: string, names: DeskNames): string {
  if (!s) return "—";
  const start = typeof s.start === "string" ? parseInstant(s.start) : null;
  const parts = [STATUS_NAMES[String(s.status)] ?? String(s.status), start === null ? null : stamp(start, zone), typeof s.staffId === "string" ? names.interviewer(s.staffId) : null];
  if (typeof s.roomId === "string") parts.push(names.room(s.roomId));
  if (typeof s.reason === "string") parts.push(`reason: ${s.reason}`);
  return parts.filter(Boolean).join(" · ");
}

interface WeekRequest {
  week?: string;
  staff?: string;
  done?: string;
}

/** The office's interviewers who give the appointment's service. */
async function serviceStaff(o: Opened): Promise<{ id: string; name: string }[]> {
  const { items } = await listStaff(o.ctx, 200, undefined, o.office.id);
  return items.filter((s) => s.serviceIds.includes(o.service.id)).map((s) => ({ id: s.id, name: s.name }));
}

/**
 * Free starts of one week (any date picks its Monday) inside the case's window and from today
 * on, as the applicant's reschedule page finds them: the appointment's own hold counts as free,
 * its own start is left out. By default the week of the first free start.
 */
async function rescheduleWeek(o: Opened, v: WeekRequest): Promise<WeekOfStarts> {
  const { ctx, row, office, service, caseRow } = o;
  const zone = office.timeZone;
  const staff = await serviceStaff(o);
  const staffId = v.staff ?? "";
  const base: WeekOfStarts = { label: "", previous: null, next: null, days: [], blocked: null, staff, staffId, week: "" };
  const limit = office.settings.rescheduleLimit;
  if (row.rescheduleCount >= limit) {
    return { ...base, blocked: `This appointment has been rescheduled ${row.rescheduleCount === 1 ? "once" : `${row.rescheduleCount} times`}, the office's limit: it cannot be moved again. Cancel it and book a new appointment if the case needs one.` };
  }
  if (staffId && !staff.some((s) => s.id === staffId)) throw new Problem(422, "validation", `staff: no interviewer '${staffId}' gives this service at ${office.name}.`);
  const asked = v.week ? parseIsoDate(v.week) : null;
  if (v.week && asked === null) throw new Problem(422, "validation", `week: '${v.week}' is not a date; write it as YYYY-MM-DD.`);
  const window = caseWindow(caseRow, service);
  const first = Math.max(localDayOf(zone, ctx.deps.clock.now()), parseIsoDate(window.firstDate)!);
  const last = parseIsoDate(window.lastDate)!;
  if (first > last) return { ...base, blocked: `What was the case's window (${window.firstDate} to ${window.lastDate}) has passed: only a move outside the window is possible.` };
  const bounds = [mondayOf(first), mondayOf(last)] as const;
  const search = (from: number, to: number) =>
    listSlots(ctx, { serviceId: service.id, officeId: office.id, caseId: caseRow.id, from: isoDate(from), to: isoDate(to), staffId: staffId || undefined, moving: row }).then((r) => r.slots.filter((s) => s.start !== row.startAt));
  // Unless a week is asked for, the week of the first free start (the search spans at most the engine's range).
  const firstFree = asked === null ? (await search(first, Math.min(last + 1, first + MAX_RANGE_DAYS)))[0] : undefined;
  const wanted = asked ?? (firstFree ? localDayOf(zone, firstFree.start) : first);
  const monday = Math.min(Math.max(mondayOf(wanted), bounds[0]), bounds[1]);
  const slots = await search(monday, monday + 7);
  const days = new Map<number, Start[]>();
  for (const s of slots) {
    const day = localDayOf(zone, s.start);
    (days.get(day) ?? days.set(day, []).get(day)!).push({ value: formatUtcIso(s.start), label: localTime(s.start, zone) });
  }
  const link = (m: number) => `${selfOf(o)}?${new URLSearchParams({ week: isoDate(m), ...(staffId ? { staff: staffId } : {}) })}`;
  const words = (day: number) => dateWords(noonOf(zone, day), zone);
  return {
    ...base,
    label: `${words(Math.max(monday, first))} to ${words(Math.min(monday + 6, last))}`,
    previous: monday > bounds[0] ? link(monday - 7) : null,
    next: monday < bounds[1] ? link(monday + 7) : null,
    days: [...days].map(([day, starts]) => ({ label: words(day), starts })),
    week: isoDate(monday),
  };
}

interface Shown extends WeekRequest {
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
  const names = await deskNames(ctx, office.id, [row]);
  const live = LIVE.includes(row.status);
  const limit = office.settings.rescheduleLimit;
  const done = v.done ? DONE[v.done] : undefined;
  const window = caseWindow(o.caseRow, service);
  const week = live ? await rescheduleWeek(o, v) : null;
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
        rescheduleLimit: limit,
        window: `${window.firstDate} to ${window.lastDate}`,
        windowOverride: row.windowOverride,
        dayHref: dayHref(office.id, row.localDate),
      }}
      history={history.map((h) => ({ at: stamp(h.at, zone), actor: h.actor, action: h.action.replace("_", " "), from: describe(h.from, zone, names), to: describe(h.to, zone, names) }))}
      notifications={messages.items.map((n) => ({ kind: n.kind, channel: n.channel, due: stamp(n.sendAfter, zone), status: n.status, attempts: n.attempts, sent: n.sentAt === null ? "—" : stamp(n.sentAt, zone) }))}
      csrf={c.var.csrf}
      notice={v.notice ?? (done && done.status === row.status ? { tone: "ok", text: done.text } : null)}
      reschedule={week}
      canCancel={live}
      override={v.override ?? { start: "", reason: "" }}
      cancelReason={v.cancelReason ?? ""}
    />,
  );
}

/** A form's `back`, if it is a console page; else the appointment. */
const backOf = (o: Opened, back: string | undefined) => (back !== undefined && safeNext(back) === back ? back : selfOf(o));

/** `back` with what was done, so the page it shows can say so. */
function withDone(o: Opened, back: string, done: string): string {
  const url = new URL(back, "http://console.invalid");
  url.searchParams.set("done", done);
  if (url.pathname !== selfOf(o)) url.searchParams.set("apt", o.row.id);
  return url.pathname + url.search;
}

/** A refused status change, shown on the page the form came from (the day sheet or the appointment). */
async function refuseOn(c: Context<ConsoleEnv>, o: Opened, back: string, status: number, text: string) {
  const url = new URL(back, "http://console.invalid");
  if (url.pathname === "/console/day") {
    const q = Object.fromEntries(url.searchParams);
    return showDay(c, { office: q.office, date: q.date }, status, error(text));
  }
  return show(c, await open(c), { status, notice: error(text) });
}

/** 409 and 422 from the domain are refusals to show; 403, 404 and the rest go to the error page. */
const refusal = (cause: unknown): Problem | null => (cause instanceof Problem && (cause.status === 409 || cause.status === 422) ? cause : null);

const TARGET: Record<StatusAction, string> = { confirm: "confirmed", check_in: "checked_in", complete: "completed", no_show: "no_show" };
const isAction = (value: unknown): value is StatusAction => typeof value === "string" && Object.hasOwn(TARGET, value);

/** An ISO instant with an offset, or a local "YYYY-MM-DDTHH:MM" in the office's zone; null if neither. */
function parseStart(text: string, zone: string): number | null {
  const instant = parseInstant(text);
  if (instant !== null) return instant;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/.exec(text);
  if (!m || parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) === null || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  // A wall time the zone skips (spring forward) has no instant: null, like a wrong date.
  return localToInstant(zone, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]) * 60 + Number(m[5]));
}

/** The next free starts a 409 slot-taken lists, as buttons that send the same form again. */
function takenNotice(o: Opened, csrf: string, cause: Problem, extra: Record<string, string>): PageNotice {
  const zone = o.office.timeZone;
  const next = (cause.extra.nextSlots as { start: string }[] | undefined) ?? [];
  const starts = next.flatMap((s) => {
    const at = parseInstant(s.start);
    return at === null ? [] : [{ value: s.start, label: `${dateWords(at, zone)}, ${localTime(at, zone)}` }];
  });
  return {
    tone: "error",
    text: `${cause.detail} ${starts.length ? "The next free times:" : "There is no free time in the next two weeks."}`,
    child: starts.length ? <StartButtons id={o.row.id} csrf={csrf} starts={starts} extra={extra} /> : undefined,
  };
}

export function registerAppointment(console: Hono<ConsoleEnv>) {
  console.get("/appointments/:id", async (c) => show(c, await open(c), { week: c.req.query("week"), staff: c.req.query("staff") || undefined, done: c.req.query("done") }));

  console.get("/appointments/:id/slip", async (c) => {
    const o = await open(c);
    const zone = o.office.timeZone;
    const language = isLanguage(o.caseRow.language) ? o.caseRow.language : "es";
    const day = await daySheet(o.ctx, o.office.id, o.row.localDate);
    return consolePage(
      c,
      { title: "Appointment slip", section: "day" },
      <SlipPage
        id={o.row.id}
        language={language}
        number={queueLabels(day).get(o.row.id)!}
        when={localDateTimeWords(o.row.startAt, zone, language)}
        durationMinutes={Math.round((o.row.endAt - o.row.startAt) / 60_000)}
        officeName={o.office.name}
        address={o.office.address}
        reference={o.caseRow.reference}
        cancelled={o.row.status === "cancelled"}
      />,
    );
  });

  console.post("/appointments/:id/status", async (c) => {
    const o = await open(c);
    const form = await formOf(c);
    const back = backOf(o, form.back);
    const action = form.action;
    if (!isAction(action)) return refuseOn(c, o, back, 422, "action: choose one of confirm, check_in, complete or no_show.");
    // A second click (or a resent form) finds the change made.
    if (o.row.status === TARGET[action]) return c.redirect(withDone(o, back, action), 303);
    try {
      await changeStatus(o.ctx, o.row.id, action);
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      return refuseOn(c, o, back, problem.status, problem.detail);
    }
    return c.redirect(withDone(o, back, action), 303);
  });

  console.post("/appointments/:id/cancel", async (c) => {
    const o = await open(c);
    const reason = ((await formOf(c)).reason ?? "").trim();
    if (o.row.status === "cancelled") return c.redirect(`${selfOf(o)}?done=cancelled`, 303);
    if (!reason) return show(c, o, { status: 422, notice: error("reason: say why the appointment is cancelled; it is kept in the history.") });
    if (reason.length > 500) return show(c, o, { status: 422, notice: error("reason: at most 500 characters."), cancelReason: reason });
    try {
      await cancel(o.ctx, o.row.id, reason);
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      return show(c, await open(c), { status: problem.status, notice: error(problem.detail), cancelReason: reason });
    }
    return c.redirect(`${selfOf(o)}?done=cancelled`, 303);
  });

  console.post("/appointments/:id/reschedule", async (c) => {
    const o = await open(c);
    const zone = o.office.timeZone;
    const form = await formOf(c);
    const override = form.override === "1";
    const reason = (form.reason ?? "").trim();
    const text = (form.start ?? "").trim();
    const staffId = form.staffId?.trim() || undefined;
    const start = parseStart(text, zone);
    // Shown again after a refusal: the week of the start asked for, and what the override form held.
    const again: Shown = { week: start === null ? undefined : localDateOf(zone, start), staff: staffId, override: override ? { start: text, reason } : undefined };
    if (staffId && !(await serviceStaff(o)).some((s) => s.id === staffId)) {
      return show(c, o, { ...again, staff: undefined, status: 422, notice: error(`staffId: no interviewer '${staffId}' gives this service at ${o.office.name}.`) });
    }
    const refuse = (status: number, notice: PageNotice) => show(c, o, { ...again, status, notice });
    if (override && !reason) return refuse(422, error("reason: say why the appointment moves outside the case's window; it is kept with the appointment."));
    if (reason.length > 500) return refuse(422, error("reason: at most 500 characters."));
    if (start === null) return refuse(422, error(`start: choose a date and time (office time, ${zone}), e.g. 2026-12-21T09:00.`));
    // Already there: a resent form after a move finds it done; a first try is nothing to do.
    if (start === o.row.startAt && (!staffId || staffId === o.row.staffId)) {
      if (o.row.rescheduleCount > 0) return c.redirect(`${selfOf(o)}?done=rescheduled`, 303);
      return refuse(422, error("start: the appointment is already at that time; choose another."));
    }
    try {
      await reschedule(o.ctx, o.row.id, { start, staffId, overrideWindow: override ? { reason } : undefined });
    } catch (cause) {
      const problem = refusal(cause);
      if (!problem) throw cause;
      const now = await open(c);
      const extra: Record<string, string> = { ...(staffId ? { staffId } : {}), ...(override ? { override: "1", reason } : {}) };
      const notice =
        problem.kind === "slot-taken" ? takenNotice(now, c.var.csrf, problem, extra)
        : problem.kind === "outside-window" ? error(`${problem.detail} To move it there anyway, use “Move outside the window” with a reason.`)
        : error(problem.detail);
      return show(c, now, { ...again, status: problem.status, notice });
    }
    return c.redirect(`${selfOf(o)}?done=rescheduled`, 303);
  });
}
