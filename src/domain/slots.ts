// Loads what the pure slot engine needs for one query, reading only rows near the range.
import { and, eq, gt, gte, inArray, isNotNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { Ctx } from "../http/context.js";
import { fieldProblem } from "../http/problem.js";
import { appointments, availabilityRules, closures, dayCounts, staff, timeOff, type HoursRow } from "../db/schema.js";
import { closedDates, findSlots, isKnownHolidayCountry, localDateOf, startOfLocalDay, type Slot, type SlotQuery } from "../slots/index.js";
import { slotCache, type CachedAnswer } from "./slot-cache.js";
import { versionsOf } from "./versions.js";
import { DAY_MS, addDays, dayNumber, parseInstant } from "./dates.js";
import { mondayOf } from "../slots/calendar.js";
import { findCase, getCase, type CaseRow } from "./cases.js";
import { getOffice, listRoomIds, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";

/** Longest hold an appointment can have (480 min + 240 min buffer): overlap reads look this far back. */
export const MAX_HOLD_MS = 12 * 60 * 60 * 1000;
export const MAX_RANGE_DAYS = 92;

export interface SlotRequest {
  serviceId: string;
  officeId: string;
  from: string;
  to: string;
  caseId?: string;
  staffId?: string;
  language?: string;
}

/** An instant, or a local date meaning midnight in the office's zone. */
function boundary(value: string, zone: string, field: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = dayNumber(value);
    const start = day === null ? null : startOfLocalDay(zone, day);
    if (start === null) throw fieldProblem(field, "must be a real date (YYYY-MM-DD) or an ISO instant with an offset");
    return start;
  }
  const instant = parseInstant(value);
  if (instant === null) throw fieldProblem(field, "must be a local date (YYYY-MM-DD) or an ISO 8601 instant with an offset or Z");
  return instant;
}

/** The case's window as local dates: screenedAt + minDays … screenedAt + maxDays + extensions. */
export function caseWindow(c: CaseRow, s: ServiceRow) {
  return { firstDate: addDays(c.screenedAt, s.windowMinDays), lastDate: addDays(c.screenedAt, s.windowMaxDays + c.windowExtensionDays) };
}

/**
 * Staff, rules, busy time, rooms, closures and day counts for [from, to). Busy rows are read
 * for whole local weeks around the range (the engine ranks staff by booked minutes per week),
 * and every read is bounded on both sides so that history does not slow it down.
 */
export async function loadResources(
  ctx: Ctx,
  office: OfficeRow,
  service: ServiceRow,
  opts: { from: number; to: number; staffId?: string; language?: string },
): Promise<SlotQuery> {
  const { db } = ctx.deps.database;
  const zone = office.timeZone;
  const fromDate = localDateOf(zone, opts.from);
  const toDate = localDateOf(zone, opts.to);
  // Whole local weeks (the engine ranks staff by booked minutes per week), and far enough
  // past `to` for a slot starting just before it.
  const loadFrom = Math.min(opts.from, startOfLocalDay(zone, mondayOf(dayNumber(fromDate)!)) ?? opts.from - 7 * DAY_MS);
  const loadTo = Math.max(opts.to + MAX_HOLD_MS, startOfLocalDay(zone, mondayOf(dayNumber(localDateOf(zone, opts.to - 1))!) + 7) ?? opts.to + 7 * DAY_MS);
  const inJson = (column: typeof staff.officeIds, value: string) => sql`exists (select 1 from json_each(${column}) where value = ${value})`;

  const members = (
    await db.select({ id: staff.id, languages: staff.languages }).from(staff)
      .where(and(inJson(staff.officeIds, office.id), inJson(staff.serviceIds, service.id), opts.staffId ? eq(staff.id, opts.staffId) : undefined))
  ).filter((m) => !opts.language || m.languages.includes(opts.language));
  const ids = members.map((m) => m.id);
  const live = ne(appointments.status, "cancelled");
  const near = and(gt(appointments.startAt, loadFrom - MAX_HOLD_MS), lt(appointments.startAt, loadTo));

  const [rules, busy, away, roomIds, roomBusy, officeClosures, counts] = await Promise.all([
    ids.length ? db.select().from(availabilityRules).where(and(eq(availabilityRules.officeId, office.id), inArray(availabilityRules.staffId, ids))) : [],
    ids.length ? db.select({ staffId: appointments.staffId, start: appointments.startAt, end: appointments.holdUntil }).from(appointments).where(and(inArray(appointments.staffId, ids), live, near)) : [],
    ids.length ? db.select({ staffId: timeOff.staffId, start: timeOff.startAt, end: timeOff.endAt }).from(timeOff).where(and(inArray(timeOff.staffId, ids), lt(timeOff.startAt, loadTo), gt(timeOff.endAt, loadFrom))) : [],
    service.needsRoom ? listRoomIds(ctx, office.id) : [],
    service.needsRoom
      ? db.select({ roomId: appointments.roomId, start: appointments.startAt, end: appointments.holdUntil }).from(appointments).where(and(eq(appointments.officeId, office.id), isNotNull(appointments.roomId), live, near))
      : [],
    db.select().from(closures).where(and(eq(closures.officeId, office.id), or(and(gte(closures.date, addDays(fromDate, -1)), lte(closures.date, addDays(toDate, 1))), and(lt(closures.startAt, opts.to), gt(closures.endAt, opts.from))))),
    service.dailyCapPerOffice
      ? db.select({ day: dayCounts.day, count: dayCounts.count }).from(dayCounts).where(and(eq(dayCounts.officeId, office.id), eq(dayCounts.serviceId, service.id), gte(dayCounts.day, fromDate), lte(dayCounts.day, toDate)))
      : [],
  ]);

  const group = <T extends { start: number; end: number }>(rows: (T & { key: string | null })[]) => {
    const map = new Map<string, { start: number; end: number }[]>();
    for (const r of rows) if (r.key) (map.get(r.key) ?? map.set(r.key, []).get(r.key)!).push({ start: r.start, end: r.end });
    return map;
  };
  const busyBy = group(busy.map((b) => ({ ...b, key: b.staffId })));
  const awayBy = group(away.map((a) => ({ ...a, key: a.staffId })));
  const roomBusyBy = group(roomBusy.map((r) => ({ ...r, key: r.roomId })));

  return {
    from: opts.from,
    to: opts.to,
    office: {
      timeZone: zone,
      hours: office.hours as HoursRow[],
      closedDates: closedDates({
        country: isKnownHolidayCountry(office.country) ? office.country : null,
        from: addDays(fromDate, -1),
        to: addDays(toDate, 1),
        closures: officeClosures.flatMap((c) => (c.date ? [{ date: c.date, open: c.open }] : [])),
      }),
      closedIntervals: officeClosures.flatMap((c) => (c.startAt !== null && c.endAt !== null ? [{ start: c.startAt, end: c.endAt }] : [])),
    },
    service: {
      durationMinutes: service.durationMinutes,
      bufferMinutes: service.bufferMinutes,
      slotStepMinutes: service.slotStepMinutes,
      dailyCapPerOffice: service.dailyCapPerOffice,
      needsRoom: service.needsRoom,
    },
    staff: ids.map((id) => ({
      id,
      rules: rules.filter((r) => r.staffId === id),
      appointments: busyBy.get(id) ?? [],
      timeOff: awayBy.get(id) ?? [],
    })),
    rooms: roomIds.map((id) => ({ id, busy: roomBusyBy.get(id) ?? [] })),
    dayCounts: new Map(counts.map((c) => [c.day, c.count])),
    notBefore: Number.NEGATIVE_INFINITY,
    window: null,
  };
}

/**
 * Free slots for a request. The engine's answer (before the case's window and the notice
 * period, which depend on the case and the clock) is cached per process until a write that
 * shapes this office's free time bumps its version counters.
 */
export async function listSlots(ctx: Ctx, req: SlotRequest): Promise<{ timeZone: string; slots: Slot[] }> {
  const versions = await versionsOf(ctx, req.officeId);
  // An applicant's request names only the case of the appointment their link opens.
  const caseRow = req.caseId ? await (ctx.actor.role === "applicant" ? findCase : getCase)(ctx, req.caseId) : null;
  if (caseRow && caseRow.officeId !== req.officeId) throw fieldProblem("case", `the case belongs to office '${caseRow.officeId}'`);
  const language = req.language ?? caseRow?.language;
  const key = [req.officeId, req.serviceId, req.from, req.to, req.staffId ?? "", language ?? ""].join("\n");
  const answer = slotCache(ctx.deps).get(key, versions) ?? slotCache(ctx.deps).set(key, versions, await search(ctx, req, language));
  const notBefore = ctx.deps.clock.now() + answer.service.minNoticeHours * 3_600_000;
  const window = caseRow ? caseWindow(caseRow, answer.service) : null;
  const slots = answer.slots.filter((s, i) => s.start >= notBefore && (!window || (answer.dates[i]! >= window.firstDate && answer.dates[i]! <= window.lastDate)));
  return { timeZone: answer.timeZone, slots };
}

async function search(ctx: Ctx, req: SlotRequest, language: string | undefined): Promise<CachedAnswer> {
  const [office, service] = await Promise.all([getOffice(ctx, req.officeId), getService(ctx, req.serviceId)]);
  const zone = office.timeZone;
  const from = boundary(req.from, zone, "from");
  const to = boundary(req.to, zone, "to");
  if (to <= from) throw fieldProblem("to", "must be after from");
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw fieldProblem("to", `the range may span at most ${MAX_RANGE_DAYS} days`);
  const slots = findSlots(await loadResources(ctx, office, service, { from, to, staffId: req.staffId, language }));
  return { timeZone: zone, service, slots, dates: slots.map((s) => localDateOf(zone, s.start)) };
}
