// Slot queries for an office, service or case: checked, answered by the pure engine from what
// slot-resources.ts loads, and kept in a versioned cache.
import { findSlots, localDateOf, startOfLocalDay, type Interval, type Slot, type SlotQuery } from "../slots/index.js";
import { versionedCache } from "./versioned-cache.js";
import { loadResources } from "./slot-resources.js";
import { versionsOf, type Versions } from "./versions.js";
import { DAY_MS, addDays, dayNumber, parseInstant } from "./dates.js";
import { findCase, getCase, type CaseRow } from "./cases.js";
import type { AppointmentRow } from "./booking/read.js";
import { getOffice } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import type { Ctx } from "./context.js";
import { invalidField } from "./errors.js";

/** A slot search spans at most this many days: three calendar months (92 days), any window in one query. */
export const MAX_RANGE_DAYS = 92;
/**
 * A client's slot query covers at most this many steps of the service's grid, whatever the
 * office's hours: 92 days at 30-minute steps, 15 at 5-minute ones. It bounds the engine's time
 * and the answer's size (one 92-day query on a 5-minute grid was 25,000 slots, 6.7 MB, ~2 s).
 */
export const MAX_GRID_STARTS = 4_500;

/** When moving an appointment, its own hold is not busy time and its day counts one less. */
export function withoutOwnHold(q: SlotQuery, own: Pick<AppointmentRow, "staffId" | "roomId" | "startAt" | "holdUntil" | "localDate">): SlotQuery {
  const notOwn = (i: Interval) => !(i.start === own.startAt && i.end === own.holdUntil);
  for (const s of q.staff) if (s.id === own.staffId) s.appointments = s.appointments.filter(notOwn);
  for (const room of q.rooms) if (room.id === own.roomId) room.busy = room.busy.filter(notOwn);
  const count = q.dayCounts.get(own.localDate);
  if (count !== undefined) (q.dayCounts as Map<string, number>).set(own.localDate, count - 1);
  return q;
}

/** A range boundary: an instant or local date as the API takes it, or a local day number. */
export type Boundary = string | { day: number };

export interface SlotRequest {
  serviceId: string;
  officeId: string;
  from: Boundary;
  to: Boundary;
  caseId?: string;
  staffId?: string;
  language?: string;
  /** The appointment being moved: its own time is offered too. */
  moving?: AppointmentRow;
  /** For ranges a client chose: at most this many grid steps (MAX_GRID_STARTS). */
  maxGridStarts?: number;
}

/** An instant, or a local date meaning midnight in the office's zone. */
function boundary(value: Boundary, zone: string, field: string): number {
  if (typeof value !== "string" || /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = typeof value === "string" ? dayNumber(value) : value.day;
    const start = day === null ? null : startOfLocalDay(zone, day);
    if (start === null) throw invalidField(field, "must be a real date (YYYY-MM-DD) or an ISO instant with an offset");
    return start;
  }
  const instant = parseInstant(value);
  if (instant === null) throw invalidField(field, "must be a local date (YYYY-MM-DD) or an ISO 8601 instant with an offset or Z");
  return instant;
}

/** The case's window as local dates: screenedAt + minDays … screenedAt + maxDays + extensions. */
export function caseWindow(c: CaseRow, s: ServiceRow) {
  return { firstDate: addDays(c.screenedAt, s.windowMinDays), lastDate: addDays(c.screenedAt, s.windowMaxDays + c.windowExtensionDays) };
}

const keyOf = (b: Boundary) => (typeof b === "string" ? b : `day:${b.day}`);

/** A case's slots are of its office and its track's agency, as its booking would be: else 422 naming the field. */
async function assertCaseFits(ctx: Ctx, caseRow: CaseRow, req: SlotRequest) {
  if (caseRow.officeId !== req.officeId) throw invalidField("office", `the case belongs to office '${caseRow.officeId}'`);
  const service = await getService(ctx, req.serviceId);
  if (service.agency !== caseRow.track) throw invalidField("service", `the case is on the ${caseRow.track} track; '${service.id}' is ${service.agency}'s`);
}

/** A request's free slots: `slots[first, end)` of the engine's cached answer. */
export interface SlotPick {
  timeZone: string;
  slots: readonly Slot[];
  first: number;
  end: number;
  /** Names the cached answer; with `version`, `first` and `end` it fixes the result. */
  key: string;
  version: string;
}

/** Number of leading items for which `before` holds (they are sorted so it holds for a prefix). */
function countWhile<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Free slots for a request. The engine's answer (before the case's window and the notice
 * period, which depend on the case and the clock) is cached per process until a write that
 * shapes this office's free time bumps its version counters. The answer is sorted by start,
 * so the notice period and the window each cut it to a contiguous run.
 */
export async function pickSlots(ctx: Ctx, req: SlotRequest): Promise<SlotPick> {
  const versions = await versionsOf(ctx, req.officeId);
  // An applicant's request names only the case of the appointment their link opens.
  const caseRow = req.caseId ? await (ctx.actor.role === "applicant" ? findCase : getCase)(ctx, req.caseId) : null;
  if (caseRow) await assertCaseFits(ctx, caseRow, req);
  const language = req.language ?? caseRow?.language;
  // The size limit is part of the key: an unchecked answer is never handed to a request that has one.
  const key = [
    req.officeId,
    req.serviceId,
    keyOf(req.from),
    keyOf(req.to),
    req.staffId ?? "",
    language ?? "",
    req.moving ? `${req.moving.id}:${req.moving.version}` : "",
    req.maxGridStarts ?? "",
  ].join("\n");
  const answers = versionedCache<Answer>(ctx.deps, "slots", ANSWER_LIMITS);
  const answer = answers.get(key, versions.office) ?? answers.set(key, versions.office, await search(ctx, req, language, versions));
  const notBefore = ctx.deps.clock.now() + answer.service.minNoticeHours * 3_600_000;
  const window = caseRow ? caseWindow(caseRow, answer.service) : null;
  let first = countWhile(answer.slots, (s) => s.start < notBefore);
  let end = answer.slots.length;
  if (window) {
    first = Math.max(
      first,
      countWhile(answer.dates, (d) => d < window.firstDate),
    );
    end = countWhile(answer.dates, (d) => d <= window.lastDate);
  }
  return { timeZone: answer.timeZone, slots: answer.slots, first, end: Math.max(first, end), key, version: versions.office };
}

export async function listSlots(ctx: Ctx, req: SlotRequest): Promise<{ timeZone: string; slots: Slot[] }> {
  const pick = await pickSlots(ctx, req);
  return { timeZone: pick.timeZone, slots: pick.slots.slice(pick.first, pick.end) };
}

// About 400 bytes per slot with its formatted view: the answers stay within a few tens of MB.
const ANSWER_LIMITS = { maxEntries: 500, maxWeight: 60_000, weigh: (a: Answer) => a.slots.length + 1 };

/** The engine's answer before the case's window and the notice period, with each start's local date. */
interface Answer {
  timeZone: string;
  service: ServiceRow;
  slots: Slot[];
  dates: string[];
}

async function search(ctx: Ctx, req: SlotRequest, language: string | undefined, versions: Versions): Promise<Answer> {
  const [office, service] = await Promise.all([getOffice(ctx, req.officeId), getService(ctx, req.serviceId)]);
  const zone = office.timeZone;
  const from = boundary(req.from, zone, "from");
  const to = boundary(req.to, zone, "to");
  if (to <= from) throw invalidField("to", "must be after from");
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw invalidField("to", `the range may span at most ${MAX_RANGE_DAYS} days`);
  const stepMs = service.slotStepMinutes * 60_000;
  if (req.maxGridStarts !== undefined && (to - from) / stepMs > req.maxGridStarts) {
    const days = Math.floor((req.maxGridStarts * stepMs) / DAY_MS);
    throw invalidField(
      "to",
      `the range may hold at most ${req.maxGridStarts} starts of the service's ${service.slotStepMinutes}-minute grid: at most ${days} days for this service`,
    );
  }
  const query = await loadResources(ctx, office, service, { from, to, staffId: req.staffId, language, versions });
  const slots = findSlots(req.moving ? withoutOwnHold(query, req.moving) : query);
  return { timeZone: zone, service, slots, dates: slots.map((s) => localDateOf(zone, s.start)) };
}
