import { describe, expect, it } from "vitest";
import { findSlots } from "../../src/slots/engine.js";
import { formatUtcIso } from "../../src/slots/zone.js";
import { at, halfHours, office, person, query, rule, service, span, starts, times } from "./helpers.js";

/** One Bogotá local day, midnight to midnight. */
const day = (date: string) => query(`${date}T00:00:00-05:00`, `${nextDate(date)}T00:00:00-05:00`);
const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("the grid", () => {
  it("starts every step inside office hours, in the office's zone", () => {
    const slots = findSlots(day("2026-03-02"));
    expect(times(slots)).toEqual(halfHours("08:00", "16:00"));
    expect(starts(slots)[0]).toBe("2026-03-02T08:00:00-05:00");
    expect(formatUtcIso(slots[0]!.start)).toBe("2026-03-02T13:00:00Z");
    expect(formatUtcIso(slots[0]!.end)).toBe("2026-03-02T14:00:00Z");
    expect(slots[0]).toMatchObject({ staffIds: ["ana"], roomIds: [] });
  });

  it("counts the step from local midnight, not from opening time", () => {
    const q = day("2026-03-02");
    const slots = findSlots({ ...q, service: service(q, { slotStepMinutes: 45 }) });
    expect(times(slots)).toEqual(["08:15", "09:00", "09:45", "10:30", "11:15", "12:00", "12:45", "13:30", "14:15", "15:00", "15:45"]);
  });

  it("gives nothing on a day the office does not open", () => {
    expect(findSlots(day("2026-03-07"))).toEqual([]);
  });

  it("includes a start inside the range that ends after it, and excludes a start at its end", () => {
    const q = query("2026-03-02T08:30:00-05:00", "2026-03-02T16:00:00-05:00");
    expect(times(findSlots(q))).toEqual(halfHours("08:30", "15:30"));
  });

  it("rejects a service that cannot make a grid", () => {
    const q = day("2026-03-02");
    expect(() => findSlots({ ...q, service: service(q, { slotStepMinutes: 0 }) })).toThrow(RangeError);
    expect(() => findSlots({ ...q, service: service(q, { durationMinutes: -5 }) })).toThrow(RangeError);
  });
});

describe("office hours ∩ availability across zones", () => {
  const newYork = person("nina", [rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "09:00", "13:00", "America/New_York")]);

  it.each([
    ["2026-03-06", "09:00", "12:00"], // both at UTC−5
    ["2026-03-09", "08:00", "11:00"], // New York moved to UTC−4 on 2026-03-08, Bogotá did not
    ["2026-10-30", "08:00", "11:00"],
    ["2026-11-02", "09:00", "12:00"], // New York back to UTC−5 on 2026-11-01
  ])("a New York counsellor 09:00–13:00 serves Bogotá on %s from %s to %s", (date, first, last) => {
    const slots = findSlots({ ...day(date), staff: [newYork] });
    expect(times(slots)).toEqual(halfHours(first, last));
    expect(slots.every((s) => s.staffIds.join() === "nina")).toBe(true);
  });

  it("a Madrid interviewer's afternoon is a Bogotá morning that moves on 2026-03-29", () => {
    const madrid = person("mar", [rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "14:00", "20:00", "Europe/Madrid")]);
    expect(times(findSlots({ ...day("2026-03-27"), staff: [madrid] }))).toEqual(halfHours("08:00", "13:00"));
    expect(times(findSlots({ ...day("2026-03-30"), staff: [madrid] }))).toEqual(halfHours("08:00", "12:00"));
  });

  it("joins touching availability rules into one span", () => {
    const split = person("ana", [rule("FREQ=DAILY", "08:00", "10:00", "America/Bogota"), rule("FREQ=DAILY", "10:00", "12:00", "America/Bogota")]);
    expect(times(findSlots({ ...day("2026-03-02"), staff: [split] }))).toEqual(halfHours("08:00", "11:00"));
  });
});

describe("closures, busy time and buffers", () => {
  it("skips closed dates", () => {
    const q = query("2026-03-02T00:00:00-05:00", "2026-03-05T00:00:00-05:00");
    const slots = findSlots({ ...q, office: office(q, { closedDates: new Set(["2026-03-03"]) }) });
    expect(new Set(starts(slots).map((s) => s.slice(0, 10)))).toEqual(new Set(["2026-03-02", "2026-03-04"]));
  });

  it("keeps slots clear of closed intervals", () => {
    const q = day("2026-03-02");
    const closedIntervals = [span("2026-03-02T10:00:00-05:00", "2026-03-02T11:30:00-05:00")];
    const slots = findSlots({ ...q, office: office(q, { closedIntervals }) });
    expect(times(slots)).toEqual([...halfHours("08:00", "09:00"), ...halfHours("11:30", "16:00")]);
  });

  it("keeps slots clear of time off", () => {
    const q = day("2026-03-02");
    const ana = { ...q.staff[0]!, timeOff: [span("2026-03-02T09:00:00-05:00", "2026-03-02T10:00:00-05:00")] };
    expect(times(findSlots({ ...q, staff: [ana] }))).toEqual(["08:00", ...halfHours("10:00", "16:00")]);
  });

  it("holds the new slot's buffer and the booked one's: [start, end + buffer)", () => {
    const q = day("2026-03-02");
    // A 60-minute booking at 10:00 with its 15-minute buffer holds 10:00–11:15.
    const ana = { ...q.staff[0]!, appointments: [span("2026-03-02T10:00:00-05:00", "2026-03-02T11:15:00-05:00")] };
    const slots = findSlots({ ...q, staff: [ana], service: service(q, { bufferMinutes: 15 }) });
    expect(times(slots)).toEqual(["08:00", "08:30", ...halfHours("11:30", "16:00")]);
  });

  it("lists free rooms by id and drops a slot with none", () => {
    const q = day("2026-03-02");
    const rooms = [
      { id: "r2", busy: [span("2026-03-02T09:00:00-05:00", "2026-03-02T10:00:00-05:00")] },
      { id: "r1", busy: [span("2026-03-02T10:00:00-05:00", "2026-03-02T11:00:00-05:00")] },
    ];
    const slots = findSlots({ ...q, rooms, service: service(q, { needsRoom: true }) });
    const byTime = new Map(slots.map((s) => [times([s])[0], s.roomIds]));
    expect(byTime.get("08:00")).toEqual(["r1", "r2"]);
    expect(byTime.get("09:00")).toEqual(["r1"]);
    expect(byTime.has("09:30")).toBe(false);
    expect(byTime.get("10:00")).toEqual(["r2"]);
    expect(findSlots({ ...q, rooms }).every((s) => s.roomIds.length === 0)).toBe(true);
  });
});

describe("caps, windows and notice", () => {
  it("offers nothing on a date whose count reached the daily cap", () => {
    const q = query("2026-03-02T00:00:00-05:00", "2026-03-04T00:00:00-05:00");
    const dayCounts = new Map([
      ["2026-03-02", 5],
      ["2026-03-03", 4],
    ]);
    const slots = findSlots({ ...q, dayCounts, service: service(q, { dailyCapPerOffice: 5 }) });
    expect(starts(slots).every((s) => s.startsWith("2026-03-03"))).toBe(true);
    expect(slots).toHaveLength(17);
  });

  it("keeps to the window's local dates and to notBefore", () => {
    const q = query("2026-03-02T00:00:00-05:00", "2026-03-07T00:00:00-05:00");
    const slots = findSlots({
      ...q,
      window: { firstDate: "2026-03-03", lastDate: "2026-03-04" },
      notBefore: at("2026-03-03T10:10:00-05:00"),
    });
    expect(starts(slots)[0]).toBe("2026-03-03T10:30:00-05:00");
    expect(starts(slots).at(-1)).toBe("2026-03-04T16:00:00-05:00");
  });
});

describe("staff order", () => {
  it("puts the least booked in the slot's local week first, then orders by id", () => {
    const hours = [rule("FREQ=DAILY", "00:00", "24:00", "America/Bogota")];
    const staff = [
      person("ana", hours, { appointments: [span("2026-03-03T09:00:00-05:00", "2026-03-03T10:00:00-05:00"), span("2026-03-04T09:00:00-05:00", "2026-03-04T10:00:00-05:00")] }),
      person("bea", hours, { appointments: [span("2026-03-05T09:00:00-05:00", "2026-03-05T10:30:00-05:00")] }),
      // Sunday night in Bogotá is already Monday in UTC: it belongs to the week before.
      person("carl", hours, { appointments: [span("2026-03-01T23:30:00-05:00", "2026-03-02T02:00:00-05:00")] }),
    ];
    const q = query("2026-03-02T08:00:00-05:00", "2026-03-02T08:30:00-05:00", { staff });
    expect(findSlots(q).map((s) => s.staffIds)).toEqual([["carl", "bea", "ana"]]);
    const nextWeek = query("2026-03-09T08:00:00-05:00", "2026-03-09T08:30:00-05:00", { staff });
    expect(findSlots(nextWeek).map((s) => s.staffIds)).toEqual([["ana", "bea", "carl"]]);
  });

  it("omits slots where nobody is free", () => {
    const q = day("2026-03-02");
    const ana = { ...q.staff[0]!, timeOff: [span("2026-03-02T00:00:00-05:00", "2026-03-03T00:00:00-05:00")] };
    expect(findSlots({ ...q, staff: [ana] })).toEqual([]);
    expect(findSlots({ ...q, staff: [] })).toEqual([]);
  });

  it("does not depend on the order of its inputs", () => {
    const q = query("2026-03-02T00:00:00-05:00", "2026-03-07T00:00:00-05:00");
    const busy = [span("2026-03-04T10:00:00-05:00", "2026-03-04T11:00:00-05:00"), span("2026-03-02T09:00:00-05:00", "2026-03-02T12:00:00-05:00")];
    const a = { ...q.staff[0]!, appointments: busy };
    const b = { ...q.staff[0]!, appointments: [...busy].reverse() };
    expect(findSlots({ ...q, staff: [a] })).toEqual(findSlots({ ...q, staff: [b] }));
  });
});
