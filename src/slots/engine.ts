// The slot search. Candidate starts are made only on the office's wall-clock grid
// inside its open hours; each is then checked against sorted, merged interval lists
// by binary search. Wall times are placed with the cached zone offsets: one offset
// per local day unless an offset change is near, so no Intl call per slot.
import type { Interval, OfficeHours, SlotQuery, Slot, StaffInput } from "./types.js";
import { DAY_MS, MINUTE_MS, WEEKDAY_CODES, dayOf, isoDate, isoWeekday, mondayOf } from "./calendar.js";
import { covers, mergeIntervals, overlapsAny } from "./intervals.js";
import { expandOfficeHours, expandRule, wallSpan } from "./rules.js";
import { dayOffset, localDayOf, wallToInstant } from "./zone.js";

interface PreparedStaff {
  id: string;
  avail: Interval[];
  busy: Interval[];
  /** Booked minutes per ISO week, keyed by the week's Monday (office-zone day count). */
  weekMinutes: Map<number, number>;
}

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

function prepareStaff(s: StaffInput, from: number, to: number, busyTo: number, officeZone: string): PreparedStaff {
  const avail = mergeIntervals(s.rules.flatMap((r) => expandRule(r, from, to)));
  const near = (i: Interval): boolean => i.end > from && i.start < busyTo;
  const busy = mergeIntervals([...s.appointments.filter(near), ...s.timeOff.filter(near)]);
  const weekMinutes = new Map<number, number>();
  for (const a of s.appointments) {
    const monday = mondayOf(localDayOf(officeZone, a.start));
    weekMinutes.set(monday, (weekMinutes.get(monday) ?? 0) + (a.end - a.start) / MINUTE_MS);
  }
  return { id: s.id, avail, busy, weekMinutes };
}

function staffOrder(staff: readonly PreparedStaff[], monday: number): PreparedStaff[] {
  const minutes = (p: PreparedStaff): number => p.weekMinutes.get(monday) ?? 0;
  return [...staff].sort((a, b) => minutes(a) - minutes(b) || byId(a, b));
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

  const open = mergeIntervals(expandOfficeHours(office.hours, zone, lo, hi + duration, office.closedDates));
  if (open.length === 0) return [];
  const closed = mergeIntervals(office.closedIntervals);
  const grid = gridByWeekday(office.hours, service.slotStepMinutes);
  const staff = q.staff
    .map((s) => prepareStaff(s, lo, hi + duration, hi + hold, zone))
    .filter((p) => p.avail.length > 0);
  const rooms = service.needsRoom
    ? [...q.rooms].sort(byId).map((r) => ({ id: r.id, busy: mergeIntervals(r.busy) }))
    : [];
  const cap = service.dailyCapPerOffice;

  const slots: Slot[] = [];
  let week = Number.NaN;
  let order: PreparedStaff[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const minutes = grid[isoWeekday(day)]!;
    if (minutes.length === 0) continue;
    const date = isoDate(day);
    if (office.closedDates.has(date)) continue;
    if (cap != null && (q.dayCounts.get(date) ?? 0) >= cap) continue;
    const monday = mondayOf(day);
    if (monday !== week) {
      week = monday;
      order = staffOrder(staff, monday);
    }
    const off = dayOffset(zone, day);
    for (const minute of minutes) {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      const start = off !== null ? wall - off * MINUTE_MS : wallToInstant(zone, wall);
      if (start === null || start < lo || start >= hi) continue;
      const end = start + duration;
      if (!covers(open, start, end) || overlapsAny(closed, start, end)) continue;
      const staffIds: string[] = [];
      for (const p of order) {
        if (covers(p.avail, start, end) && !overlapsAny(p.busy, start, start + hold)) staffIds.push(p.id);
      }
      if (staffIds.length === 0) continue;
      const roomIds = rooms.filter((r) => !overlapsAny(r.busy, start, start + hold)).map((r) => r.id);
      if (service.needsRoom && roomIds.length === 0) continue;
      slots.push({ start, end, staffIds, roomIds });
    }
  }
  // Starts follow wall time; only an exotic run of offset changes could break the order.
  for (let i = 1; i < slots.length; i++) {
    if (slots[i]!.start < slots[i - 1]!.start) return slots.sort((a, b) => a.start - b.start);
  }
  return slots;
}
