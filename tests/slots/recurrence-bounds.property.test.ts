// Every RRULE the API accepts either is refused because it never occurs, or expands exactly
// as rrule.js does (the reference engine), looking at no more days than the range needs.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expandRule, validateRule } from "../../src/slots/rules.js";
import { referenceExpandRule } from "./reference/engine.js";
import { expansionWork } from "../../src/slots/periods.js";
import { parseRule } from "../../src/slots/recurrence.js";
import { formatUtcIso } from "../../src/slots/zone.js";
import type { AvailabilityRule, Interval } from "../../src/slots/types.js";
import { arbAnyRule, arbRuleText } from "./arbitraries.js";

const DAY = 86_400_000;
const utc = (list: Interval[]): string[] => list.map((i) => `${formatUtcIso(i.start)}/${formatUtcIso(i.end)}`);

/** Days the expansion may look at: the range's days, one period either side, and for COUNT every day since the anchor. */
function workBound(rule: AvailabilityRule, from: number, to: number): number {
  const days = Math.ceil((to - from) / DAY) + 4;
  const counted = /COUNT=/i.test(rule.rrule);
  const anchor = Date.parse(`${rule.validFrom ?? "2001-01-01"}T00:00:00Z`);
  return (counted ? Math.ceil((to - anchor) / DAY) + 4 : days) + 2 * 366;
}

function measured<T>(run: () => T): [T, number] {
  const before = expansionWork.days;
  const result = run();
  return [result, expansionWork.days - before];
}

const arbCase = fc
  .record({ day: fc.integer({ min: 11_400, max: 32_000 }), hour: fc.integer({ min: 0, max: 23 }), days: fc.integer({ min: 1, max: 62 }) })
  .chain((r) => fc.tuple(fc.constant(r), arbAnyRule(r.day)));

describe("rules over the whole accepted grammar", () => {
  it("generates only texts that parse", () => {
    fc.assert(
      fc.property(arbRuleText, (text) => {
        expect(parseRule(text)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("are refused as never occurring, or match rrule.js with work bounded by the range", () => {
    let refused = 0;
    let withDates = 0;
    fc.assert(
      fc.property(arbCase, ([r, rule]) => {
        const from = r.day * DAY + r.hour * 3_600_000;
        const to = from + r.days * DAY;
        const problem = validateRule(rule);
        const [list, work] = measured(() => expandRule(rule, from, to));
        expect(work).toBeLessThanOrEqual(workBound(rule, from, to));
        if (problem !== null) {
          expect(problem).toMatch(/never occurs/);
          refused++;
          return;
        }
        expect(utc(list)).toEqual(utc(referenceExpandRule(rule, from, to)));
        if (list.length > 0) withDates++;
      }),
      { numRuns: Number(process.env.RULE_RUNS ?? 400) },
    );
    // Both outcomes must really be exercised.
    expect(refused).toBeGreaterThan(20);
    expect(withDates).toBeGreaterThan(80);
  }, 120_000);
});
