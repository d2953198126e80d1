import { describe, expect, it } from "vitest";
import { closedDates, isKnownHolidayCountry } from "../../src/slots/holidays.js";
import { findSlots } from "../../src/slots/engine.js";
import { office, query, starts } from "./helpers.js";

const year2026 = (country: string) => closedDates({ country, from: "2026-01-01", to: "2026-12-31" });

describe("closedDates", () => {
  it("lists Colombia's public holidays, moved Mondays included, not observances", () => {
    const closed = year2026("CO");
    for (const d of ["2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-06-29", "2026-11-02", "2026-12-08"]) {
      expect(closed.has(d), d).toBe(true);
    }
    expect(closed.has("2026-03-29")).toBe(false); // Palm Sunday is an observance
  });

  it("lists Guatemala's, closing the whole date of a holiday that starts at noon", () => {
    const closed = year2026("GT");
    for (const d of ["2026-04-02", "2026-04-03", "2026-04-04", "2026-06-29", "2026-09-15", "2026-10-20", "2026-12-24", "2026-12-31"]) {
      expect(closed.has(d), d).toBe(true);
    }
    expect(closed.has("2026-02-11")).toBe(false); // observance
    expect(closed.has("2026-07-01")).toBe(false); // bank holiday only
  });

  it("lists Costa Rica's and Ecuador's", () => {
    const cr = year2026("CR");
    for (const d of ["2026-04-11", "2026-07-25", "2026-08-02", "2026-08-15", "2026-12-25"]) expect(cr.has(d), d).toBe(true);
    expect(cr.has("2026-04-05")).toBe(false);
    const ec = year2026("EC");
    for (const d of ["2026-02-16", "2026-02-17", "2026-05-24", "2026-08-10", "2026-11-02", "2026-11-03"]) expect(ec.has(d), d).toBe(true);
    expect(ec.has("2026-10-31")).toBe(false);
  });

  it("keeps to the range, across a year boundary", () => {
    expect([...closedDates({ country: "CO", from: "2026-12-20", to: "2027-01-10" })].sort()).toEqual(["2026-12-25", "2027-01-01"]);
    expect([...closedDates({ country: "CO", from: "2026-03-24", to: "2026-04-01" })]).toEqual([]);
  });

  it("lets the office's own entries win: Guatemala's Army Day kept on 30 June", () => {
    const closed = closedDates({
      country: "GT",
      from: "2026-06-01",
      to: "2026-07-31",
      closures: [
        { date: "2026-06-29", open: true },
        { date: "2026-06-30", open: false },
      ],
    });
    expect([...closed].sort()).toEqual(["2026-06-30"]);
  });

  it("works without a country, and refuses an unknown one", () => {
    expect([...closedDates({ country: null, from: "2026-01-01", to: "2026-12-31", closures: [{ date: "2026-05-05", open: false }] })]).toEqual(["2026-05-05"]);
    expect(() => year2026("XX")).toThrow(RangeError);
    expect(isKnownHolidayCountry("XX")).toBe(false);
    expect(isKnownHolidayCountry("EC")).toBe(true);
    expect(isKnownHolidayCountry("US-NY")).toBe(true);
    expect(() => closedDates({ country: "CO", from: "2026-02-30", to: "2026-03-01" })).toThrow(RangeError);
  });
});

describe("holidays in the slot search", () => {
  it("offers nothing on a Guatemalan public holiday unless the office opens", () => {
    const q = query("2026-04-01T00:00:00-06:00", "2026-04-03T00:00:00-06:00");
    const guatemala = (closures: { date: string; open: boolean }[]) => ({
      ...q,
      office: office(q, {
        timeZone: "America/Guatemala",
        closedDates: closedDates({ country: "GT", from: "2026-03-31", to: "2026-04-03", closures }),
      }),
      staff: q.staff.map((s) => ({ ...s, rules: s.rules.map((r) => ({ ...r, timeZone: "America/Guatemala" })) })),
    });
    const closed = starts(findSlots(guatemala([])), "America/Guatemala");
    expect(closed.every((s) => s.startsWith("2026-04-01"))).toBe(true);
    expect(closed).toHaveLength(17);
    const open = starts(findSlots(guatemala([{ date: "2026-04-02", open: true }])), "America/Guatemala");
    expect(open.filter((s) => s.startsWith("2026-04-02"))).toHaveLength(17);
    expect(open[17]).toBe("2026-04-02T08:00:00-06:00");
  });
});
