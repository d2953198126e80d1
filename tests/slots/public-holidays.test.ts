// The holidays staff are shown are the holidays the slot engine closes: the same dates, by name,
// in the reader's language.
import { describe, expect, it } from "vitest";
import { closedDates, publicHolidays } from "../../src/slots/holidays.js";

describe("publicHolidays", () => {
  it("names Colombia's December holidays in the language asked for", () => {
    expect(publicHolidays("CO", "2026-12-01", "2026-12-31", "es")).toEqual([
      { date: "2026-12-08", name: "La inmaculada concepción" },
      { date: "2026-12-25", name: "Navidad" },
    ]);
    expect(publicHolidays("CO", "2026-12-01", "2026-12-31", "en").map((h) => h.name)).toEqual(["Immaculate Conception", "Christmas Day"]);
  });

  it("lists exactly the dates closedDates closes, across a year's end and for a holiday that starts at noon", () => {
    for (const country of ["CO", "GT", "EC", "CR", "CL"]) {
      const range = { from: "2026-11-15", to: "2027-05-15" };
      const shown = publicHolidays(country, range.from, range.to, "es").map((h) => h.date);
      expect(new Set(shown), country).toEqual(closedDates({ country, ...range }));
    }
    expect(publicHolidays("GT", "2026-12-24", "2026-12-24", "es").map((h) => h.date)).toEqual(["2026-12-24"]);
  });
});
