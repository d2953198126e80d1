// A `start` written in office time on a day the clocks change: a wall time the clocks skip is
// refused (422 naming start) instead of being booked an hour off, and in the repeated hour of
// the fall-back the earlier instant is the one that can be booked (docs/time-rules.md).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { newYorkApp } from "../helpers/new-york.js";
import { applicantCase } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(async () => {
  t = await newYorkApp();
});
afterEach(() => t.close());

async function bookAt(start: string) {
  const c = await t.post("/v1/cases", applicantCase({ officeId: "nyc", screenedAt: "2026-02-20" }));
  return t.post("/v1/appointments", { caseId: c.json.id, serviceId: "iom-counseling", officeId: "nyc", start });
}

const count = async () => (await t.get("/v1/appointments")).json.items.length;

describe("a start near New York's spring-forward gap (2026-03-08, 02:00 → 03:00)", () => {
  it.each([
    ["2026-03-08T02:30:00-04:00", "2026-03-08 02:30 does not exist in America/New_York: the clocks skip it that day"],
    ["2026-03-08T02:30:00-05:00", "2026-03-08 02:30 does not exist in America/New_York: the clocks skip it that day"],
    ["2026-03-08T02:00:00-04:00", "2026-03-08 02:00 does not exist in America/New_York: the clocks skip it that day"],
    ["2026-03-08T02:55:00-05:00", "2026-03-08 02:55 does not exist in America/New_York: the clocks skip it that day"],
    [
      "2026-03-08T03:30:00-05:00",
      "2026-03-08 03:30-05:00 is 2026-03-08T04:30:00-04:00 in America/New_York (the offset there is -04:00 at that time); write the office's offset or UTC (Z)",
    ],
    [
      "2026-03-08T01:30:00-04:00",
      "2026-03-08 01:30-04:00 is 2026-03-08T00:30:00-05:00 in America/New_York (the offset there is -05:00 at that time); write the office's offset or UTC (Z)",
    ],
  ])("refuses %s with a 422 naming start, booking nothing", async (start, message) => {
    const res = await bookAt(start);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ path: "start", message }]);
    expect(await count()).toBe(0);
  });

  it.each([
    ["2026-03-08T01:55:00-05:00", "2026-03-08T06:55:00Z"],
    ["2026-03-08T03:00:00-04:00", "2026-03-08T07:00:00Z"],
    ["2026-03-08T06:30:00Z", "2026-03-08T06:30:00Z"],
    ["2026-03-08T08:30:00+01:00", "2026-03-08T07:30:00Z"],
  ])("books %s, the minutes around the gap or any instant in UTC or another zone's offset, at %s", async (start, utc) => {
    const res = await bookAt(start);
    expect(res.status).toBe(201);
    expect(res.json.start).toBe(utc);
  });

  it("never offers a start inside the gap, and refuses one on reschedule too", async () => {
    const slots = await t.get("/v1/slots?service=iom-counseling&office=nyc&from=2026-03-08T01:50:00-05:00&to=2026-03-08T03:10:00-04:00");
    expect(slots.json.slots.map((s: { localStart: string }) => s.localStart.slice(11))).toEqual(["01:50:00-05:00", "01:55:00-05:00", "03:00:00-04:00", "03:05:00-04:00"]);
    const booked = await bookAt("2026-03-08T03:00:00-04:00");
    const moved = await t.post(`/v1/appointments/${booked.json.id}/reschedule`, { start: "2026-03-08T02:30:00-04:00" });
    expect(moved.status).toBe(422);
    expect(moved.json.errors[0].path).toBe("start");
    expect((await t.get(`/v1/appointments/${booked.json.id}`)).json).toMatchObject({ start: "2026-03-08T07:00:00Z", sequence: 0 });
  });
});

describe("a start in New York's repeated hour (2026-11-01, 01:00–02:00 twice)", () => {
  it("books 01:30 at the earlier instant and refuses the later one, which the grid does not offer", async () => {
    const earlier = await bookAt("2026-11-01T01:30:00-04:00");
    expect(earlier.status).toBe(201);
    expect(earlier.json).toMatchObject({ start: "2026-11-01T05:30:00Z", localStart: "2026-11-01T01:30:00-04:00" });
    const later = await bookAt("2026-11-01T01:30:00-05:00");
    expect(later.status).toBe(422);
    expect(later.json.errors[0].path).toBe("start");
    expect(later.json.errors[0].message).toContain("is not a start that can be booked");
  });
});
