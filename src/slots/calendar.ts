// Calendar arithmetic on plain numbers: a local date is a count of days since
// 1970-01-01 and a wall time is minutes since local midnight. Nothing here knows
// about time zones, so nothing here can depend on the host's zone.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of daysFromCivil: [year, month 1–12, day]. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Calendar year (UTC) of an instant, without allocating a Date. */
export function utcYearOf(instant: number): number {
  return civilFromDays(Math.floor(instant / DAY_MS))[0];
}

/** Weekday of a day count: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Day count of the Monday starting the ISO week that holds `days`. */
export function mondayOf(days: number): number {
  return days - isoWeekday(days);
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n >= 1000 ? `${n}` : `000${n}`.slice(-4);
}

/** "YYYY-MM-DD" of a day count. */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day count of a "YYYY-MM-DD" string, or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const days = daysFromCivil(y, mo, d);
  const back = civilFromDays(days);
  return back[1] === mo && back[2] === d ? days : null;
}

/** Day count of a date string that the caller has already validated. */
export function dayOf(text: string): number {
  const days = parseIsoDate(text);
  if (days === null) throw new RangeError(`Invalid local date: ${text}`);
  return days;
}

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight of "HH:MM". "24:00" (1440) is accepted only when
 * `allowEndOfDay` is set, because it only makes sense as the end of a span.
 */
export function parseWallTime(text: string, allowEndOfDay = false): number | null {
  if (text === "24:00") return allowEndOfDay ? 1440 : null;
  const m = WALL_TIME.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Weekday codes in RRULE spelling, indexed like isoWeekday. */
export const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
