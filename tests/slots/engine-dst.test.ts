import { describe, expect, it } from "vitest";
import { findSlots } from "../../src/slots/engine.js";
import { formatUtcIso } from "../../src/slots/zone.js";
import type { SlotQuery, Weekday } from "../../src/slots/types.js";
import { person, query, rule, starts, times } from "./helpers.js";

const EVERY_DAY: Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** An office in `zone` open every day from `start` to `end`, staffed by someone local all day. */
function localOffice(zone: string, start: string, end: string, from: string, to: string, minutes = 30, step = minutes): SlotQuery {
  const q = query(from, to);
  return {
    ...q,
    office: { ...q.office, timeZone: zone, hours: [{ days: EVERY_DAY, start, end }] },
    service: { ...q.service, durationMinutes: minutes, slotStepMinutes: step },
    staff: [person("ana", [rule("FREQ=DAILY", "00:00", "24:00", zone)])],
  };
}

describe("America/New_York", () => {
  const NY = "America/New_York";

  it("makes no slot for 02:00–03:00 on 2026-03-08, which does not exist", () => {
    const q = localOffice(NY, "00:00", "06:00", "2026-03-08T00:00:00-05:00", "2026-03-08T06:00:00-04:00");
    expect(starts(findSlots(q), NY)).toEqual([
      "2026-03-08T00:00:00-05:00",
      "2026-03-08T00:30:00-05:00",
      "2026-03-08T01:00:00-05:00",
      "2026-03-08T01:30:00-05:00",
      "2026-03-08T03:00:00-04:00",
      "2026-03-08T03:30:00-04:00",
      "2026-03-08T04:00:00-04:00",
      "2026-03-08T04:30:00-04:00",
      "2026-03-08T05:00:00-04:00",
      "2026-03-08T05:30:00-04:00",
    ]);
  });

  it("drops availability that starts in the gap, for that date only", () => {
    const q = localOffice(NY, "00:00", "06:00", "2026-03-08T00:00:00-05:00", "2026-03-10T00:00:00-04:00");
    const staff = [person("ana", [rule("FREQ=DAILY", "02:30", "05:00", NY)])];
    expect(starts(findSlots({ ...q, staff }), NY)).toEqual([
      "2026-03-09T02:30:00-04:00",
      "2026-03-09T03:00:00-04:00",
      "2026-03-09T03:30:00-04:00",
      "2026-03-09T04:00:00-04:00",
      "2026-03-09T04:30:00-04:00",
    ]);
  });

  it("makes one slot, at the earlier instant, for 01:00–02:00 on 2026-11-01, which happens twice", () => {
    const q = localOffice(NY, "00:00", "04:00", "2026-11-01T00:00:00-04:00", "2026-11-01T04:00:00-05:00");
    const slots = findSlots(q);
    expect(slots.map((s) => formatUtcIso(s.start))).toEqual([
      "2026-11-01T04:00:00Z",
      "2026-11-01T04:30:00Z",
      "2026-11-01T05:00:00Z",
      "2026-11-01T05:30:00Z",
      "2026-11-01T07:00:00Z",
      "2026-11-01T07:30:00Z",
      "2026-11-01T08:00:00Z",
      "2026-11-01T08:30:00Z",
    ]);
    expect(starts(slots, NY)[3]).toBe("2026-11-01T01:30:00-04:00");
  });
});

describe("America/Santiago (changes at local midnight)", () => {
  const SCL = "America/Santiago";

  it("starts 2026-09-06 at 01:00: midnight does not exist", () => {
    const q = localOffice(SCL, "00:00", "03:00", "2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00", 60);
    expect(starts(findSlots(q), SCL)).toEqual(["2026-09-06T01:00:00-03:00", "2026-09-06T02:00:00-03:00"]);
  });

  it("ends a 24:00 day at the next day's first instant when midnight is skipped (2026-09-05)", () => {
    const q = localOffice(SCL, "20:00", "24:00", "2026-09-05T12:00:00-04:00", "2026-09-06T12:00:00-03:00", 60);
    const slots = findSlots(q);
    expect(starts(slots, SCL)).toEqual(["2026-09-05T20:00:00-04:00", "2026-09-05T21:00:00-04:00", "2026-09-05T22:00:00-04:00", "2026-09-05T23:00:00-04:00"]);
    expect(formatUtcIso(slots.at(-1)!.end)).toBe("2026-09-06T04:00:00Z");
  });

  it("offers 23:00 on 2026-04-04 once, at −03:00, although that hour happens twice", () => {
    const q = localOffice(SCL, "20:00", "24:00", "2026-04-04T12:00:00-03:00", "2026-04-05T12:00:00-04:00", 60);
    const slots = findSlots(q);
    expect(starts(slots, SCL)).toEqual(["2026-04-04T20:00:00-03:00", "2026-04-04T21:00:00-03:00", "2026-04-04T22:00:00-03:00", "2026-04-04T23:00:00-03:00"]);
    expect(slots.map((s) => formatUtcIso(s.start))).toEqual(["2026-04-04T23:00:00Z", "2026-04-05T00:00:00Z", "2026-04-05T01:00:00Z", "2026-04-05T02:00:00Z"]);
  });
});

describe("Pacific/Chatham (+12:45 / +13:45)", () => {
  const CHT = "Pacific/Chatham";

  it("skips 02:45–03:45 on 2026-09-27 in a Chatham office", () => {
    const q = localOffice(CHT, "02:00", "05:00", "2026-09-27T00:00:00+12:45", "2026-09-28T00:00:00+13:45", 30, 15);
    expect(starts(findSlots(q), CHT)).toEqual([
      "2026-09-27T02:00:00+12:45",
      "2026-09-27T02:15:00+12:45",
      "2026-09-27T02:30:00+12:45",
      "2026-09-27T03:45:00+13:45",
      "2026-09-27T04:00:00+13:45",
      "2026-09-27T04:15:00+13:45",
      "2026-09-27T04:30:00+13:45",
    ]);
  });

  it("a Chatham interviewer's morning lands on the previous Bogotá afternoon, an hour later after 2026-04-05", () => {
    const staff = [person("kai", [rule("FREQ=DAILY", "08:00", "12:00", CHT)])];
    const wednesday = (date: string) => query(`${date}T00:00:00-05:00`, `${date}T23:59:00-05:00`, { staff });
    // 08:00–12:00 at +13:45 is 13:15–17:15 in Bogotá; the office closes at 17:00.
    expect(times(findSlots(wednesday("2026-04-01")))).toEqual(["13:30", "14:00", "14:30", "15:00", "15:30", "16:00"]);
    // At +12:45 it is 14:15–18:15.
    expect(times(findSlots(wednesday("2026-04-08")))).toEqual(["14:30", "15:00", "15:30", "16:00"]);
  });
});

describe("remote interviewers across a DST change", () => {
  it("a New York counsellor's 09:00 on 2026-03-08 (Sunday) and 03-09 (Monday) lands an hour apart in Bogotá", () => {
    const q = query("2026-03-07T00:00:00-05:00", "2026-03-10T00:00:00-05:00");
    const office = { ...q.office, hours: [{ days: EVERY_DAY, start: "07:00", end: "12:00" }] };
    const staff = [person("nina", [rule("FREQ=DAILY", "09:00", "10:00", "America/New_York")])];
    expect(starts(findSlots({ ...q, office, staff }))).toEqual(["2026-03-07T09:00:00-05:00", "2026-03-08T08:00:00-05:00", "2026-03-09T08:00:00-05:00"]);
  });
});
