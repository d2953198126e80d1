// Capacity against demand for one office and service over the next 8 local weeks: the free
// interviewer time and bookable starts the slot engine finds, against the cases of the queue
// waiting for that service. Waiting cases are placed on today's free starts greedily, the
// window that closes first choosing first; those left over cannot be booked in their window.
import { inArray } from "drizzle-orm";
import { staff } from "../db/schema.js";
import { localDayOf, mergeIntervals, startOfLocalDay, type Interval, type Slot } from "../slots/index.js";
import { MINUTE_MS, isoDate, mondayOf } from "../slots/calendar.js";
import { availableIntervals, subtract } from "./figures.js";
import type { CaseWindow } from "./queue.js";
import { waitingCases } from "./capacity-waiting.js";
import { getOffice, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import { listSlots } from "./slot-search.js";
import { loadResources } from "./slot-resources.js";
import { assertOffice } from "./access.js";
import { forbidden } from "./errors.js";
import type { Ctx } from "./context.js";

export const CAPACITY_WEEKS = 8;

/** A waiting case as the placing sees it: local day numbers of its window (office zone). */
export interface Demand {
  id: string;
  language: string;
  first: number;
  last: number;
}

/** A free start: its office-zone local day, and who and which rooms are free for it. */
export interface Supply {
  start: number;
  day: number;
  staffIds: readonly string[];
  roomIds: readonly string[];
}

export interface Placed {
  start: number;
  staffId: string;
}

export interface PlacingInput {
  supply: readonly Supply[];
  /** Duration plus buffer: how long a placed case holds its interviewer and room. */
  holdMs: number;
  languages: ReadonlyMap<string, readonly string[]>;
  /** Starts still allowed on a local day under the daily cap (null: no cap). */
  capLeft: ((day: number) => number) | null;
}

/** Holds per resource, each list sorted by start, so that an overlap check is a binary search. */
class Holds {
  private readonly byId = new Map<string, Interval[]>();
  free(id: string, start: number, end: number): boolean {
    const list = this.byId.get(id) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo === list.length || list[lo]!.start >= end;
  }
  take(id: string, start: number, end: number) {
    const list = this.byId.get(id) ?? this.byId.set(id, []).get(id)!;
    const at = list.findIndex((i) => i.start > start);
    list.splice(at < 0 ? list.length : at, 0, { start, end });
  }
}

/**
 * Per language, the next start that may still have a free interviewer for it: holds only grow,
 * so a start found full for a language stays full, and later searches jump over it (union-find
 * with path halving) instead of testing it again for each of thousands of cases.
 */
class NextOpen {
  private readonly next = new Map<string, Int32Array>();
  constructor(private readonly size: number) {}
  private of(language: string) {
    return (
      this.next.get(language) ??
      this.next
        .set(
          language,
          Int32Array.from({ length: this.size + 1 }, (_, i) => i),
        )
        .get(language)!
    );
  }
  find(language: string, i: number): number {
    const next = this.of(language);
    while (next[i] !== i) i = next[i] = next[next[i]!]!;
    return i;
  }
  close(language: string, i: number) {
    this.of(language)[i] = i + 1;
  }
}

/**
 * Places each demand on the earliest start in [first, last] with a free interviewer who speaks
 * its language (and a free room, and room under the daily cap), in order of window end, then
 * window start, then the order given. A placed case holds its interviewer (and room) for the
 * service's duration plus buffer. A second call on the same placer goes on from what the first
 * took.
 */
export function placer(input: PlacingInput) {
  const staffHolds = new Holds();
  const roomHolds = new Holds();
  const usedOnDay = new Map<number, number>();
  const { supply, holdMs } = input;
  const open = new NextOpen(supply.length);
  const firstIndex = (day: number) => {
    let lo = 0;
    let hi = supply.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (supply[mid]!.day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const placeOne = (d: Demand): Placed | null => {
    for (let i = open.find(d.language, firstIndex(d.first)); i < supply.length && supply[i]!.day <= d.last; i = open.find(d.language, i + 1)) {
      const s = supply[i]!;
      const end = s.start + holdMs;
      const staffId =
        input.capLeft && input.capLeft(s.day) - (usedOnDay.get(s.day) ?? 0) <= 0
          ? undefined
          : s.staffIds.find((id) => input.languages.get(id)?.includes(d.language) && staffHolds.free(id, s.start, end));
      const roomId = staffId === undefined || s.roomIds.length === 0 ? null : s.roomIds.find((id) => roomHolds.free(id, s.start, end));
      if (staffId === undefined || roomId === undefined) {
        open.close(d.language, i);
        continue;
      }
      staffHolds.take(staffId, s.start, end);
      if (roomId !== null) roomHolds.take(roomId, s.start, end);
      usedOnDay.set(s.day, (usedOnDay.get(s.day) ?? 0) + 1);
      return { start: s.start, staffId };
    }
    return null;
  };
  return (demands: readonly Demand[]): Map<string, Placed | null> => {
    const order = demands.map((d, i) => ({ d, i })).sort((a, b) => a.d.last - b.d.last || a.d.first - b.d.first || a.i - b.i);
    return new Map(order.map(({ d }) => [d.id, placeOne(d)]));
  };
}

export interface CapacityWeek {
  monday: string;
  /** Interviewers' free time at the office this week from now on: availability less their bookings. */
  freeMinutes: number;
  /** Free starts of the service this week, as /v1/slots lists them. */
  starts: number;
  /** Waiting cases whose window ends this week (the first week also takes those already past). */
  closing: number;
  unbookable: number;
  /** Interviewer time that would clear this week's unbookable cases, per language they need. */
  shortMinutes: [language: string, minutes: number][];
}

export interface UnbookableCase {
  caseId: string;
  reference: string;
  language: string;
  window: CaseWindow;
  /** The earliest start left for the case after the others were placed, from its window's first day (or today) on, past its end too; null if none in the 8 weeks. */
  earliest: Placed | null;
}

export interface Capacity {
  office: OfficeRow;
  service: ServiceRow;
  today: string;
  weeks: CapacityWeek[];
  waiting: number;
  /** Waiting cases whose window ends after the 8 weeks: placed when a start fits, never counted short. */
  later: number;
  unbookable: UnbookableCase[];
}

export async function officeCapacity(ctx: Ctx, officeId: string, serviceId: string): Promise<Capacity> {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "scheduler") throw forbidden("Capacity is for schedulers and admins.");
  assertOffice(ctx.actor, officeId);
  const [office, service] = await Promise.all([getOffice(ctx, officeId), getService(ctx, serviceId)]);
  const zone = office.timeZone;
  const now = ctx.deps.clock.now();
  const today = localDayOf(zone, now);
  const monday0 = mondayOf(today);
  const endDay = monday0 + 7 * CAPACITY_WEEKS;
  // A date a zone skipped altogether (Samoa, 30 December 2011) starts with the next one.
  const dayStart = (day: number) => startOfLocalDay(zone, day) ?? startOfLocalDay(zone, day + 1)!;
  const end = dayStart(endDay);
  const [{ slots }, query, waiting] = await Promise.all([
    listSlots(ctx, { officeId, serviceId, from: { day: today }, to: { day: endDay } }),
    loadResources(ctx, office, service, { from: now, to: end }),
    waitingCases(ctx, officeId, service),
  ]);
  const ids = query.staff.map((s) => s.id);
  const languages = new Map(
    (ids.length ? await ctx.deps.database.db.select({ id: staff.id, languages: staff.languages }).from(staff).where(inArray(staff.id, ids)) : []).map((r) => [r.id, r.languages]),
  );
  const cap = service.dailyCapPerOffice;
  const supply = slots.map((s: Slot) => ({ ...s, day: localDayOf(zone, s.start) }));
  const place = placer({
    supply,
    holdMs: (service.durationMinutes + service.bufferMinutes) * MINUTE_MS,
    languages,
    capLeft: cap == null ? null : (day) => cap - (query.dayCounts.get(isoDate(day)) ?? 0),
  });
  const demands = waiting.map((w) => ({ id: w.id, language: w.language, first: Math.max(today, w.first), last: w.last }));
  const placed = place(demands.map((d) => ({ ...d, last: Math.min(d.last, endDay - 1) })));
  const short = demands.filter((d) => d.last < endDay && placed.get(d.id) === null);
  const earliest = place(short.map((d) => ({ ...d, last: endDay - 1 })));

  const weekOf = (day: number) => Math.max(0, Math.floor((day - monday0) / 7));
  // Each interviewer's free time over the 8 weeks, worked out once and then cut by week.
  const free = query.staff.map((m) => subtract(availableIntervals(query, m, now, end), mergeIntervals(m.appointments)));
  const minutesIn = (list: readonly Interval[], lo: number, hi: number) => list.reduce((sum, i) => sum + Math.max(0, Math.min(i.end, hi) - Math.max(i.start, lo)), 0) / MINUTE_MS;
  const holdMinutes = service.durationMinutes + service.bufferMinutes;
  const weeks: CapacityWeek[] = Array.from({ length: CAPACITY_WEEKS }, (_, k) => {
    const lo = Math.max(now, dayStart(monday0 + 7 * k));
    const hi = dayStart(monday0 + 7 * k + 7);
    const freeMinutes = free.reduce((sum, list) => sum + minutesIn(list, lo, hi), 0);
    const mine = short.filter((d) => weekOf(d.last) === k);
    const byLanguage = new Map<string, number>();
    for (const d of mine) byLanguage.set(d.language, (byLanguage.get(d.language) ?? 0) + holdMinutes);
    return {
      monday: isoDate(monday0 + 7 * k),
      freeMinutes,
      starts: supply.filter((s) => weekOf(s.day) === k).length,
      closing: demands.filter((d) => d.last < endDay && weekOf(d.last) === k).length,
      unbookable: mine.length,
      shortMinutes: [...byLanguage].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    };
  });
  const byId = new Map(waiting.map((w) => [w.id, w]));
  return {
    office,
    service,
    today: isoDate(today),
    weeks,
    waiting: waiting.length,
    later: demands.filter((d) => d.last >= endDay).length,
    unbookable: short.map((d) => {
      const w = byId.get(d.id)!;
      const window = { firstDate: isoDate(w.first), lastDate: isoDate(w.last) };
      return { caseId: d.id, reference: w.reference, language: d.language, window, earliest: earliest.get(d.id) ?? null };
    }),
  };
}
