// A deliberately plain slot search: luxon for every wall time, rrule for every rule
// (no weekday shortcut, no anchor shifting), linear scans everywhere. Far too slow
// to serve requests; it exists so the fast engine can be proved equal to it.
import { DateTime } from "luxon";
import type { AvailabilityRule, Interval, OfficeHours, Slot, SlotQuery } from "../../../src/slots/types.js";
import { WEEKDAY_CODES, parseWallTime } from "../../../src/slots/calendar.js";
import { RRule } from "../../../src/slots/recurrence.js";
import { DEFAULT_ANCHOR } from "../../../src/slots/rules.js";
import { referenceLocalToInstant, referenceStartOfDay } from "./zone.js";

const floating = (iso: string): DateTime => DateTime.fromISO(iso, { zone: "utc" });
const localDate = (zone: string, t: number): DateTime => floating(DateTime.fromMillis(t, { zone }).toISODate()!);

function span(start: string, end: string): [number, number] {
  const s = parseWallTime(start);
  const e = parseWallTime(end, true);
  if (s === null || e === null || e <= s) throw new RangeError(`Invalid span ${start}–${end}`);
  return [s, e];
}

/** 00:00 and 24:00 are the first instants of the date and of the next date. */
function place(zone: string, date: DateTime, minute: number): number | null {
  if (minute === 0) return referenceStartOfDay(zone, date.year, date.month, date.day);
  if (minute === 1440) {
    const next = date.plus({ days: 1 });
    return referenceStartOfDay(zone, next.year, next.month, next.day);
  }
  return referenceLocalToInstant(zone, date.year, date.month, date.day, minute);
}

function occurrence(zone: string, date: DateTime, [s, e]: [number, number], out: Interval[]): void {
  const start = place(zone, date, s);
  const end = place(zone, date, e);
  if (start !== null && end !== null && end > start) out.push({ start, end });
}

export function referenceExpandRule(rule: AvailabilityRule, from: number, to: number): Interval[] {
  const zone = rule.timeZone;
  const options = RRule.parseString(rule.rrule.trim().toUpperCase());
  // rrule.js emits a period's BYSETPOS dates in the order the positions are listed and stops at
  // the first one past the range; ascending positions keep its output in date order.
  if (Array.isArray(options.bysetpos)) options.bysetpos = [...options.bysetpos].sort((a, b) => a - b);
  const dtstart = floating(rule.validFrom ?? DEFAULT_ANCHOR).toJSDate();
  const r = new RRule({ ...options, dtstart, tzid: null });
  const first = localDate(zone, from).minus({ days: 2 }).toJSDate();
  const last = localDate(zone, to).plus({ days: 2 }).toJSDate();
  const out: Interval[] = [];
  // rrule.js repeats a date that two BYSETPOS positions pick; a recurrence set holds it once.
  const dates = [...new Set(r.between(first, last, true).map((d) => d.getTime()))];
  for (const d of dates) {
    const date = DateTime.fromMillis(d, { zone: "utc" });
    const iso = date.toISODate()!;
    if ((rule.validFrom && iso < rule.validFrom) || (rule.validUntil && iso > rule.validUntil)) continue;
    occurrence(zone, date, span(rule.start, rule.end), out);
  }
  return out.filter((i) => i.end > from && i.start < to);
}

export function referenceExpandOfficeHours(hours: readonly OfficeHours[], zone: string, from: number, to: number, closedDates: ReadonlySet<string>): Interval[] {
  const out: Interval[] = [];
  const last = localDate(zone, to).plus({ days: 2 });
  for (let date = localDate(zone, from).minus({ days: 2 }); date <= last; date = date.plus({ days: 1 })) {
    if (closedDates.has(date.toISODate()!)) continue;
    const code = WEEKDAY_CODES[date.weekday - 1]!;
    for (const h of hours) if (h.days.includes(code)) occurrence(zone, date, span(h.start, h.end), out);
  }
  return out;
}

/** Whether the union of `list` covers [a, b): walk forward, jumping to the furthest end. */
function unionCovers(list: readonly Interval[], a: number, b: number): boolean {
  let cur = a;
  while (cur < b) {
    let next = cur;
    for (const i of list) if (i.start <= cur && i.end > next) next = i.end;
    if (next === cur) return false;
    cur = next;
  }
  return true;
}

const overlaps = (list: readonly Interval[], a: number, b: number): boolean => list.some((i) => i.end > i.start && i.start < b && i.end > a);

export function referenceFindSlots(q: SlotQuery): Slot[] {
  const { office, service } = q;
  const zone = office.timeZone;
  const duration = service.durationMinutes * 60_000;
  const hold = duration + service.bufferMinutes * 60_000;
  const lo = Math.max(q.from, q.notBefore);
  const hi = q.to;
  if (hi <= lo) return [];
  const open = referenceExpandOfficeHours(office.hours, zone, lo, hi + duration, office.closedDates);
  const avail = new Map(q.staff.map((s) => [s.id, s.rules.flatMap((r) => referenceExpandRule(r, lo, hi + duration))]));
  const weekOf = (t: number): string => DateTime.fromMillis(t, { zone }).startOf("week").toISODate()!;
  const bookedMinutes = new Map<string, number>();
  const slots: Slot[] = [];
  const last = localDate(zone, hi).plus({ days: 1 });
  for (let date = localDate(zone, lo).minus({ days: 1 }); date <= last; date = date.plus({ days: 1 })) {
    const iso = date.toISODate()!;
    const cap = service.dailyCapPerOffice;
    if (office.closedDates.has(iso) || (cap != null && (q.dayCounts.get(iso) ?? 0) >= cap)) continue;
    if (q.window && (iso < q.window.firstDate || iso > q.window.lastDate)) continue;
    const code = WEEKDAY_CODES[date.weekday - 1]!;
    const minutes = new Set<number>();
    for (const h of office.hours) {
      if (!h.days.includes(code)) continue;
      const [s, e] = span(h.start, h.end);
      for (let m = 0; m < e; m += service.slotStepMinutes) if (m >= s) minutes.add(m);
    }
    const week = date.startOf("week").toISODate()!;
    const booked = (id: string): number => {
      const key = `${id}|${week}`;
      if (!bookedMinutes.has(key)) {
        const appointments = q.staff.find((s) => s.id === id)!.appointments;
        const sum = appointments.filter((a) => weekOf(a.start) === week).reduce((n, a) => n + (a.end - a.start) / 60_000, 0);
        bookedMinutes.set(key, sum);
      }
      return bookedMinutes.get(key)!;
    };
    for (const minute of [...minutes].sort((a, b) => a - b)) {
      const start = referenceLocalToInstant(zone, date.year, date.month, date.day, minute);
      if (start === null || start < lo || start >= hi) continue;
      const end = start + duration;
      if (!unionCovers(open, start, end) || overlaps(office.closedIntervals, start, end)) continue;
      const free = q.staff.filter((s) => unionCovers(avail.get(s.id)!, start, end) && !overlaps(s.appointments, start, start + hold) && !overlaps(s.timeOff, start, start + hold));
      if (free.length === 0) continue;
      const staffIds = free
        .map((s) => ({ id: s.id, minutes: booked(s.id) }))
        .sort((a, b) => a.minutes - b.minutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((s) => s.id);
      const roomIds = service.needsRoom
        ? q.rooms
            .filter((r) => !overlaps(r.busy, start, start + hold))
            .map((r) => r.id)
            .sort()
        : [];
      if (service.needsRoom && roomIds.length === 0) continue;
      slots.push({ start, end, staffIds, roomIds });
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}
