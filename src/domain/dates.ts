// Calendar arithmetic on local dates ("YYYY-MM-DD"), free of any time zone.
import { DAY_MS, civilFromDays, daysFromCivil, isoDate, parseIsoDate, utcYearOf } from "../slots/calendar.js";

export { DAY_MS } from "../slots/calendar.js";

/** Days since 1970-01-01, or null for a date that does not exist. */
export const dayNumber = (date: string): number | null => parseIsoDate(date);

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return isoDate(daysFromCivil(y, m, d) + days);
}

// The forms accepted: seconds and a fraction of up to 9 digits optional, then Z or ±hh, ±hhmm, ±hh:mm.
const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/**
 * An ISO 8601 instant that carries its offset (or Z), years 1900–2199; null otherwise. Parsed by
 * hand (luxon's fromISO was ~2% of a booking's CPU) to exactly what luxon accepted: real calendar
 * dates, 24:00 (and only 24:00:00.000) as the next midnight, a fraction cut to milliseconds the
 * way luxon cuts it, and an offset as written, except that one past 23:59 is refused (tests/domain/parse-instant.property.test.ts).
 */
export function parseInstant(text: string): number | null {
  const m = instantPattern.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const second = m[6] ? Number(m[6]) : 0;
  const millisecond = m[7] ? Math.floor(parseFloat(`0.${m[7]}`) * 1000) : 0;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const days = daysFromCivil(year, month, day);
  if (civilFromDays(days)[1] !== month) return null; // a day past the month's end
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millisecond === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return null;
  const wall = days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  if (endOfDay && utcYearOf(wall) > 2199) return null;
  // An offset is hours 00–23 and minutes 00–59 (RFC 3339); luxon took "+05:99" as written.
  if (m[8] && (Number(m[9]) > 23 || Number(m[10] ?? 0) > 59)) return null;
  const offsetMinutes = m[8] ? (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + (m[10] ? Number(m[10]) : 0)) : 0;
  return wall - offsetMinutes * 60_000;
}
