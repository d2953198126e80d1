import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { daysFromCivil } from "../../src/slots/calendar.js";
import { formatLocalIso, formatUtcIso, isValidTimeZone, localDateOf, localToInstant, offsetAt, startOfLocalDay } from "../../src/slots/zone.js";
import { referenceFormatLocalIso, referenceLocalDate, referenceLocalToInstant, referenceOffsetAt } from "./reference/zone.js";

const ZONES = [
  "America/New_York",
  "America/Santiago",
  "Pacific/Chatham",
  "Europe/Madrid",
  "Australia/Lord_Howe",
  "America/Bogota",
  "America/Guatemala",
  "America/Costa_Rica",
  "America/Guayaquil",
  "Asia/Kathmandu",
  "America/Asuncion",
  "Africa/Casablanca",
  "Europe/London",
  "Asia/Tehran",
  "America/St_Johns",
  "Pacific/Apia",
  "UTC",
];

const iso = (t: number | null): string | null => (t === null ? null : formatUtcIso(t));

describe("wall time to instant", () => {
  it("places an ordinary wall time", () => {
    expect(formatLocalIso(localToInstant("America/Bogota", 2026, 12, 1, 8 * 60)!, "America/Bogota")).toBe("2026-12-01T08:00:00-05:00");
    expect(iso(localToInstant("America/Guatemala", 2026, 12, 1, 8 * 60))).toBe("2026-12-01T14:00:00Z");
    expect(formatLocalIso(localToInstant("Asia/Kathmandu", 2026, 6, 1, 9 * 60)!, "Asia/Kathmandu")).toBe("2026-06-01T09:00:00+05:45");
  });

  it("gives null inside New York's spring-forward gap (2026-03-08 02:00–03:00)", () => {
    expect(localToInstant("America/New_York", 2026, 3, 8, 2 * 60)).toBeNull();
    expect(localToInstant("America/New_York", 2026, 3, 8, 2 * 60 + 59)).toBeNull();
    expect(iso(localToInstant("America/New_York", 2026, 3, 8, 1 * 60 + 59))).toBe("2026-03-08T06:59:00Z");
    expect(iso(localToInstant("America/New_York", 2026, 3, 8, 3 * 60))).toBe("2026-03-08T07:00:00Z");
  });

  it("takes the earlier instant in New York's fall-back overlap (2026-11-01 01:00–02:00)", () => {
    expect(formatLocalIso(localToInstant("America/New_York", 2026, 11, 1, 60)!, "America/New_York")).toBe("2026-11-01T01:00:00-04:00");
    expect(iso(localToInstant("America/New_York", 2026, 11, 1, 90))).toBe("2026-11-01T05:30:00Z");
    expect(iso(localToInstant("America/New_York", 2026, 11, 1, 120))).toBe("2026-11-01T07:00:00Z");
  });

  it("knows Santiago changes at local midnight, so 2026-09-06 starts at 01:00", () => {
    const day = daysFromCivil(2026, 9, 6);
    expect(localToInstant("America/Santiago", 2026, 9, 6, 0)).toBeNull();
    expect(formatLocalIso(startOfLocalDay("America/Santiago", day)!, "America/Santiago")).toBe("2026-09-06T01:00:00-03:00");
    // 2026-04-05 00:00 (-03) became 2026-04-04 23:00 (-04): 23:00–24:00 on the 4th happens twice.
    expect(formatLocalIso(localToInstant("America/Santiago", 2026, 4, 4, 23 * 60 + 30)!, "America/Santiago")).toBe("2026-04-04T23:30:00-03:00");
    expect(formatLocalIso(startOfLocalDay("America/Santiago", day - 154)!, "America/Santiago")).toBe("2026-04-05T00:00:00-04:00");
  });

  it("handles Chatham's +13:45/+12:45 and Lord Howe's half-hour shift", () => {
    expect(localToInstant("Pacific/Chatham", 2026, 9, 27, 3 * 60)).toBeNull();
    expect(formatLocalIso(localToInstant("Pacific/Chatham", 2026, 9, 27, 3 * 60 + 45)!, "Pacific/Chatham")).toBe("2026-09-27T03:45:00+13:45");
    expect(formatLocalIso(localToInstant("Pacific/Chatham", 2026, 4, 5, 3 * 60)!, "Pacific/Chatham")).toBe("2026-04-05T03:00:00+13:45");
    expect(formatLocalIso(localToInstant("Pacific/Chatham", 2026, 4, 5, 4 * 60)!, "Pacific/Chatham")).toBe("2026-04-05T04:00:00+12:45");
    expect(localToInstant("Australia/Lord_Howe", 2026, 10, 4, 2 * 60 + 15)).toBeNull();
    expect(formatLocalIso(localToInstant("Australia/Lord_Howe", 2026, 4, 5, 90)!, "Australia/Lord_Howe")).toBe("2026-04-05T01:30:00+11:00");
  });

  it("returns null for a date the zone skipped (Samoa, 2011-12-30)", () => {
    expect(startOfLocalDay("Pacific/Apia", daysFromCivil(2011, 12, 30))).toBeNull();
    expect(localToInstant("Pacific/Apia", 2011, 12, 30, 12 * 60)).toBeNull();
  });
});

describe("formatting and lookups", () => {
  it("formats local and UTC ISO strings", () => {
    const t = Date.parse("2026-12-01T14:00:00Z");
    expect(formatUtcIso(t)).toBe("2026-12-01T14:00:00Z");
    expect(formatLocalIso(t, "America/Costa_Rica")).toBe("2026-12-01T08:00:00-06:00");
    expect(formatLocalIso(t, "UTC")).toBe("2026-12-01T14:00:00+00:00");
    expect(formatUtcIso(Date.parse("1969-12-31T23:59:59Z"))).toBe("1969-12-31T23:59:59Z");
  });

  it("gives offsets and local dates", () => {
    expect(offsetAt("America/New_York", Date.parse("2026-03-08T06:59:00Z"))).toBe(-300);
    expect(offsetAt("America/New_York", Date.parse("2026-03-08T07:00:00Z"))).toBe(-240);
    expect(localDateOf("America/Bogota", Date.parse("2026-03-02T04:59:00Z"))).toBe("2026-03-01");
    expect(localDateOf("Pacific/Chatham", Date.parse("2026-03-01T11:00:00Z"))).toBe("2026-03-02");
  });

  it("validates zone names", () => {
    expect(isValidTimeZone("America/Bogota")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(() => offsetAt("Mars/Olympus", 0)).toThrow(RangeError);
  });
});

/** Instants where a zone's offset changes in a year, found with plain luxon (daily scan, then bisection). */
function luxonChanges(zone: string, year: number): number[] {
  const out: number[] = [];
  const off = (t: number): number => DateTime.fromMillis(t, { zone }).offset;
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += 86_400_000) {
    let lo = t;
    let hi = t + 86_400_000;
    if (off(lo) === off(hi)) continue;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (off(mid) === off(lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

describe("cached zone math equals plain luxon", () => {
  const zone = fc.constantFrom(...ZONES);
  const year = fc.integer({ min: 1990, max: 2060 });

  it("on random wall times, 1990–2060", () => {
    fc.assert(
      fc.property(zone, year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 1439 }), (z, y, m, d, min) => {
        expect(localToInstant(z, y, m, d, min)).toBe(referenceLocalToInstant(z, y, m, d, min));
      }),
      { numRuns: 3000 },
    );
  });

  it("on every quarter hour around each offset change", () => {
    const checked = new Set<string>();
    fc.assert(
      fc.property(zone, year, (z, y) => {
        if (checked.has(`${z}${y}`)) return;
        checked.add(`${z}${y}`);
        for (const change of luxonChanges(z, y)) {
          const wall = change + referenceOffsetAt(z, change - 60_000) * 60_000;
          for (let k = -20; k <= 20; k++) {
            const local = DateTime.fromMillis(wall + k * 15 * 60_000, { zone: "utc" });
            const args = [z, local.year, local.month, local.day, local.hour * 60 + local.minute] as const;
            expect(localToInstant(...args), `${z} ${local.toISO()}`).toBe(referenceLocalToInstant(...args));
            const t = change + k * 15 * 60_000;
            expect(offsetAt(z, t)).toBe(referenceOffsetAt(z, t));
            expect(localDateOf(z, t)).toBe(referenceLocalDate(z, t));
            expect(formatLocalIso(t, z)).toBe(referenceFormatLocalIso(t, z));
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("on random instants", () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2061, 0, 1) / 60_000 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(zone, instant, (z, t) => {
        expect(offsetAt(z, t)).toBe(referenceOffsetAt(z, t));
        expect(localDateOf(z, t)).toBe(referenceLocalDate(z, t));
        expect(formatLocalIso(t, z)).toBe(referenceFormatLocalIso(t, z));
      }),
      { numRuns: 2000 },
    );
  });
});
