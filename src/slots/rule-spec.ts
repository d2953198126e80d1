// A parsed RRULE reduced to what date expansion needs, normalised the way rrule.js's
// parseOptions does it: negative month days apart, ordinal BYDAY only for MONTHLY and
// YEARLY (other frequencies read 1MO as MO), BYSETPOS in ascending order.
import type { Options, Weekday } from "rrule";
import { DAY_MS } from "./calendar.js";

export interface RuleSpec {
  freq: number; // rrule.js numbering: 0 YEARLY, 1 MONTHLY, 2 WEEKLY, 3 DAILY
  interval: number;
  count: number | null;
  /** UNTIL as a local day count: occurrences on that day still count. */
  untilDay: number | null;
  wkst: number; // 0 = Monday
  bymonth: number[] | null;
  byweekno: number[] | null;
  byyearday: number[] | null;
  bymonthday: number[];
  bynmonthday: number[];
  byweekday: number[] | null;
  bynweekday: [number, number][] | null;
  bysetpos: number[] | null;
}

const list = <T>(value: T | T[] | null | undefined): T[] | null => (value === null || value === undefined ? null : Array.isArray(value) ? value : [value]);
const nonEmpty = <T>(value: T[]): T[] | null => (value.length ? value : null);

/** From the options of RRule.parseString. */
export function ruleSpec(o: Partial<Options>): RuleSpec {
  const freq = o.freq as number;
  const monthdays = list(o.bymonthday) ?? [];
  // RRule.parseString gives BYDAY as Weekday objects (weekday 0 = Monday, n the ordinal).
  const weekdays = list(o.byweekday as Weekday | Weekday[] | null | undefined) ?? [];
  const ordinal = (w: Weekday): boolean => Boolean(w.n) && freq <= 1;
  const wkst = o.wkst === null || o.wkst === undefined ? 0 : typeof o.wkst === "number" ? o.wkst : (o.wkst as Weekday).weekday;
  return {
    freq,
    interval: o.interval ?? 1,
    count: o.count ?? null,
    untilDay: o.until ? Math.floor(o.until.getTime() / DAY_MS) : null,
    wkst,
    bymonth: list(o.bymonth),
    byweekno: list(o.byweekno),
    byyearday: list(o.byyearday),
    bymonthday: monthdays.filter((d) => d > 0),
    bynmonthday: monthdays.filter((d) => d < 0),
    byweekday: nonEmpty(weekdays.filter((w) => !ordinal(w)).map((w) => w.weekday)),
    bynweekday: nonEmpty(weekdays.filter(ordinal).map((w): [number, number] => [w.weekday, w.n!])),
    bysetpos:
      list(o.bysetpos)
        ?.slice()
        .sort((a, b) => a - b) ?? null,
  };
}
