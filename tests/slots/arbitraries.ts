// fast-check generators of rules and whole slot queries, biased towards the
// months in which zones change their offsets.
import fc from "fast-check";
import type { AvailabilityRule, Interval, SlotQuery, StaffInput, Weekday } from "../../src/slots/types.js";

export const ZONES = ["America/New_York", "America/Santiago", "Pacific/Chatham", "Europe/Madrid", "Australia/Lord_Howe", "America/Bogota", "America/Guatemala", "Asia/Kathmandu"];
const DENSE_RULES = ["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA", "FREQ=DAILY;BYDAY=SA,SU,MO,TU"];
const RULES = [
  "FREQ=WEEKLY;BYDAY=MO,WE,FR",
  "FREQ=WEEKLY",
  "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH,SU",
  "FREQ=WEEKLY;INTERVAL=3",
  "FREQ=MONTHLY;BYDAY=1MO,-1FR,2SU",
  "FREQ=MONTHLY;BYMONTHDAY=1,6,15,-1",
  "FREQ=DAILY;INTERVAL=3",
  "FREQ=WEEKLY;BYDAY=SA,SU;COUNT=9",
  "FREQ=DAILY;UNTIL=20400101",
  "FREQ=YEARLY;BYMONTH=3,4,9,10,11;BYDAY=SU",
  "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU;BYSETPOS=2",
];
const CODES: Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const DAY = 86_400_000;
const MIN = 60_000;

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
export const dateOf = (days: number): string => new Date(days * DAY).toISOString().slice(0, 10);

/** A wall-time span on the quarter hour; the end may be 24:00. */
const wallSpan = fc
  .record({ startQ: fc.integer({ min: 0, max: 95 }), lengthQ: fc.integer({ min: 8, max: 72 }) })
  .map(({ startQ, lengthQ }) => ({ start: hhmm(startQ * 15), end: hhmm(Math.min(96, startQ + lengthQ) * 15) }))
  .filter((s) => s.start !== s.end);

/** Mostly `null`, sometimes a value. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

export const arbRule = (centerDay: number, zones: readonly string[] = ZONES): fc.Arbitrary<AvailabilityRule> =>
  fc
    .record({
      rrule: fc.oneof(fc.constantFrom(...DENSE_RULES), fc.constantFrom(...RULES)),
      span: wallSpan,
      timeZone: fc.constantFrom(...zones),
      // Without validFrom the anchor is 2001-01-01, which the reference iterates from.
      validFrom: fc.option(fc.integer({ min: -400, max: 5 }), { nil: null, freq: 8 }),
      validUntil: rarely(fc.integer({ min: -5, max: 60 })),
    })
    .map((r) => ({
      rrule: r.rrule,
      ...r.span,
      timeZone: r.timeZone,
      validFrom: r.validFrom === null ? null : dateOf(centerDay + r.validFrom),
      validUntil: r.validUntil === null ? null : dateOf(centerDay + r.validUntil),
    }));

/** A day count from 2001 to 2040, half the time in a month where offsets change. */
export const arbDay = fc.oneof(
  fc.integer({ min: 11_400, max: 25_500 }),
  fc
    .record({ year: fc.integer({ min: 2001, max: 2040 }), month: fc.constantFrom(3, 4, 9, 10, 11), day: fc.integer({ min: 1, max: 30 }) })
    .map(({ year, month, day }) => Math.floor(Date.UTC(year, month - 1, day) / DAY)),
);

const intervals = (from: number, to: number, max: number): fc.Arbitrary<Interval[]> =>
  fc.array(
    fc
      .record({ at: fc.integer({ min: Math.floor((from - DAY) / (5 * MIN)), max: Math.floor((to + DAY) / (5 * MIN)) }), len: fc.integer({ min: 0, max: 30 }) })
      .map(({ at, len }) => ({ start: at * 5 * MIN, end: (at + len * 3) * 5 * MIN })),
    { maxLength: max },
  );

function arbStaff(id: string, day: number, from: number, to: number, officeZone: string): fc.Arbitrary<StaffInput> {
  // Half the rules in the office's own zone, so that hours and availability meet often.
  const zones: fc.Arbitrary<readonly string[]> = fc.oneof(fc.constant([officeZone]), fc.constant(ZONES));
  return fc.record({
    id: fc.constant(id),
    rules: zones.chain((z) => fc.array(arbRule(day, z), { minLength: 1, maxLength: 3 })),
    appointments: intervals(from, to, 5),
    timeOff: intervals(from, to, 2),
  });
}

export const arbQuery: fc.Arbitrary<SlotQuery> = fc
  .record({ day: arbDay, hour: fc.integer({ min: 0, max: 23 }), hours: fc.integer({ min: 12, max: 120 }) })
  .chain(({ day, hour, hours }) => {
    const from = day * DAY + hour * 3_600_000;
    const to = from + hours * 3_600_000;
    const dates = fc.uniqueArray(
      fc.integer({ min: -1, max: 5 }).map((k) => dateOf(day + k)),
      { maxLength: 2 },
    );
    return fc.constantFrom(...ZONES).chain((officeZone) =>
      fc.record({
        from: fc.constant(from),
        to: fc.constant(to),
        office: fc.record({
          timeZone: fc.constant(officeZone),
          hours: fc.array(
            fc.record({ days: fc.subarray(CODES, { minLength: 1 }), span: wallSpan }).map(({ days, span }) => ({ days, ...span })),
            { minLength: 1, maxLength: 2 },
          ),
          closedDates: dates.map((d) => new Set(d) as ReadonlySet<string>),
          closedIntervals: intervals(from, to, 1),
        }),
        service: fc.record({
          durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          bufferMinutes: fc.constantFrom(0, 5, 15),
          slotStepMinutes: fc.constantFrom(10, 15, 20, 30, 45, 60),
          dailyCapPerOffice: rarely(fc.integer({ min: 1, max: 3 })),
          needsRoom: fc.boolean(),
        }),
        staff: fc.subarray(["ana", "bea", "carl"], { minLength: 1 }).chain((ids) => fc.tuple(...ids.map((id) => arbStaff(id, day, from, to, officeZone)))),
        rooms: fc.subarray(["r1", "r2", "r3"]).chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), busy: intervals(from, to, 3) })))),
        dayCounts: fc
          .array(
            fc.tuple(
              fc.integer({ min: -1, max: 5 }).map((k) => dateOf(day + k)),
              fc.integer({ min: 0, max: 4 }),
            ),
            { maxLength: 3 },
          )
          .map((e) => new Map(e) as ReadonlyMap<string, number>),
        notBefore: fc.integer({ min: -12, max: 24 }).map((h) => from + h * 3_600_000),
        window: rarely(
          fc.record({ a: fc.integer({ min: -1, max: 3 }), b: fc.integer({ min: 0, max: 5 }) }).map(({ a, b }) => ({ firstDate: dateOf(day + a), lastDate: dateOf(day + b) })),
        ),
      }),
    );
  });

/** Absent `odds` times out of odds + 1. */
const sometimes = <T>(odds: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: odds, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const signedInt = (max: number, small = max): fc.Arbitrary<number> =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) }).chain((n) => fc.constantFrom(n, -n));
const listOf = (item: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(item, { minLength: 1, maxLength: 4 }).map((a) => a.join(","));
const untilText = fc
  .record({ day: fc.integer({ min: 11_000, max: 33_000 }), time: fc.constantFrom("", "T000000Z", "T235959Z", "T120000") })
  .map(({ day, time }) => dateOf(day).replaceAll("-", "") + time);

/**
 * Any RRULE text that parseRule accepts: every part it knows (ordinal BYDAY, negative
 * BYMONTHDAY, BYSETPOS, BYWEEKNO, BYYEARDAY, COUNT or UNTIL, WKST), in any order and case,
 * with small numbers most of the time so that rules often occur.
 */
export const arbRuleText: fc.Arbitrary<string> = fc
  .record({
    FREQ: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
    INTERVAL: sometimes(2, fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }) }).map(String)),
    BYDAY: sometimes(1, listOf(fc.tuple(fc.option(signedInt(53, 5), { nil: null }), fc.constantFrom(...CODES)).map(([n, d]) => `${n ?? ""}${d}`))),
    BYMONTHDAY: sometimes(3, listOf(signedInt(31).map(String))),
    BYMONTH: sometimes(3, listOf(fc.integer({ min: 1, max: 12 }).map(String))),
    BYYEARDAY: sometimes(8, listOf(signedInt(366).map(String))),
    BYWEEKNO: sometimes(8, listOf(signedInt(53).map(String))),
    BYSETPOS: sometimes(4, listOf(signedInt(366, 4).map(String))),
    WKST: sometimes(4, fc.constantFrom(...CODES)),
    END: sometimes(
      2,
      fc.oneof(
        fc.integer({ min: 1, max: 60 }).map((n) => `COUNT=${n}`),
        fc.integer({ min: 1, max: 99_999 }).map((n) => `COUNT=${n}`),
        untilText.map((u) => `UNTIL=${u}`),
      ),
    ),
  })
  .chain((parts) =>
    fc.shuffledSubarray(
      Object.entries(parts).filter(([, v]) => v !== null),
      { minLength: Object.values(parts).filter((v) => v !== null).length },
    ),
  )
  .chain((entries) =>
    fc.boolean().map((lower) => {
      const text = entries.map(([k, v]) => (k === "END" ? v : `${k}=${v}`)).join(";");
      return lower ? text.toLowerCase() : text;
    }),
  );

/** A rule with any accepted RRULE text, anchored near `centerDay` or at the default anchor. */
export const arbAnyRule = (centerDay: number): fc.Arbitrary<AvailabilityRule> =>
  fc
    .record({
      rrule: arbRuleText,
      validFrom: fc.option(fc.integer({ min: -800, max: 5 }), { nil: null, freq: 12 }),
      validUntil: rarely(fc.integer({ min: 6, max: 400 })),
    })
    .map((r) => ({
      rrule: r.rrule,
      start: "09:00",
      end: "17:00",
      timeZone: "America/Bogota",
      validFrom: r.validFrom === null ? null : dateOf(centerDay + r.validFrom),
      validUntil: r.validUntil === null ? null : dateOf(centerDay + r.validUntil),
    }));
