// The slot search. Candidate starts are made only on the office's wall-clock grid
// inside its open hours, placed with the cached zone offsets (one offset per local
// day unless a change is near, so no Intl call per slot). Each staff member's and
// room's free candidates are then marked from sorted, merged busy and availability
// blocks, each block located among the sorted candidates by binary search.
import type { OfficeHours, SlotQuery, Slot, StaffInput } from "./types.js";
import { DAY_MS, MINUTE_MS, WEEKDAY_CODES, dayOf, isoDate, isoWeekday, mondayOf } from "./calendar.js";
import { covers, intervalSet, lowerBound, overlapsAny, upperBound, type IntervalSet } from "./intervals.js";
import { expandOfficeHours, expandRule, wallSpan } from "./rules.js";
import { dayOffset, localDayOf, wallToInstant } from "./zone.js";

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function checkService(service: SlotQuery["service"]): void {
  const { durationMinutes: d, bufferMinutes: b, slotStepMinutes: s } = service;
  if (!Number.isInteger(d) || d <= 0) throw new RangeError(`durationMinutes must be a positive integer: ${d}`);
  if (!Number.isInteger(b) || b < 0) throw new RangeError(`bufferMinutes must be a non-negative integer: ${b}`);
  if (!Number.isInteger(s) || s <= 0) throw new RangeError(`slotStepMinutes must be a positive integer: ${s}`);
}

/** Grid minutes (multiples of the step) inside the hours of each weekday, 0 = Monday. */
export function gridByWeekday(hours: readonly OfficeHours[], step: number): number[][] {
  const sets = WEEKDAY_CODES.map(() => new Set<number>());
  for (const h of hours) {
    const [start, end] = wallSpan(h.start, h.end);
    WEEKDAY_CODES.forEach((code, i) => {
      if (!h.days.includes(code)) return;
      for (let m = Math.ceil(start / step) * step; m < end; m += step) sets[i]!.add(m);
    });
  }
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

/** Candidate starts: sorted instants and the office-zone local day of each. */
interface Candidates {
  starts: Float64Array;
  days: Int32Array;
  size: number;
}

/** Grid starts in [lo, hi) on open, uncapped days whose [s, s + duration) fits the open hours. */
function candidateStarts(q: SlotQuery, lo: number, hi: number, firstDay: number, lastDay: number): Candidates {
  const { office, service } = q;
  const zone = office.timeZone;
  const duration = service.durationMinutes * MINUTE_MS;
  const open = intervalSet([expandOfficeHours(office.hours, zone, lo, hi + duration, office.closedDates)]);
  const closed = intervalSet([office.closedIntervals]);
  const grid = gridByWeekday(office.hours, service.slotStepMinutes);
  const cap = service.dailyCapPerOffice;
  const starts: number[] = [];
  const days: number[] = [];
  for (let day = firstDay; day <= lastDay && open.size > 0; day++) {
    const minutes = grid[isoWeekday(day)]!;
    if (minutes.length === 0) continue;
    const date = isoDate(day);
    if (office.closedDates.has(date)) continue;
    if (cap != null && (q.dayCounts.get(date) ?? 0) >= cap) continue;
    const off = dayOffset(zone, day);
    for (const minute of minutes) {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      const start = off !== null ? wall - off * MINUTE_MS : wallToInstant(zone, wall);
      if (start === null || start < lo || start >= hi) continue;
      if (!covers(open, start, start + duration) || overlapsAny(closed, start, start + duration)) continue;
      starts.push(start);
      days.push(day);
    }
  }
  // Starts follow wall time; only an exotic run of offset changes could break the order.
  const order = starts.map((_, i) => i);
  if (starts.some((t, i) => i > 0 && t < starts[i - 1]!)) order.sort((a, b) => starts[a]! - starts[b]!);
  return {
    starts: Float64Array.from(order, (i) => starts[i]!),
    days: Int32Array.from(order, (i) => days[i]!),
    size: order.length,
  };
}

/**
 * For each candidate, whether [s, s + duration) fits one block of `avail` (when
 * given) and [s, s + hold) misses every block of `busy`. Each block allows or
 * blocks a contiguous run of the sorted candidates, found by binary search.
 */
function freeMask(c: Candidates, avail: IntervalSet | null, busy: IntervalSet, duration: number, hold: number): Uint8Array {
  const mask = new Uint8Array(c.size);
  let at = 0;
  if (avail === null) mask.fill(1);
  else {
    for (let i = 0; i < avail.size; i++) {
      at = lowerBound(c.starts, c.size, avail.starts[i]!, at);
      mask.fill(1, at, upperBound(c.starts, c.size, avail.ends[i]! - duration, at));
    }
  }
  at = 0;
  for (let i = 0; i < busy.size; i++) {
    at = upperBound(c.starts, c.size, busy.starts[i]! - hold, at);
    mask.fill(0, at, lowerBound(c.starts, c.size, busy.ends[i]!, at));
  }
  return mask;
}

interface StaffState {
  id: string;
  free: Uint8Array;
  /** Booked minutes per ISO week (office zone), indexed from the first candidate week. */
  weekMinutes: Float64Array;
}

function staffState(s: StaffInput, q: SlotQuery, c: Candidates, lo: number, hi: number, monday0: number, weeks: number): StaffState {
  const zone = q.office.timeZone;
  const duration = q.service.durationMinutes * MINUTE_MS;
  const hold = duration + q.service.bufferMinutes * MINUTE_MS;
  const avail = intervalSet(s.rules.map((r) => expandRule(r, lo, hi + duration)));
  const busy = intervalSet([s.appointments, s.timeOff], lo, hi + hold);
  const weekMinutes = new Float64Array(weeks);
  const margin = 9 * DAY_MS; // candidate weeks reach at most 8 local days beyond [lo, hi)
  for (const a of s.appointments) {
    if (a.start < lo - margin || a.start >= hi + margin) continue;
    const k = (mondayOf(localDayOf(zone, a.start)) - monday0) / 7;
    if (k >= 0 && k < weeks) weekMinutes[k] = weekMinutes[k]! + (a.end - a.start) / MINUTE_MS;
  }
  return { id: s.id, free: freeMask(c, avail, busy, duration, hold), weekMinutes };
}

export function findSlots(q: SlotQuery): Slot[] {
  checkService(q.service);
  const { office, service } = q;
  const zone = office.timeZone;
  const duration = service.durationMinutes * MINUTE_MS;
  const hold = duration + service.bufferMinutes * MINUTE_MS;
  const lo = Math.max(q.from, q.notBefore);
  const hi = q.to;
  if (hi <= lo) return [];
  let firstDay = localDayOf(zone, lo) - 1;
  let lastDay = localDayOf(zone, hi) + 1;
  if (q.window) {
    firstDay = Math.max(firstDay, dayOf(q.window.firstDate));
    lastDay = Math.min(lastDay, dayOf(q.window.lastDate));
  }
  if (firstDay > lastDay) return [];
  const c = candidateStarts(q, lo, hi, firstDay, lastDay);
  if (c.size === 0) return [];

  const monday0 = mondayOf(firstDay);
  const weeks = (mondayOf(lastDay) - monday0) / 7 + 1;
  const staff = q.staff.map((s) => staffState(s, q, c, lo, hi, monday0, weeks));
  const rooms = service.needsRoom ? [...q.rooms].sort(byId).map((r) => ({ id: r.id, free: freeMask(c, null, intervalSet([r.busy], lo, hi + hold), duration, hold) })) : [];
  const orders = new Map<number, StaffState[]>();
  const orderFor = (week: number): StaffState[] => {
    let order = orders.get(week);
    if (order === undefined) {
      order = [...staff].sort((a, b) => a.weekMinutes[week]! - b.weekMinutes[week]! || byId(a, b));
      orders.set(week, order);
    }
    return order;
  };

  const slots: Slot[] = [];
  for (let i = 0; i < c.size; i++) {
    const staffIds: string[] = [];
    for (const p of orderFor((mondayOf(c.days[i]!) - monday0) / 7)) if (p.free[i] === 1) staffIds.push(p.id);
    if (staffIds.length === 0) continue;
    const roomIds: string[] = [];
    for (const r of rooms) if (r.free[i] === 1) roomIds.push(r.id);
    if (service.needsRoom && roomIds.length === 0) continue;
    const start = c.starts[i]!;
    slots.push({ start, end: start + duration, staffIds, roomIds });
  }
  return slots;
}
