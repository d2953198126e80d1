import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota, counselor, counseling } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await t.post("/v1/offices", bogota());
  await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
  await t.post("/v1/services", counseling());
});
afterEach(() => t.close());

const rule = (over: Record<string, unknown> = {}) => ({ rrule: "FREQ=WEEKLY;BYDAY=MO,WE", start: "09:00", end: "13:00", officeId: "bogota", ...over });

describe("staff", () => {
  it("creates, reads, updates and lists staff", async () => {
    const created = await t.post("/v1/staff", counselor());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: "ana", timeZone: "America/Bogota", languages: ["es", "en"], officeIds: ["bogota"] });
    expect((await t.get("/v1/staff/ana")).json.email).toBe("ana@example.org");
    const patched = await t.patch("/v1/staff/ana", { timeZone: "America/New_York", officeIds: ["bogota", "quito"] });
    expect(patched.json).toMatchObject({ timeZone: "America/New_York", officeIds: ["bogota", "quito"] });
    await t.post("/v1/staff", counselor({ id: "bea", officeIds: ["quito"] }));
    expect((await t.get("/v1/staff")).json.items.map((s: { id: string }) => s.id)).toEqual(["ana", "bea"]);
    expect((await t.get("/v1/staff?officeId=bogota")).json.items.map((s: { id: string }) => s.id)).toEqual(["ana"]);
  });

  it.each([
    [{ officeIds: ["nowhere"] }, "officeIds.0"],
    [{ serviceIds: ["iom-counseling", "nothing"] }, "serviceIds.1"],
    [{ languages: ["xx"] }, "languages.0"],
    [{ languages: [] }, "languages"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ email: "ana" }, "email"],
    [{ agency: "UNICEF" }, "agency"],
  ])("refuses %j naming %s", async (override, path) => {
    const res = await t.post("/v1/staff", counselor(override));
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.get("/v1/staff")).json.items).toEqual([]);
  });

  it("replaces availability rules as a whole, defaulting the zone to the staff member's", async () => {
    await t.post("/v1/staff", counselor({ timeZone: "America/New_York" }));
    const put = await t.put("/v1/staff/ana/availability", [
      rule(),
      rule({ rrule: "FREQ=WEEKLY;BYDAY=FR", timeZone: "America/Bogota", validFrom: "2026-12-01", validUntil: "2027-03-31" }),
    ]);
    expect(put.status).toBe(200);
    expect(put.json).toEqual([
      { rrule: "FREQ=WEEKLY;BYDAY=MO,WE", start: "09:00", end: "13:00", timeZone: "America/New_York", officeId: "bogota", validFrom: null, validUntil: null },
      { rrule: "FREQ=WEEKLY;BYDAY=FR", start: "09:00", end: "13:00", timeZone: "America/Bogota", officeId: "bogota", validFrom: "2026-12-01", validUntil: "2027-03-31" },
    ]);
    expect((await t.put("/v1/staff/ana/availability", [rule({ start: "08:00", end: "10:00" })])).status).toBe(200);
    expect((await t.get("/v1/staff/ana/availability")).json).toHaveLength(1);
  });

  it.each([
    [rule({ rrule: "FREQ=SOMETIMES" }), "0.rrule"],
    [rule({ rrule: "DTSTART:20260101T090000Z\nRRULE:FREQ=WEEKLY" }), "0.rrule"],
    [rule({ start: "13:00", end: "09:00" }), "0.end"],
    [rule({ start: "25:00" }), "0.start"],
    [rule({ timeZone: "Nowhere/City" }), "0.timeZone"],
    [rule({ officeId: "quito" }), "0.officeId"],
    [rule({ validFrom: "2027-01-01", validUntil: "2026-01-01" }), "0.validUntil"],
  ])("refuses availability %j naming %s and keeps the old rules", async (bad, path) => {
    await t.post("/v1/staff", counselor());
    await t.put("/v1/staff/ana/availability", [rule()]);
    const res = await t.put("/v1/staff/ana/availability", [bad]);
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.get("/v1/staff/ana/availability")).json).toHaveLength(1);
  });

  it("records and removes time off", async () => {
    await t.post("/v1/staff", counselor());
    const made = await t.post("/v1/staff/ana/time-off", { start: "2026-12-24T00:00:00-05:00", end: "2026-12-26T00:00:00-05:00", reason: "Holidays" });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ start: "2026-12-24T05:00:00Z", end: "2026-12-26T05:00:00Z" });
    expect((await t.get("/v1/staff/ana/time-off")).json.items).toHaveLength(1);
    expect((await t.post("/v1/staff/ana/time-off", { start: "2026-12-26T00:00:00Z", end: "2026-12-24T00:00:00Z", reason: "x" })).json.errors[0].path).toBe("end");
    expect((await t.del(`/v1/staff/ana/time-off/${made.json.id}`)).status).toBe(204);
    expect((await t.get("/v1/staff/ana/time-off")).json.items).toHaveLength(0);
  });
});
