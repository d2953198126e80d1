// Expansion of availability rules and office hours into UTC intervals. Rules are
// expanded in floating wall time, only over the local dates that the requested
// range touches (±1 day), and each occurrence is then placed in its zone.
import type { AvailabilityRule, Interval, OfficeHours } from "./types.js";
import { DAY_MS, MINUTE_MS, WEEKDAY_CODES, civilFromDays, dayOf, daysFromCivil, isoDate, isoWeekday, parseIsoDate, parseWallTime } from "./calendar.js";
import { ruleDays } from "./periods.js";
import { compileRule, parseRule, type CompiledRule } from "./recurrence.js";
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
  if (!isValidTimeZone(rule.timeZone)) return `Unknown time zone: ${String(rule.timeZone)}`;
  for (const date of [rule.validFrom, rule.validUntil]) {
    if (date != null && parseIsoDate(date) === null) return `Invalid local date: ${date}`;
  }
  return parseRule(rule.rrule) ?? occursSoon(rule);
}

/** A rule must occur within this many years of its first day (validFrom, else the default anchor). */
export const RULE_HORIZON_YEARS = 10;

/**
 * Why a rule that parses can still not be saved: it never occurs in the ten years from its
 * first day (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, or a COUNT used up before validFrom…), or
 * not before validUntil. Null when it occurs, or when the text or a date is invalid (those
 * are reported by their own checks).
 */
export function occursSoon(rule: Pick<AvailabilityRule, "rrule" | "validFrom" | "validUntil">): string | null {
  if (parseRule(rule.rrule) !== null) return null;
  const from = rule.validFrom ? parseIsoDate(rule.validFrom) : DEFAULT_ANCHOR_DAY;
  const until = rule.validUntil ? parseIsoDate(rule.validUntil) : null;
  if (from === null || (rule.validUntil && until === null)) return null;
  const [y, m, d] = civilFromDays(from);
  const horizon = daysFromCivil(y + RULE_HORIZON_YEARS, m, d) - 1;
  const last = until === null ? horizon : Math.min(until, horizon);
  // Most rules occur within their first month: look there before the whole horizon.
  const compiled = compileRule(rule.rrule);
  const month = Math.min(last, from + 31);
  if (occurrenceDays(compiled, from, from, month).length > 0) return null;
  if (month < last && occurrenceDays(compiled, from, month + 1, last).length > 0) return null;
  const start = rule.validFrom ? `validFrom ${rule.validFrom}` : `${DEFAULT_ANCHOR} (give validFrom to start it elsewhere)`;
  return until !== null && until < horizon
    ? `The rule never occurs between ${start} and validUntil ${rule.validUntil}`
    : `The rule never occurs in the ${RULE_HORIZON_YEARS} years from ${start}`;
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

/** Local days in [first, last] on which the rule occurs; the work is bounded by the range. */
function occurrenceDays(rule: CompiledRule, anchor: number, first: number, last: number): number[] {
  if (rule.kind === "periods") return ruleDays(rule.spec, anchor, first, last);
  const days: number[] = [];
  const weekdays = rule.weekdays ?? WEEKDAY_CODES.map((_, i) => i === isoWeekday(anchor));
  for (let day = first; day <= last; day++) if (weekdays[isoWeekday(day)]) days.push(day);
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
export function expandOfficeHours(hours: readonly OfficeHours[], zone: string, from: number, to: number, closedDates: ReadonlySet<string> = new Set()): Interval[] {
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
