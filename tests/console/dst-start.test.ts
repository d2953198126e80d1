// The console's book and move forms refuse a start written in office time on the wrong side of
// New York's spring-forward (the API's check, its 422 and words), and write nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { schedulerOf, textOf, type Session } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";
import { WRONG_SIDE, newYorkApp, newYorkBooking, newYorkCase } from "../helpers/new-york.js";

let t: TestApp;
let desk: Session;
beforeEach(async () => {
  t = await newYorkApp();
  desk = await schedulerOf(t, "nyc");
});
afterEach(() => t.close());

describe("a start near New York's spring-forward gap in the console's forms", () => {
  it.each(WRONG_SIDE)("book refuses %s with 422 naming start, booking nothing", async (start, message) => {
    const caseId = await newYorkCase(t);
    const before = dumpTables(t);
    const res = await desk.post(`/console/cases/${caseId}/book`, { service: "iom-counseling", start });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(message);
    expect(dumpTables(t)).toBe(before);
  });

  it("book takes the minute after the gap with its real offset", async () => {
    const caseId = await newYorkCase(t);
    const res = await desk.post(`/console/cases/${caseId}/book`, { service: "iom-counseling", start: "2026-03-08T03:00:00-04:00" });
    expect(res.status).toBe(303);
    expect((await t.get(`/v1/appointments?caseId=${caseId}`)).json.items.map((a: { start: string }) => a.start)).toEqual(["2026-03-08T07:00:00Z"]);
  });

  it.each(WRONG_SIDE)("move refuses %s with 422 naming start, changing nothing", async (start, message) => {
    const apt = await newYorkBooking(t, "2026-03-09T10:00:00-04:00");
    const before = dumpTables(t);
    const tries: Record<string, string>[] = [{ start }, { start, override: "1", reason: "The applicant asked for Sunday" }];
    for (const fields of tries) {
      const res = await desk.post(`/console/appointments/${apt.id}/reschedule`, fields);
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain(message);
    }
    expect(dumpTables(t)).toBe(before);
  });

  it("move takes the minutes around the gap, with an offset or as office time", async () => {
    const apt = await newYorkBooking(t, "2026-03-09T10:00:00-04:00");
    for (const [start, utc] of [
      ["2026-03-08T01:55:00-05:00", "2026-03-08T06:55:00Z"],
      ["2026-03-08T03:00", "2026-03-08T07:00:00Z"],
    ]) {
      const res = await desk.post(`/console/appointments/${apt.id}/reschedule`, { start: start! });
      expect(res.status).toBe(303);
      expect((await t.get(`/v1/appointments/${apt.id}`)).json.start).toBe(utc);
    }
  });
});
