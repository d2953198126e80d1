// Expansion of availability rules and office hours into UTC intervals. Rules are
// expanded in floating wall time, only over the local dates that the requested
// range touches (±1 day), and each occurrence is then placed in its zone.
import type { AvailabilityRule, Interval, OfficeHours } from "./types.js";
import { DAY_MS, MINUTE_MS, WEEKDAY_CODES, civilFromDays, dayOf, daysFromCivil, isoDate, isoWeekday, parseIsoDate, parseWallTime } from "./calendar.js";
import { RRule, compileRule, parseRule, type CompiledRule } from "./recurrence.js";
import { dayOffset, isValidTimeZone, localDayOf, startOfLocalDay, wallToInstant } from "./zone.js";

export { parseRule };

/**
 * Anchor (DTSTART) of rules without validFrom: Monday 2001-01-01, the first day of
 * a week, a month and a year, so FREQ=WEEKLY means Mondays, FREQ=MONTHLY the 1st
 * and INTERVAL=2 counts weeks from that Monday.
 */
export const DEFAULT_ANCHOR = "2001-01-01";
const DEFAULT_ANCHOR_DAY = dayOf(DEFAULT_ANCHOR);

/** Why a rule cannot be saved, or null. */
export function validateRule(rule: AvailabilityRule): string | null {
  const start = parseWallTime(rule.start);
  const end = parseWallTime(rule.end, true);
  if (start === null) return `Invalid start time: ${rule.start}`;
  if (end === null) return `Invalid end time: ${rule.end}`;
  if (end <= start) return "The end time must be after the start time";
  if (!isValidTimeZone(rule.timeZone)) return `Unknown time zone: ${rule.timeZone}`;
  for (const date of [rule.validFrom, rule.validUntil]) {
    if (date != null && parseIsoDate(date) === null) return `Invalid local date: ${date}`;
  }
  return parseRule(rule.rrule);
}

/** Minutes since midnight of a span; throws on data that validation should have stopped. */
export function wallSpan(start: string, end: string): [number, number] {
  const s = parseWallTime(start);
  const e = parseWallTime(end, true);
  if (s === null || e === null || e <= s) throw new RangeError(`Invalid wall-time span ${start}–${end}`);
  return [s, e];
}

/** Instant of wall minute `minute` of local day `day`; 00:00 and 24:00 are the day's boundaries. */
function wallInstant(zone: string, day: number, minute: number, off: number | null): number | null {
  if (off !== null) return day * DAY_MS + (minute - off) * MINUTE_MS;
  if (minute === 0) return startOfLocalDay(zone, day);
  if (minute === 1440) return startOfLocalDay(zone, day + 1);
  return wallToInstant(zone, day * DAY_MS + minute * MINUTE_MS);
}

/** Places one occurrence; a wall start or end that does not exist drops it. */
function pushOccurrence(zone: string, day: number, span: [number, number], from: number, to: number, out: Interval[]): void {
  const off = dayOffset(zone, day);
  const start = wallInstant(zone, day, span[0], off);
  const end = wallInstant(zone, day, span[1], off);
  if (start === null || end === null || end <= start || end <= from || start >= to) return;
  out.push({ start, end });
}

/** Local days (rule zone) worth expanding for [from, to). */
export function dayRange(zone: string, from: number, to: number): [number, number] {
  return [localDayOf(zone, from) - 1, localDayOf(zone, to) + 1];
}

/**
 * Moves an rrule anchor forward by whole periods to just before `first`, so that
 * rrule does not iterate from an old anchor. Only safe without COUNT and when the
 * anchor's day of month survives the move; two periods of slack keep rrule's
 * partial first period out of the range.
 */
function nearAnchor(rule: CompiledRule & { kind: "rrule" }, anchor: number, first: number): number {
  const { freq, count } = rule.options;
  const n = rule.options.interval ?? 1;
  if (count != null) return anchor;
  const [ay, am, ad] = civilFromDays(anchor);
  const [fy, fm] = civilFromDays(first);
  if (freq === RRule.DAILY || freq === RRule.WEEKLY) {
    const period = freq === RRule.WEEKLY ? 7 * n : n;
    const k = Math.floor((first - anchor) / period) - 2;
    return k > 0 ? anchor + k * period : anchor;
  }
  if (freq === RRule.MONTHLY && ad <= 28) {
    const k = Math.floor((fy * 12 + fm - (ay * 12 + am)) / n) - 2;
    if (k <= 0) return anchor;
    const month = am - 1 + k * n;
    return daysFromCivil(ay + Math.floor(month / 12), (month % 12) + 1, ad);
  }
  if (freq === RRule.YEARLY && !(am === 2 && ad === 29)) {
    const k = Math.floor((fy - ay) / n) - 2;
    return k > 0 ? daysFromCivil(ay + k * n, am, ad) : anchor;
  }
  return anchor;
}

/** Local days in [first, last] on which the rule occurs. */
function occurrenceDays(rule: CompiledRule, anchor: number, first: number, last: number): number[] {
  const days: number[] = [];
  if (rule.kind === "days") {
    const weekdays = rule.weekdays ?? WEEKDAY_CODES.map((_, i) => i === isoWeekday(anchor));
    for (let day = first; day <= last; day++) if (weekdays[isoWeekday(day)]) days.push(day);
    return days;
  }
  // Floating time: dates are UTC-as-wall-clock and rrule never sees a tzid.
  const dtstart = nearAnchor(rule, anchor, first);
  const r = new RRule({ ...rule.options, dtstart: new Date(dtstart * DAY_MS), tzid: null });
  for (const d of r.between(new Date(first * DAY_MS), new Date(last * DAY_MS), true)) {
    const day = Math.floor(d.getTime() / DAY_MS);
    if (days[days.length - 1] !== day) days.push(day);
  }
  return days;
}

/** UTC intervals of one availability rule that intersect [from, to), ascending. */
export function expandRule(rule: AvailabilityRule, from: number, to: number): Interval[] {
  const span = wallSpan(rule.start, rule.end);
  const zone = rule.timeZone;
  const validFrom = rule.validFrom ? dayOf(rule.validFrom) : null;
  const validUntil = rule.validUntil ? dayOf(rule.validUntil) : null;
  let [first, last] = dayRange(zone, from, to);
  if (validFrom !== null && validFrom > first) first = validFrom;
  if (validUntil !== null && validUntil < last) last = validUntil;
  const out: Interval[] = [];
  if (first > last || to <= from) return out;
  for (const day of occurrenceDays(compileRule(rule.rrule), validFrom ?? DEFAULT_ANCHOR_DAY, first, last)) {
    pushOccurrence(zone, day, span, from, to, out);
  }
  return out;
}

/** UTC intervals of office hours that intersect [from, to), skipping closed local dates. */
export function expandOfficeHours(
  hours: readonly OfficeHours[],
  zone: string,
  from: number,
  to: number,
  closedDates: ReadonlySet<string> = new Set(),
): Interval[] {
  const entries = hours.map((h) => ({
    span: wallSpan(h.start, h.end),
    weekdays: WEEKDAY_CODES.map((code) => h.days.includes(code)),
  }));
  const out: Interval[] = [];
  if (to <= from) return out;
  const [first, last] = dayRange(zone, from, to);
  for (let day = first; day <= last; day++) {
    const weekday = isoWeekday(day);
    if (!entries.some((e) => e.weekdays[weekday]) || closedDates.has(isoDate(day))) continue;
    for (const e of entries) if (e.weekdays[weekday]) pushOccurrence(zone, day, e.span, from, to, out);
  }
  return out;
}
