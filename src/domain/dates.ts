// Calendar arithmetic on local dates ("YYYY-MM-DD"), free of any time zone.
import { DateTime } from "luxon";
import { daysFromCivil, isoDate, parseIsoDate } from "../slots/calendar.js";

export { DAY_MS } from "../slots/calendar.js";

/** Days since 1970-01-01, or null for a date that does not exist. */
export const dayNumber = (date: string): number | null => parseIsoDate(date);

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return isoDate(daysFromCivil(y, m, d) + days);
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** An ISO 8601 instant that carries its offset (or Z), years 1900–2199; null otherwise. */
export function parseInstant(text: string): number | null {
  if (!instantPattern.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || parsed.year < 1900 || parsed.year > 2199) return null;
  return parsed.toMillis();
}
