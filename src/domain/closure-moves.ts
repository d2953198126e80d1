// Closing an office day in one step and moving its appointments to the first free times; the same
// move for appointments an interviewer's new hours leave outside them ("stranded").
//
// Each appointment is moved by its own reschedule() (one atomic batch with its history entry and
// its "update" messages), never all together: a crash half-way leaves some appointments moved
// and the rest still on the closed day, and running the move again finishes the job, because it
// only looks at what is still on that day.
import { and, eq } from "drizzle-orm";
import { closures } from "../db/schema.js";
import { isLive } from "./lifecycle.js";
import { localDateOf, type Slot } from "../slots/index.js";
import { reschedule } from "./booking/transitions.js";
import { appointmentHistory, daySheet, findAppointment, getAppointment, type AppointmentRow } from "./booking/read.js";
import { findCase } from "./cases.js";
import { addDays, dayNumber, parseInstant } from "./dates.js";
import { createClosure, getOffice, type ClosureRow, type OfficeRow } from "./offices.js";
import { getService } from "./services.js";
import { MAX_RANGE_DAYS, caseWindow, listSlots } from "./slot-search.js";
import { ruleSetWith, strandedAppointments } from "./staff-preview.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";
import { DomainError, conflict, invalidFields, type FieldError } from "./errors.js";

/** Free times tried per appointment when others take them first (a race), before flagging it. */
const ATTEMPTS = 8;
const REASON_MAX = 300;

export interface Move {
  appointmentId: string;
  caseId: string;
  from: { start: number; staffId: string };
  to: { start: number; staffId: string };
}

export interface Flag {
  appointment: AppointmentRow;
  reason: string;
}

export interface Remaining {
  appointment: AppointmentRow;
  /** Why it cannot be moved; null when a free time is waiting for it. */
  reason: string | null;
}

export const isRealDate = (date: string) => dayNumber(date) !== null;

function assertDate(date: string) {
  if (!isRealDate(date)) throw invalidFields([{ path: "date", message: "must be a date written YYYY-MM-DD" }]);
}

/** The whole-day closures of that date (not "open" entries, which mark a holiday as worked). */
export async function closuresOn(ctx: Ctx, officeId: string, date: string): Promise<ClosureRow[]> {
  assertOffice(ctx.actor, officeId);
  return ctx.deps.database.db
    .select()
    .from(closures)
    .where(and(eq(closures.officeId, officeId), eq(closures.date, date)));
}

/**
 * Closes the office on a local date. Closing a day already closed returns that closure (a form
 * sent twice makes one), and a day with no appointments is closed all the same.
 */
export async function closeDay(ctx: Ctx, officeId: string, input: { date: string; reason: string }): Promise<{ closure: ClosureRow; created: boolean }> {
  assertOffice(ctx.actor, officeId);
  const office = await getOffice(ctx, officeId);
  const reason = input.reason.trim();
  const errors: FieldError[] = [];
  const today = localDateOf(office.timeZone, ctx.deps.clock.now());
  if (!isRealDate(input.date)) errors.push({ path: "date", message: "must be a date written YYYY-MM-DD" });
  else if (input.date < today) errors.push({ path: "date", message: `must be today (${today}) or later` });
  if (!reason) errors.push({ path: "reason", message: "is required: say why the office is closed" });
  else if (reason.length > REASON_MAX) errors.push({ path: "reason", message: `must be at most ${REASON_MAX} characters` });
  if (errors.length) throw invalidFields(errors);

  const existing = await closuresOn(ctx, officeId, input.date);
  const open = existing.find((c) => c.open);
  // An "open" entry wins over closures in the slot engine: closing would change nothing.
  if (open) throw conflict(`${input.date} is marked as a working day ("${open.reason}"). Remove that entry first, then close the day.`);
  if (existing[0]) return { closure: existing[0], created: false };
  return { closure: await createClosure(ctx, officeId, { date: input.date, reason }), created: true };
}

/** Why an appointment cannot be moved by the office at all, or null. */
function blockerOf(a: AppointmentRow, office: OfficeRow, now: number): string | null {
  if (a.status === "checked_in") return "The applicant has already checked in.";
  if (a.startAt <= now) return "It has already started.";
  if (a.rescheduleCount >= office.settings.rescheduleLimit) return `It has been moved ${a.rescheduleCount} time${a.rescheduleCount === 1 ? "" : "s"} already, the office's limit.`;
  return null;
}

/**
 * Free slots of the appointment's service and case (its language, its window) in [from, to),
 * earliest first. Searched in whole spans of the engine's range from `from`, so that cases with
 * different windows ask the same question and share the cached answer (the case's window cuts it).
 */
async function firstFree(ctx: Ctx, a: AppointmentRow, from: string, to: string): Promise<Slot[]> {
  for (let start = from; start < to; start = addDays(start, MAX_RANGE_DAYS)) {
    const { timeZone, slots } = await listSlots(ctx, { serviceId: a.serviceId, officeId: a.officeId, caseId: a.caseId, from: start, to: addDays(start, MAX_RANGE_DAYS) });
    const inRange = slots.filter((s) => localDateOf(timeZone, s.start) < to);
    if (inRange.length) return inRange;
  }
  return [];
}

/**
 * Where an appointment of the closed day may go: the first free times after that day inside the
 * case's window; only when none is left there, the first ones before it (never sooner than the
 * service's notice). Moving later first keeps the applicant's plans and gives them notice.
 */
type FreeTimes = { slots: Slot[]; window: { firstDate: string; lastDate: string } };

async function freeTimesFor(ctx: Ctx, a: AppointmentRow, date: string): Promise<FreeTimes> {
  const [caseRow, service] = await Promise.all([findCase(ctx, a.caseId), getService(ctx, a.serviceId)]);
  const window = caseWindow(caseRow, service);
  // The search starts the day after the closure for every case, and the slot search cuts its
  // answer to each case's window: one engine run serves all the day's cases of a service and
  // language from the cache, instead of one run per case (the closed day's page was seconds).
  const later = addDays(date, 1) <= window.lastDate ? await firstFree(ctx, a, addDays(date, 1), addDays(window.lastDate, 1)) : [];
  if (later.length) return { slots: later, window };
  // Never from a day already past: nothing there can be booked (a window that ended long ago
  // made this a search of years, one engine run per 92 days).
  const today = localDateOf((await getOffice(ctx, a.officeId)).timeZone, ctx.deps.clock.now());
  const from = window.firstDate > today ? window.firstDate : today;
  const before = from < date ? await firstFree(ctx, a, from, date) : [];
  return { slots: before, window };
}

const noFreeTime = (w: { firstDate: string; lastDate: string }) => `No free time is left in the case's window (${w.firstDate} to ${w.lastDate}).`;

/** The same interviewer when free then, else the least-loaded one who speaks the case's language. */
const interviewerFor = (slot: Slot, a: AppointmentRow) => (slot.staffIds.includes(a.staffId) ? a.staffId : slot.staffIds[0]!);

async function live(ctx: Ctx, officeId: string, date: string): Promise<{ office: OfficeRow; rows: AppointmentRow[] }> {
  assertOffice(ctx.actor, officeId);
  assertDate(date);
  const office = await getOffice(ctx, officeId);
  const rows = (await daySheet(ctx, officeId, date)).filter((a) => isLive(a.status));
  return { office, rows };
}

/** The live appointments still on a day, each with the reason it cannot be moved (null: it can). */
export async function stillOnDay(ctx: Ctx, officeId: string, date: string): Promise<Remaining[]> {
  const { office, rows } = await live(ctx, officeId, date);
  const now = ctx.deps.clock.now();
  const out: Remaining[] = [];
  for (const a of rows) {
    const blocker = blockerOf(a, office, now);
    if (blocker) {
      out.push({ appointment: a, reason: blocker });
      continue;
    }
    const { slots, window } = await freeTimesFor(ctx, a, date);
    out.push({ appointment: a, reason: slots.length ? null : noFreeTime(window) });
  }
  return out;
}

/** A stranded appointment may go anywhere in its case's window: the first free times in it. */
async function freeTimesInWindow(ctx: Ctx, a: AppointmentRow): Promise<FreeTimes> {
  const [caseRow, service] = await Promise.all([findCase(ctx, a.caseId), getService(ctx, a.serviceId)]);
  const window = caseWindow(caseRow, service);
  return { slots: await firstFree(ctx, a, window.firstDate, addDays(window.lastDate, 1)), window };
}

/**
 * Moves one appointment to its first free time (from `search`) that is still free when written.
 * `stillToMove` judges the appointment as it is after a refusal: null when it no longer needs moving.
 */
async function moveOne(ctx: Ctx, a: AppointmentRow, search: () => Promise<FreeTimes>, stillToMove: (now: AppointmentRow) => boolean): Promise<Move | Flag | null> {
  const { slots, window } = await search();
  if (!slots.length) return { appointment: a, reason: noFreeTime(window) };
  for (const slot of slots.slice(0, ATTEMPTS)) {
    const staffId = interviewerFor(slot, a);
    try {
      await reschedule(ctx, a.id, { start: slot.start, staffId });
      return { appointmentId: a.id, caseId: a.caseId, from: { start: a.startAt, staffId: a.staffId }, to: { start: slot.start, staffId } };
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === "internal") throw error;
      if (error.kind === "slot-taken") continue;
      // Someone changed it meanwhile (perhaps moved it already): judge it as it is now.
      const now = await findAppointment(ctx, a.id);
      if (!isLive(now.status) || !stillToMove(now)) return null;
      return { appointment: now, reason: error.detail };
    }
  }
  return { appointment: a, reason: "Its free times were taken by other bookings while moving it. Press the button again." };
}

/**
 * Moves every live appointment of a closed day, in start order, each to the first free time of
 * its own service inside its case's window. Those that cannot move are flagged and left as they
 * are. Safe to run again: it only finds what is still on that day.
 */
export async function moveAppointmentsOff(ctx: Ctx, officeId: string, date: string): Promise<{ moved: Move[]; flagged: Flag[] }> {
  const { office, rows } = await live(ctx, officeId, date);
  if (!(await closuresOn(ctx, officeId, date)).some((c) => !c.open)) {
    throw conflict(`The office is not closed on ${date}. Close the day first, so that nothing new is booked on it.`);
  }
  const moved: Move[] = [];
  const flagged: Flag[] = [];
  for (const a of rows) {
    const blocker = blockerOf(a, office, ctx.deps.clock.now());
    const outcome = blocker
      ? { appointment: a, reason: blocker }
      : await moveOne(
          ctx,
          a,
          () => freeTimesFor(ctx, a, date),
          (now) => now.localDate === date,
        );
    if (outcome && "reason" in outcome) flagged.push(outcome);
    else if (outcome) moved.push(outcome);
  }
  return { moved, flagged };
}

/**
 * Moves the interviewer's appointments that their saved hours leave outside them (at the offices
 * the actor may set hours for), in start order, each to the first free time in its case's window,
 * with the same interviewer when free. Those that cannot move are flagged and left as they are;
 * safe to run again.
 */
export async function moveStranded(ctx: Ctx, staffId: string): Promise<{ moved: Move[]; flagged: Flag[] }> {
  const set = await ruleSetWith(ctx, staffId);
  const moved: Move[] = [];
  const flagged: Flag[] = [];
  for (const a of await strandedAppointments(ctx, set)) {
    const office = await getOffice(ctx, a.officeId);
    const blocker = blockerOf(a, office, ctx.deps.clock.now());
    const unchanged = (now: AppointmentRow) => now.startAt === a.startAt && now.staffId === a.staffId;
    const outcome = blocker ? { appointment: a, reason: blocker } : await moveOne(ctx, a, () => freeTimesInWindow(ctx, a), unchanged);
    if (outcome && "reason" in outcome) flagged.push(outcome);
    else if (outcome) moved.push(outcome);
  }
  return { moved, flagged };
}

/**
 * The moves off `date` of the given appointments, read back from their history (the last
 * reschedule whose old start was on that day). Ids of other offices or never moved are skipped.
 */
export async function movesOffDay(ctx: Ctx, officeId: string, date: string, ids: string[]): Promise<Move[]> {
  assertOffice(ctx.actor, officeId);
  const office = await getOffice(ctx, officeId);
  const moves: Move[] = [];
  for (const id of ids) {
    const a = await getAppointment(ctx, id).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind !== "internal") return null;
      throw error;
    });
    if (!a || a.officeId !== officeId) continue;
    const entries = await appointmentHistory(ctx, id);
    const entry = entries
      .reverse()
      .find((h) => h.action === "reschedule" && typeof h.from?.start === "string" && localDateOf(office.timeZone, parseInstant(h.from.start as string) ?? 0) === date);
    if (!entry?.from || !entry.to) continue;
    moves.push({
      appointmentId: id,
      caseId: a.caseId,
      from: { start: parseInstant(entry.from.start as string)!, staffId: String(entry.from.staffId) },
      to: { start: parseInstant(entry.to.start as string)!, staffId: String(entry.to.staffId) },
    });
  }
  return moves;
}
