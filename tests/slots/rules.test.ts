import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expandOfficeHours, expandRule, parseRule, validateRule } from "../../src/slots/rules.js";
import { referenceExpandRule } from "./reference/engine.js";
import { formatLocalIso, formatUtcIso } from "../../src/slots/zone.js";
import type { Interval } from "../../src/slots/types.js";
import { at, rule } from "./helpers.js";
import { arbRule } from "./arbitraries.js";

const utc = (list: Interval[]): string[] => list.map((i) => `${formatUtcIso(i.start)}/${formatUtcIso(i.end)}`);
const localDates = (list: Interval[], zone: string): string[] => list.map((i) => formatLocalIso(i.start, zone).slice(0, 10));

describe("parseRule", () => {
  it.each([
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=DAILY",
    "freq=weekly;byday=tu",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU",
    "FREQ=MONTHLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYMONTHDAY=1,15,-1",
    "FREQ=WEEKLY;BYDAY=FR;COUNT=10",
    "FREQ=DAILY;UNTIL=20261231",
    "FREQ=DAILY;UNTIL=20261231T235959Z",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1FR",
  ])("accepts %s", (text) => {
    expect(parseRule(text)).toBeNull();
  });

  it.each([
    ["", /empty/],
    ["BYDAY=MO", /FREQ is required/],
    ["FREQ=FOO", /FREQ must be/],
    ["FREQ=HOURLY", /FREQ must be/],
    ["FREQ=WEEKLY;BYDAY=XX", /Invalid BYDAY/],
    ["FREQ=WEEKLY;INTERVAL=0", /Invalid INTERVAL/],
    ["FREQ=WEEKLY;FOO=1", /Unknown rule part FOO/],
    ["FREQ=WEEKLY;;BYDAY=MO", /Malformed/],
    ["FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", /twice/],
    ["FREQ=DAILY;BYHOUR=9", /BYHOUR is not allowed/],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20260101", /COUNT and UNTIL/],
    ["FREQ=WEEKLY;UNTIL=20260231", /Invalid UNTIL/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /DTSTART and TZID/],
    ["FREQ=DAILY;TZID=America/Bogota", /DTSTART and TZID/],
    ["RRULE:FREQ=DAILY", /only the rule's parts/],
  ])("rejects %j", (text, message) => {
    expect(parseRule(text)).toMatch(message);
  });

  it("validates a whole rule", () => {
    expect(validateRule(rule("FREQ=DAILY", "09:00", "24:00", "America/Bogota"))).toBeNull();
    expect(validateRule(rule("FREQ=DAILY", "13:00", "09:00", "America/Bogota"))).toMatch(/after the start/);
    expect(validateRule(rule("FREQ=DAILY", "9:00", "13:00", "America/Bogota"))).toMatch(/start time/);
    expect(validateRule(rule("FREQ=DAILY", "09:00", "13:00", "Mars/Base"))).toMatch(/time zone/);
    expect(validateRule(rule("FREQ=DAILY", "09:00", "13:00", "UTC", { validFrom: "2026-02-30" }))).toMatch(/local date/);
  });
});

describe("expandRule", () => {
  const from = at("2026-03-01T00:00:00Z");
  const to = at("2026-03-14T00:00:00Z");

  it("expands a weekly New York rule, following New York's DST change on 2026-03-08", () => {
    expect(utc(expandRule(rule("FREQ=WEEKLY;BYDAY=MO,WE", "09:00", "13:00", "America/New_York"), from, to))).toEqual([
      "2026-03-02T14:00:00Z/2026-03-02T18:00:00Z",
      "2026-03-04T14:00:00Z/2026-03-04T18:00:00Z",
      "2026-03-09T13:00:00Z/2026-03-09T17:00:00Z",
      "2026-03-11T13:00:00Z/2026-03-11T17:00:00Z",
    ]);
  });

  it("respects validFrom and validUntil as inclusive local dates", () => {
    const r = rule("FREQ=DAILY", "09:00", "10:00", "Asia/Kathmandu", { validFrom: "2026-03-03", validUntil: "2026-03-05" });
    expect(localDates(expandRule(r, from, to), "Asia/Kathmandu")).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
  });

  it("anchors INTERVAL=2 at validFrom, or at Monday 2001-01-01 without it", () => {
    const biweekly = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO";
    const end = at("2026-04-01T00:00:00Z");
    const withFrom = rule(biweekly, "09:00", "10:00", "America/Bogota", { validFrom: "2026-03-02" });
    expect(localDates(expandRule(withFrom, from, end), "America/Bogota")).toEqual(["2026-03-02", "2026-03-16", "2026-03-30"]);
    // 2026-03-02 is 1,313 weeks after 2001-01-01: an odd week.
    const anchored = rule(biweekly, "09:00", "10:00", "America/Bogota");
    expect(localDates(expandRule(anchored, from, end), "America/Bogota")).toEqual(["2026-03-09", "2026-03-23"]);
  });

  it("expands monthly ordinals, COUNT and UNTIL with rrule in floating time", () => {
    const z = "America/Guayaquil";
    const end = at("2026-06-01T00:00:00Z");
    expect(localDates(expandRule(rule("FREQ=MONTHLY;BYDAY=1MO", "09:00", "12:00", z), from, end), z)).toEqual(["2026-03-02", "2026-04-06", "2026-05-04"]);
    const counted = rule("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "09:00", "12:00", z, { validFrom: "2026-03-02" });
    expect(localDates(expandRule(counted, from, end), z)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    const until = rule("FREQ=DAILY;INTERVAL=2;UNTIL=20260307", "09:00", "12:00", z, { validFrom: "2026-03-01" });
    expect(localDates(expandRule(until, from, end), z)).toEqual(["2026-03-01", "2026-03-03", "2026-03-05", "2026-03-07"]);
  });

  it("drops an occurrence whose wall start does not exist", () => {
    const r = rule("FREQ=DAILY", "02:30", "04:00", "America/New_York");
    const list = expandRule(r, at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"));
    expect(localDates(list, "America/New_York")).toEqual(["2026-03-07", "2026-03-09"]);
  });

  it("ends a 24:00 rule at the start of the next local day, even when midnight is skipped", () => {
    const r = rule("FREQ=DAILY", "20:00", "24:00", "America/Santiago", { validFrom: "2026-09-05", validUntil: "2026-09-05" });
    expect(utc(expandRule(r, at("2026-09-01T00:00:00Z"), at("2026-09-10T00:00:00Z")))).toEqual(["2026-09-06T00:00:00Z/2026-09-06T04:00:00Z"]);
  });

  it("expands office hours, skipping closed dates", () => {
    const hours = [{ days: ["MO" as const, "TU" as const], start: "08:00", end: "12:00" }];
    const list = expandOfficeHours(hours, "America/Costa_Rica", at("2026-03-01T00:00:00Z"), at("2026-03-11T00:00:00Z"), new Set(["2026-03-03"]));
    expect(utc(list)).toEqual(["2026-03-02T14:00:00Z/2026-03-02T18:00:00Z", "2026-03-09T14:00:00Z/2026-03-09T18:00:00Z", "2026-03-10T14:00:00Z/2026-03-10T18:00:00Z"]);
  });
});

describe("fast expansion equals plain rrule + luxon", () => {
  it("for random rules, zones and ranges", () => {
    const arb = fc
      .record({ day: fc.integer({ min: 11_400, max: 32_500 }), hour: fc.integer({ min: 0, max: 23 }), days: fc.integer({ min: 1, max: 20 }) })
      .chain((r) => fc.tuple(fc.constant(r), arbRule(r.day)));
    fc.assert(
      fc.property(arb, ([r, ar]) => {
        const from = r.day * 86_400_000 + r.hour * 3_600_000;
        const to = from + r.days * 86_400_000;
        expect(utc(expandRule(ar, from, to))).toEqual(utc(referenceExpandRule(ar, from, to)));
      }),
      { numRuns: 400 },
    );
  });
});
