import { describe, expect, it } from "vitest";
import { localDateTimeWords, localTime } from "../../src/i18n/dates.js";

const instant = Date.parse("2026-12-01T14:00:00Z"); // 08:00 in Guatemala (UTC−6)

describe("local dates in words", () => {
  it.each([
    ["es", "martes 1 de diciembre, 08:00"],
    ["en", "Tuesday 1 December, 08:00"],
    ["ht", "madi 1 desanm, 08:00"],
    ["fr", "mardi 1 décembre, 08:00"],
  ] as const)("%s: %s", (language, expected) => {
    expect(localDateTimeWords(instant, "America/Guatemala", language)).toBe(expected);
  });

  it("uses the office's zone for both the date and the time", () => {
    // 02:30 UTC on the 2nd is still the 1st, 21:30, in Bogotá; and 16:15 on the 2nd in Chatham (+13:45).
    const late = Date.parse("2026-12-02T02:30:00Z");
    expect(localDateTimeWords(late, "America/Bogota", "es")).toBe("martes 1 de diciembre, 21:30");
    expect(localDateTimeWords(late, "Pacific/Chatham", "en")).toBe("Wednesday 2 December, 16:15");
    expect(localTime(Date.parse("2026-03-08T07:30:00Z"), "America/New_York")).toBe("03:30");
  });
});
