import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(() => {
  t = makeApp();
});
afterEach(() => t.close());

describe("offices", () => {
  it("creates, reads, updates and lists an office", async () => {
    const created = await t.post("/v1/offices", bogota());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: "bogota", country: "CO", timeZone: "America/Bogota", settings: { rescheduleLimit: 3 } });
    expect(created.json.createdAt).toBe("2026-11-23T12:00:00Z");

    expect((await t.get("/v1/offices/bogota")).json.name).toBe("SMO Bogotá");
    const patched = await t.patch("/v1/offices/bogota", { name: "Bogotá Norte", settings: { rescheduleLimit: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "Bogotá Norte", address: bogota().address, settings: { rescheduleLimit: 5, applicantRescheduleLimit: 2 } });
    expect((await t.get("/v1/offices/bogota")).json.settings.rescheduleLimit).toBe(5);
  });

  it("changes only the settings a PATCH names, and null puts one back to its default", async () => {
    const custom = {
      rescheduleLimit: 5,
      applicantRescheduleLimit: 1,
      reminderHours: [48],
      quietHoursStart: "21:30",
      quietHoursEnd: "06:45",
      offerBatchSize: 2,
      offerExpiryMinutes: 45,
      offerOrder: "screened-first",
    };
    expect((await t.post("/v1/offices", bogota({ settings: custom }))).status).toBe(201);
    const patched = await t.patch("/v1/offices/bogota", { settings: { offerBatchSize: 5 } });
    expect(patched.status).toBe(200);
    expect(patched.json.settings).toEqual({ ...custom, offerBatchSize: 5 });
    expect((await t.get("/v1/offices/bogota")).json.settings).toEqual({ ...custom, offerBatchSize: 5 });

    // A PATCH of other fields leaves every setting alone; null resets only the key it names.
    await t.patch("/v1/offices/bogota", { name: "Bogotá Norte" });
    const cleared = await t.patch("/v1/offices/bogota", { settings: { quietHoursStart: null, offerExpiryMinutes: null } });
    expect(cleared.status).toBe(200);
    expect((await t.get("/v1/offices/bogota")).json.settings).toEqual({ ...custom, offerBatchSize: 5, quietHoursStart: "20:00", offerExpiryMinutes: 120 });
  });

  it("refuses a bad setting in a PATCH naming it, and keeps every stored setting", async () => {
    expect((await t.post("/v1/offices", bogota({ settings: { quietHoursStart: "21:00", offerBatchSize: 4 } }))).status).toBe(201);
    const before = (await t.get("/v1/offices/bogota")).json;
    const res = await t.patch("/v1/offices/bogota", { settings: { offerBatchSize: 2, offerExpiryMinutes: 5 } });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(["settings.offerExpiryMinutes"]);
    expect((await t.patch("/v1/offices/bogota", { settings: { quietHours: "21:00" } })).json.errors[0].path).toBe("settings.quietHours");
    expect((await t.get("/v1/offices/bogota")).json).toEqual(before);
  });

  it("paginates in a stable order with a cursor", async () => {
    for (const id of ["quito", "bogota", "guatemala", "san-jose", "cali"]) {
      expect((await t.post("/v1/offices", bogota({ id }))).status).toBe(201);
    }
    const first = await t.get("/v1/offices?limit=2");
    expect(first.json.items.map((o: { id: string }) => o.id)).toEqual(["bogota", "cali"]);
    const second = await t.get(`/v1/offices?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((o: { id: string }) => o.id)).toEqual(["guatemala", "quito"]);
    const third = await t.get(`/v1/offices?limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json.items.map((o: { id: string }) => o.id)).toEqual(["san-jose"]);
    expect(third.json.nextCursor).toBeNull();
    expect((await t.get("/v1/offices?cursor=garbage")).json.errors[0].path).toBe("cursor");
    expect((await t.get("/v1/offices?limit=500")).json.errors[0].path).toBe("limit");
  });

  it("makes an id when none is given, and refuses a taken one", async () => {
    const { id, ...rest } = bogota();
    const made = await t.post("/v1/offices", rest);
    expect(made.status).toBe(201);
    expect(made.json.id).toMatch(/^off_/);
    expect((await t.post("/v1/offices", bogota())).status).toBe(201);
    const again = await t.post("/v1/offices", bogota());
    expect(again.status).toBe(409);
    expect(again.json.type).toMatch(/\/conflict$/);
    expect(id).toBe("bogota");
  });

  it.each([
    [{ timeZone: "America/Atlantis" }, "timeZone"],
    [{ timeZone: "2026-01-01" }, "timeZone"],
    [{ country: "COL" }, "country"],
    [{ id: "Bogotá!" }, "id"],
    [{ hours: [{ days: ["MO"], start: "17:00", end: "08:00" }] }, "hours.0.end"],
    [{ hours: [{ days: ["XX"], start: "08:00", end: "17:00" }] }, "hours.0.days.0"],
    [{ hours: [{ days: ["MO"], start: "8am", end: "17:00" }] }, "hours.0.start"],
    [{ name: "" }, "name"],
    [{ nmae: "typo" }, "nmae"],
    [{ settings: { rescheduleLimit: -1 } }, "settings.rescheduleLimit"],
  ])("refuses %j naming %s, and writes nothing", async (override, path) => {
    const res = await t.post("/v1/offices", bogota(override));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.type).toMatch(/\/validation$/);
    expect(res.json.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.get("/v1/offices")).json.items).toEqual([]);
  });

  it("answers 404 problems for unknown offices", async () => {
    const res = await t.get("/v1/offices/nowhere");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ status: 404, type: "/problems/not-found" });
    expect((await t.patch("/v1/offices/nowhere", { name: "x" })).status).toBe(404);
  });
});

describe("rooms and closures", () => {
  beforeEach(async () => {
    await t.post("/v1/offices", bogota());
  });

  it("adds and lists rooms", async () => {
    expect((await t.post("/v1/offices/bogota/rooms", { id: "room-1", name: "Sala 1" })).status).toBe(201);
    expect((await t.post("/v1/offices/bogota/rooms", { id: "room-1", name: "Sala 1" })).status).toBe(409);
    const list = await t.get("/v1/offices/bogota/rooms");
    expect(list.json.items).toMatchObject([{ id: "room-1", officeId: "bogota", name: "Sala 1" }]);
    expect((await t.post("/v1/offices/nowhere/rooms", { name: "x" })).status).toBe(404);
  });

  it("adds a day closure, a range closure and an open override, then deletes one", async () => {
    const day = await t.post("/v1/offices/bogota/closures", { date: "2026-12-24", reason: "Staff day" });
    expect(day.status).toBe(201);
    expect(day.json).toMatchObject({ date: "2026-12-24", start: null, open: false });
    const range = await t.post("/v1/offices/bogota/closures", { start: "2026-12-01T12:00:00-05:00", end: "2026-12-01T14:00:00-05:00", reason: "Power cut" });
    expect(range.json).toMatchObject({ start: "2026-12-01T17:00:00Z", end: "2026-12-01T19:00:00Z" });
    const open = await t.post("/v1/offices/bogota/closures", { date: "2026-12-08", reason: "We work on this holiday", open: true });
    expect(open.json.open).toBe(true);
    expect((await t.get("/v1/offices/bogota/closures")).json.items).toHaveLength(3);
    expect((await t.del(`/v1/offices/bogota/closures/${day.json.id}`)).status).toBe(204);
    expect((await t.del(`/v1/offices/bogota/closures/${day.json.id}`)).status).toBe(404);
    expect((await t.get("/v1/offices/bogota/closures")).json.items).toHaveLength(2);
  });

  it.each([
    [{ reason: "no date" }, "start"],
    [{ date: "2026-02-30", reason: "x" }, "date"],
    [{ date: "2026-12-01", start: "2026-12-01T08:00:00Z", end: "2026-12-01T09:00:00Z", reason: "both" }, "date"],
    [{ start: "2026-12-01T09:00:00Z", end: "2026-12-01T08:00:00Z", reason: "backwards" }, "end"],
    [{ start: "2026-12-01T09:00:00", end: "2026-12-01T10:00:00Z", reason: "no offset" }, "start"],
    [{ start: "2026-12-01T09:00:00Z", end: "2026-12-01T10:00:00Z", reason: "x", open: true }, "open"],
  ])("refuses closure %j naming %s", async (input, path) => {
    const res = await t.post("/v1/offices/bogota/closures", input);
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe("eligibility rules", () => {
  it("stores a rule set per office and reads it back", async () => {
    await t.post("/v1/offices", bogota());
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toBeNull();
    const rules = { nationalities: ["CU", "HT", "VE"], presentOnOrBefore: "2023-06-11", minAge: 18, legalStatuses: ["regular", "regularising"] };
    const put = await t.put("/v1/offices/bogota/eligibility", rules);
    expect(put.status).toBe(200);
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toEqual(rules);
    const bad = await t.put("/v1/offices/bogota/eligibility", { ...rules, nationalities: ["Cuba"] });
    expect(bad.json.errors[0].path).toBe("nationalities.0");
  });
});
