// Through the API: any RRULE the parser accepts is either refused with a 422 at `0.rrule`
// (writing nothing), or saved, and then every slot search over it does bounded work and
// answers what the plain reference engine answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { closedDates } from "../../src/slots/holidays.js";
import { expansionWork } from "../../src/slots/periods.js";
import { referenceFindSlots } from "./reference/engine.js";
import { formatUtcIso, localDateOf, startOfLocalDay } from "../../src/slots/zone.js";
import type { AvailabilityRule, SlotQuery } from "../../src/slots/types.js";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota, seedBasics } from "../helpers/fixtures.js";
import { arbAnyRule, dateOf } from "./arbitraries.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-23T12:00:00Z");
const ZONE = "America/Bogota";
const FIRST_DAY = Math.floor(NOW / DAY) + 1;

let t: TestApp;
beforeAll(async () => {
  t = makeApp({ now: new Date(NOW).toISOString() });
  await seedBasics(t);
});
afterAll(() => t.close());

/** The slot query the service answers for Bogotá's counseling service, with `rule` as ana's only rule. */
function referenceQuery(rule: AvailabilityRule, from: number, to: number): SlotQuery {
  const office = bogota();
  return {
    from,
    to,
    office: {
      timeZone: ZONE,
      hours: office.hours as SlotQuery["office"]["hours"],
      closedDates: closedDates({ country: office.country, from: localDateOf(ZONE, from - DAY), to: localDateOf(ZONE, to + DAY) }),
      closedIntervals: [],
    },
    service: { durationMinutes: 60, bufferMinutes: 0, slotStepMinutes: 30, dailyCapPerOffice: null, needsRoom: false },
    staff: [{ id: "ana", rules: [rule], appointments: [], timeOff: [] }],
    rooms: [],
    dayCounts: new Map(),
    notBefore: NOW + 24 * 3_600_000,
  };
}

const arbCase = fc
  .record({ start: fc.integer({ min: 0, max: 200 }), days: fc.integer({ min: 1, max: 14 }) })
  .chain((r) => fc.tuple(fc.constant(r), arbAnyRule(FIRST_DAY + r.start)));

describe("availability rules through the API", () => {
  it("are refused at 0.rrule, or give the reference's slots with bounded work", async () => {
    let refused = 0;
    let withSlots = 0;
    await fc.assert(
      fc.asyncProperty(arbCase, async ([r, generated]) => {
        const body = { rrule: generated.rrule, start: "09:00", end: "17:00", officeId: "bogota", validFrom: generated.validFrom, validUntil: generated.validUntil };
        const put = await t.put("/v1/staff/ana/availability", [body]);
        if (put.status === 422) {
          refused++;
          expect(put.json.errors).toEqual([{ path: "0.rrule", message: expect.stringMatching(/never occurs/) }]);
          return;
        }
        expect(put.status).toBe(200);
        const from = startOfLocalDay(ZONE, FIRST_DAY + r.start)!;
        const to = startOfLocalDay(ZONE, FIRST_DAY + r.start + r.days)!;
        const before = expansionWork.days;
        const res = await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${dateOf(FIRST_DAY + r.start)}&to=${dateOf(FIRST_DAY + r.start + r.days)}`);
        const work = expansionWork.days - before;
        expect(res.status).toBe(200);
        const counted = /COUNT=/i.test(generated.rrule) ? Math.ceil((to - Date.parse(`${generated.validFrom ?? "2001-01-01"}T00:00:00Z`)) / DAY) : 0;
        expect(work).toBeLessThanOrEqual(r.days + 4 + 2 * 366 + counted);
        const rule = { ...body, timeZone: ZONE };
        const expected = referenceFindSlots(referenceQuery(rule, from, to)).map((s) => [formatUtcIso(s.start), s.staffIds]);
        expect(res.json.slots.map((s: { start: string; staffIds: string[] }) => [s.start, s.staffIds])).toEqual(expected);
        if (expected.length > 0) withSlots++;
      }),
      { numRuns: 200 },
    );
    expect((await t.get("/v1/staff/ana/availability")).status).toBe(200);
    expect(refused).toBeGreaterThan(5);
    expect(withSlots).toBeGreaterThan(10);
  }, 120_000);
});
