// Closed local dates of an office: the country's public holidays from date-holidays,
// plus the office's own closures, minus dates the office marked open. The office's
// entries always win, because date-holidays is stale for some programme countries.
import Holidays from "date-holidays";
import { DAY_MS, isoDate, parseIsoDate } from "./calendar.js";

export interface ClosureEntry {
  date: string; // local date, office zone
  open: boolean; // true: open although date-holidays lists a holiday
}

export interface ClosedDatesInput {
  /** ISO 3166 country ("CO") or country-subdivision ("US-NY"); null for none. */
  country?: string | null;
  from: string; // local date, inclusive
  to: string; // local date, inclusive
  closures?: readonly ClosureEntry[];
}

const instances = new Map<string, Holidays>();
const yearDates = new Map<string, readonly string[]>();
let countries: Record<string, string> | null = null;

function instanceFor(country: string): Holidays {
  let hd = instances.get(country);
  if (hd !== undefined) return hd;
  const [code = "", state] = country.toUpperCase().split("-");
  countries ??= new Holidays().getCountries();
  if (!Object.hasOwn(countries, code)) throw new RangeError(`Unknown country for holidays: ${country}`);
  hd = state === undefined ? new Holidays(code) : new Holidays(code, state);
  instances.set(country, hd);
  return hd;
}

/** Whether date-holidays knows the country code (optionally "CC-SUB"). */
export function isKnownHolidayCountry(country: string): boolean {
  try {
    instanceFor(country);
    return true;
  } catch {
    return false;
  }
}

export interface NamedHoliday {
  date: string; // local date
  name: string;
}

/**
 * The country's public holidays that start in `year`, one entry per local date, named in `lang`
 * where date-holidays has the words. A holiday that starts at noon (Guatemala's 24 and 31
 * December) closes the whole date: the office marks it open to offer the morning.
 */
function publicDays(country: string, year: number, lang?: string): NamedHoliday[] {
  const out: NamedHoliday[] = [];
  for (const h of instanceFor(country).getHolidays(year, lang)) {
    if (h.type !== "public") continue;
    const first = parseIsoDate(h.date.slice(0, 10));
    if (first === null) continue;
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) out.push({ date: isoDate(first + i), name: h.name });
  }
  return out;
}

/** Local dates of the country's public holidays that start in `year` (cached). */
function publicDates(country: string, year: number): readonly string[] {
  const key = `${country}:${year}`;
  let dates = yearDates.get(key);
  if (dates === undefined) {
    dates = publicDays(country, year).map((d) => d.date);
    yearDates.set(key, dates);
  }
  return dates;
}

/** The years whose holidays can fall in from..to: the year before too, for one of several days. */
const yearsOf = (from: string, to: string) => {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
};

/** Closed local dates within from..to (inclusive). */
export function closedDates(input: ClosedDatesInput): Set<string> {
  const { from, to } = input;
  if (parseIsoDate(from) === null || parseIsoDate(to) === null) {
    throw new RangeError(`Invalid date range ${from}..${to}`);
  }
  const closed = new Set<string>();
  if (input.country) {
    for (const y of yearsOf(from, to)) {
      for (const date of publicDates(input.country, y)) if (date >= from && date <= to) closed.add(date);
    }
  }
  const closures = input.closures ?? [];
  for (const c of closures) if (!c.open && c.date >= from && c.date <= to) closed.add(c.date);
  for (const c of closures) if (c.open) closed.delete(c.date);
  return closed;
}

/** The country's public holidays within from..to (inclusive), for staff deciding which to keep open. */
export function publicHolidays(country: string, from: string, to: string, lang: string): NamedHoliday[] {
  return yearsOf(from, to).flatMap((y) => publicDays(country, y, lang).filter((d) => d.date >= from && d.date <= to));
}
