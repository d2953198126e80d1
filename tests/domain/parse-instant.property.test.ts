// parseInstant by hand must accept and compute exactly what luxon's fromISO did behind the same
// pattern: the same instant for every string luxon took, null for every string it refused.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../src/domain/dates.js";

const luxonPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The parser as it was, kept as the reference, with the one change made on purpose: offsets past 23:59 are refused. */
function luxonInstant(text: string): number | null {
  if (!luxonPattern.test(text)) return null;
  const offset = /([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (offset && (Number(offset[2]) > 23 || Number(offset[3] ?? 0) > 59)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || parsed.year < 1900 || parsed.year > 2199) return null;
  return parsed.toMillis();
}

const digits = (n: number, max = 10 ** n - 1) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
const inRange = (min: number, max: number, n = 2) => fc.integer({ min, max }).map((v) => String(v).padStart(n, "0"));
// Mostly valid or at the edges that matter (month and day ends, 23/24 h, 59/60), sometimes any digits.
const field = (edges: number[], valid: [number, number], n = 2) =>
  fc.oneof(
    { arbitrary: inRange(...valid, n), weight: 4 },
    { arbitrary: fc.constantFrom(...edges).map((v) => String(v).padStart(n, "0")), weight: 2 },
    { arbitrary: digits(n), weight: 1 },
  );

const instantLike = fc
  .record({
    year: field([50, 1899, 1900, 2000, 2024, 2100, 2199, 2200], [1895, 2205], 4),
    month: field([0, 1, 2, 4, 12, 13], [1, 12]),
    day: field([0, 1, 28, 29, 30, 31, 32], [1, 28]),
    t: fc.oneof({ arbitrary: fc.constant("T"), weight: 6 }, { arbitrary: fc.constantFrom("t", " "), weight: 1 }),
    hour: field([0, 1, 23, 24, 25], [0, 23]),
    minute: field([0, 30, 59, 60], [0, 59]),
    second: fc.option(field([0, 59, 60], [0, 59]), { nil: undefined }),
    fraction: fc.option(fc.oneof(fc.constantFrom("0", "000", "0001", "001", "29", "57", "999", "9999999", "999999999"), fc.stringMatching(/^\d{1,11}$/)), { nil: undefined }),
    zone: fc.oneof(
      fc.constantFrom("Z", "+00:00", "-05:00"),
      fc.constantFrom("Z", "z", "", "+00:00", "-00:30", "+05:30", "-03", "+0545", "+14:00", "-12:00", "+25:00", "+05:99", "+5:00", "+05:0"),
      fc.tuple(fc.constantFrom("+", "-"), field([0, 14, 23, 24, 99], [0, 14]), fc.constantFrom(":", ""), field([0, 30, 45, 59, 60, 99], [0, 59])).map((p) => p.join("")),
    ),
  })
  .map(
    (p) =>
      `${p.year}-${p.month}-${p.day}${p.t}${p.hour}:${p.minute}${p.second === undefined ? "" : `:${p.second}`}${p.second !== undefined && p.fraction !== undefined ? `.${p.fraction}` : ""}${p.zone}`,
  );

// A valid-looking string with one character changed, dropped or added: the near misses.
const mutated = fc.tuple(instantLike, fc.nat(), fc.constantFrom("replace", "drop", "add"), fc.constantFrom(..."0123456789-:.+TZ ,x")).map(([s, at, how, ch]) => {
  const i = at % (s.length + 1);
  return how === "drop" ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(how === "replace" ? i + 1 : i);
});

describe("parseInstant", () => {
  it("equals luxon's fromISO on 20,000 generated strings, valid and invalid", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: instantLike, weight: 2 }, { arbitrary: mutated, weight: 1 }, { arbitrary: fc.string({ maxLength: 40 }), weight: 1 }), (text) => {
        const expected = luxonInstant(text);
        if (expected !== null) accepted++;
        expect(parseInstant(text)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    // The generator must reach both sides, or the comparison proves little.
    expect(accepted).toBeGreaterThan(1_500);
  });

  it("reads each accepted form to the same instant", () => {
    const at = Date.UTC(2026, 2, 5, 15, 30);
    for (const text of [
      "2026-03-05T15:30Z",
      "2026-03-05t15:30z",
      "2026-03-05T15:30:00Z",
      "2026-03-05T15:30:00.000000000Z",
      "2026-03-05T10:30-05:00",
      "2026-03-05T10:30-0500",
      "2026-03-05T10:30-05",
      "2026-03-05T21:15+05:45",
    ]) {
      expect(parseInstant(text), text).toBe(at);
    }
    expect(parseInstant("2026-03-05T15:30:07.1239Z")).toBe(at + 7_123);
    expect(parseInstant("2024-02-29T00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant("2026-03-05T24:00Z")).toBe(Date.UTC(2026, 2, 6));
    expect(parseInstant("1900-01-01T00:00Z")).toBe(Date.UTC(1900, 0, 1));
    expect(parseInstant("2199-12-31T23:59:59.999Z")).toBe(Date.UTC(2199, 11, 31, 23, 59, 59, 999));
  });

  it.each([
    ["no offset", "2026-03-05T15:30"],
    ["a date alone", "2026-03-05"],
    ["no minutes", "2026-03-05T15Z"],
    ["a space for T", "2026-03-05 15:30Z"],
    ["a comma before the fraction", "2026-03-05T15:30:00,5Z"],
    ["a fraction without seconds", "2026-03-05T15:30.5Z"],
    ["ten fraction digits", "2026-03-05T15:30:00.0000000000Z"],
    ["a named zone", "2026-03-05T15:30[America/Bogota]"],
    ["a one-digit offset hour", "2026-03-05T15:30+5:00"],
    ["month 13", "2026-13-05T15:30Z"],
    ["month 0", "2026-00-05T15:30Z"],
    ["day 0", "2026-03-00T15:30Z"],
    ["April 31", "2026-04-31T15:30Z"],
    ["February 29 of a common year", "2026-02-29T15:30Z"],
    ["February 29 of 2100", "2100-02-29T15:30Z"],
    ["hour 25", "2026-03-05T25:00Z"],
    ["24:01", "2026-03-05T24:01Z"],
    ["24:00 with a millisecond", "2026-03-05T24:00:00.001Z"],
    ["minute 60", "2026-03-05T15:60Z"],
    ["second 60", "2026-03-05T15:30:60Z"],
    ["year 1899", "1899-12-31T23:59Z"],
    ["year 2200", "2200-01-01T00:00Z"],
    ["24:00 into 2200", "2199-12-31T24:00Z"],
    ["a two-digit year read as 19xx", "0050-01-01T00:00Z"],
    ["a trailing space", "2026-03-05T15:30Z "],
    ["offset minutes past 59", "2026-03-05T15:30+05:99"],
    ["an offset hour past 23", "2026-03-05T15:30+24:00"],
  ])("refuses %s", (_what, text) => {
    expect(luxonInstant(text)).toBeNull();
    expect(parseInstant(text)).toBeNull();
  });
});
