// A rule that never occurs is refused when saved, and one already in the database (saved
// before the check existed, or written by hand) costs a slot search no more than its range.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { availabilityRules } from "../../src/db/schema.js";
import { expansionWork } from "../../src/slots/periods.js";
import { makeApp, type TestApp } from "../helpers/app.js";
import { counselor, seedBasics } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp({ now: "2026-11-23T12:00:00Z" });
  await seedBasics(t);
  await t.post("/v1/staff", counselor({ id: "bea", email: "bea@example.org" }));
  await t.put("/v1/staff/ana/availability", [weekdays]);
});
afterEach(() => t.close());

const weekdays = { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" };
const NEVER = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30";

describe("saving a rule that never occurs", () => {
  it.each([
    [{ rrule: NEVER }, /never occurs in the 10 years from 2001-01-01/],
    [{ rrule: "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31", validFrom: "2026-12-01" }, /never occurs in the 10 years from validFrom 2026-12-01/],
    [{ rrule: "FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2", validFrom: "2027-01-01", validUntil: "2027-12-31" }, /never occurs between validFrom 2027-01-01 and validUntil 2027-12-31/],
    [{ rrule: "FREQ=DAILY;UNTIL=20200101", validFrom: "2026-12-01" }, /never occurs/],
    [{ rrule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", validFrom: "2025-01-01" }, /never occurs/],
  ])("refuses %j with a 422 naming 1.rrule and keeps the old rules", async (over, message) => {
    const res = await t.put("/v1/staff/bea/availability", [weekdays, { ...weekdays, ...over }]);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.type).toMatch(/\/validation$/);
    expect(res.json.errors).toEqual([{ path: "1.rrule", message: expect.stringMatching(message) }]);
    expect((await t.get("/v1/staff/bea/availability")).json).toEqual([]);
  });

  it.each([
    [{ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", validFrom: "2097-03-01" }],
    [{ rrule: "FREQ=MONTHLY;BYDAY=5MO", validFrom: "2026-12-01" }],
    [{ rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=1", validFrom: "2026-12-01", validUntil: "2026-12-01" }],
    [{ rrule: "FREQ=YEARLY;INTERVAL=50", validFrom: "2026-12-07" }],
  ])("accepts %j, which occurs, however rarely", async (over) => {
    const res = await t.put("/v1/staff/bea/availability", [{ ...weekdays, ...over }]);
    expect(res.status).toBe(200);
    expect(res.json[0]).toMatchObject(over);
  });

  it("documents the refusal in the OpenAPI description of rrule", async () => {
    const doc = (await t.get("/openapi.json")).json;
    expect(doc.components.schemas.AvailabilityRule.properties.rrule.description).toMatch(/never occurs/);
  });
});

describe("a never-occurring rule already in the database", () => {
  it("leaves the slot search correct, looking at no more days than the range", async () => {
    const expected = await t.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-01&to=2026-12-08");
    expect(expected.json.slots).toHaveLength(35);
    // A fresh process (empty caches) over the same file, with the bad rule written by hand.
    const second = makeApp({ now: "2026-11-23T12:00:00Z", file: t.file });
    try {
      second.database.db
        .insert(availabilityRules)
        .values([
          { staffId: "bea", officeId: "bogota", rrule: NEVER, start: "00:00", end: "24:00", timeZone: "America/Bogota", validFrom: null, validUntil: null },
          { staffId: "bea", officeId: "bogota", rrule: `${NEVER};COUNT=5`, start: "00:00", end: "24:00", timeZone: "America/Bogota", validFrom: "1900-01-01", validUntil: null },
        ])
        .run();
      const before = expansionWork.days;
      const res = await second.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-01&to=2026-12-08");
      const work = expansionWork.days - before;
      expect(res.status).toBe(200);
      expect(res.json.slots).toEqual(expected.json.slots);
      // The plain rule: the week's days and a little more. The counted one is counted from 1900, never past the range.
      const sinceAnchor = (Date.parse("2026-12-09") - Date.parse("1900-01-01")) / 86_400_000;
      expect(work).toBeGreaterThan(0);
      expect(work).toBeLessThanOrEqual(20 + sinceAnchor);
      // COUNT was counted up to last week once: now each rule costs this week (±1 day), the
      // counted one plus last week, where its count resumes.
      const again = expansionWork.days;
      const next = await second.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-08&to=2026-12-15");
      expect(next.json.slots.every((s: { staffIds: string[] }) => s.staffIds.join() === "ana")).toBe(true);
      expect(next.json.slots.length).toBeGreaterThan(0);
      expect(expansionWork.days - again).toBeLessThanOrEqual(9 + 9 + 7 + 7);
    } finally {
      second.database.close();
    }
  });
});
