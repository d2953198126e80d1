// The day sheet's read (daySheet), whose query shape keeps SQLite on the (office, local date)
// index: the day's appointments of the office, every status, by start then id, and nothing of
// other days or offices; an interviewer sees only their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, bookingApp, booking, newCase, type TestApp } from "../helpers/booking.js";
import { bogota, counselor } from "../helpers/fixtures.js";
import { daySheet } from "../../src/domain/booking/read.js";
import type { Actor } from "../../src/domain/context.js";

let t: TestApp;
const admin: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null };
const ctx = (actor: Actor) => ({ deps: t.deps, actor });

async function book(start: string, over: Record<string, unknown> = {}, caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start, over));
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id as string;
}

beforeAll(async () => {
  t = await bookingApp({ staff: ["ben"] });
  await t.post("/v1/offices", bogota({ id: "lima", name: "SMO Lima", country: "PE", timeZone: "America/Lima" }));
  await t.post("/v1/staff", counselor({ id: "lia", email: "lia@example.org", officeIds: ["lima"] }));
  await t.put("/v1/staff/lia/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO", start: "09:00", end: "13:00", officeId: "lima" }]);
}, 30_000);
afterAll(() => t.close());

describe("the day sheet's read", () => {
  it("lists the office's appointments of that local day by start, then id, cancelled ones included", async () => {
    // Booked out of order; two at 10:00 (ids sort by creation); one cancelled; others elsewhere.
    const late = await book(at("12:00"), { staffId: "ana" });
    const tenBen = await book(at("10:00"), { staffId: "ben" });
    const tenAna = await book(at("10:00"), { staffId: "ana" });
    const early = await book(at("09:00"), { staffId: "ben" });
    expect((await t.post(`/v1/appointments/${early}/cancel`, { reason: "Applicant asked" })).status).toBe(200);
    await book(at("09:00", "2026-12-09"), { staffId: "ana" });
    await book("2026-12-07T09:00:00-05:00", { officeId: "lima", staffId: "lia" }, { officeId: "lima" });

    const rows = await daySheet(ctx(admin), "bogota", "2026-12-07");
    expect(rows.map((r) => r.id)).toEqual([early, ...[tenBen, tenAna].sort(), late]);
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "scheduled", "scheduled", "scheduled"]);
    const ben: Actor = { id: "u-ben", role: "interviewer", officeIds: [], staffId: "ben" };
    expect((await daySheet(ctx(ben), "bogota", "2026-12-07")).map((r) => r.id)).toEqual([early, tenBen]);
    expect(await daySheet(ctx(admin), "bogota", "2026-12-06")).toEqual([]);
  });
});
