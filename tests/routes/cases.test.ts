import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, seedBasics, token } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterEach(() => t.close());

const colombiaRules = { nationalities: ["CU", "HT", "VE"], presentOnOrBefore: "2023-06-11", minAge: 18, legalStatuses: ["regular", "regularising"] };

describe("cases", () => {
  it("creates, reads, updates and lists cases", async () => {
    const created = await t.post("/v1/cases", applicantCase({ reference: "CO-2026-0001" }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ reference: "CO-2026-0001", officeId: "bogota", track: "IOM", windowExtensionDays: 0, contact: { phone: "+573001234567" } });
    expect(created.json.id).toMatch(/^case_/);
    const id = created.json.id;
    expect((await t.get(`/v1/cases/${id}`)).json.reference).toBe("CO-2026-0001");
    const patched = await t.patch(`/v1/cases/${id}`, { language: "ht", contact: { email: null } });
    expect(patched.json).toMatchObject({ language: "ht", contact: { email: null, phone: "+573001234567" } });
    await t.post("/v1/cases", applicantCase());
    const page = await t.get("/v1/cases?limit=1");
    expect(page.json.items[0].id).toBe(id);
    const next = await t.get(`/v1/cases?limit=1&cursor=${page.json.nextCursor}`);
    expect(next.json.items).toHaveLength(1);
    expect(next.json.nextCursor).toBeNull();
    expect((await t.get("/v1/cases?reference=CO-2026-0001")).json.items).toHaveLength(1);
  });

  it("refuses a duplicate reference with 409", async () => {
    expect((await t.post("/v1/cases", applicantCase({ reference: "R-1" }))).status).toBe(201);
    expect((await t.post("/v1/cases", applicantCase({ reference: "R-1" }))).status).toBe(409);
  });

  it.each([
    [{ nationality: "Venezuela" }, "nationality"],
    [{ screenedAt: "2026-13-01" }, "screenedAt"],
    [{ birthDate: "2027-01-01" }, "birthDate"],
    [{ contact: { phone: "3001234567" } }, "contact.phone"],
    [{ contact: { email: "not-an-email" } }, "contact.email"],
    [{ contact: { fax: "1" } }, "contact.fax"],
    [{ language: "de" }, "language"],
    [{ track: "UN" }, "track"],
    [{ householdSize: 0 }, "householdSize"],
    [{ householdSize: "3" }, "householdSize"],
  ])("refuses %j naming %s", async (override, path) => {
    const res = await t.post("/v1/cases", applicantCase(override));
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.get("/v1/cases")).json.items).toHaveLength(0);
  });

  it("lists every failed eligibility rule, and lets only an admin override them", async () => {
    await t.put("/v1/offices/bogota/eligibility", colombiaRules);
    const res = await t.post("/v1/cases", applicantCase({ nationality: "NI", presentSince: "2024-01-01", birthDate: "2010-01-01", legalStatus: "irregular" }));
    expect(res.status).toBe(422);
    expect(res.json.type).toBe("/problems/not-eligible");
    expect(res.json.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(["legalStatuses", "minAge", "nationalities", "presentOnOrBefore"]);
    expect((await t.get("/v1/cases")).json.items).toHaveLength(0);

    const ok = await t.post("/v1/cases", applicantCase());
    expect(ok.status).toBe(201);

    const scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
    const override = { eligibilityOverride: { reason: "Protection referral" } };
    const byScheduler = await t.post("/v1/cases", applicantCase({ nationality: "NI", ...override }), { token: scheduler });
    expect(byScheduler.status).toBe(403);
    const byAdmin = await t.post("/v1/cases", applicantCase({ nationality: "NI", ...override }));
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.json.eligibilityOverride).toEqual({ reason: "Protection referral" });
  });

  it("checks age on the screening date", async () => {
    await t.put("/v1/offices/bogota/eligibility", colombiaRules);
    expect((await t.post("/v1/cases", applicantCase({ birthDate: "2008-11-21", screenedAt: "2026-11-20" }))).status).toBe(422);
    expect((await t.post("/v1/cases", applicantCase({ birthDate: "2008-11-20", screenedAt: "2026-11-20" }))).status).toBe(201);
  });

  it("re-checks eligibility when a patch changes an applicant's facts", async () => {
    const { json } = await t.post("/v1/cases", applicantCase());
    await t.put("/v1/offices/bogota/eligibility", colombiaRules);
    const res = await t.patch(`/v1/cases/${json.id}`, { nationality: "NI" });
    expect(res.status).toBe(422);
    expect((await t.get(`/v1/cases/${json.id}`)).json.nationality).toBe("VE");
  });

  it("extends a case's window with a reason", async () => {
    const { json } = await t.post("/v1/cases", applicantCase());
    const res = await t.post(`/v1/cases/${json.id}/extensions`, { days: 14, reason: "Looking for a sponsor" });
    expect(res.status).toBe(201);
    expect(res.json.windowExtensionDays).toBe(14);
    await t.post(`/v1/cases/${json.id}/extensions`, { days: 7, reason: "More time" });
    expect((await t.get(`/v1/cases/${json.id}`)).json.windowExtensionDays).toBe(21);
    expect((await t.post(`/v1/cases/${json.id}/extensions`, { days: 0, reason: "x" })).json.errors[0].path).toBe("days");
    expect((await t.post(`/v1/cases/nope/extensions`, { days: 1, reason: "x" })).status).toBe(404);
  });

  it("refuses a screening date after today at the case's office, counted in the office's local date", async () => {
    t.clock.set(Date.parse("2026-12-03T23:30:00-05:00")); // still the 3rd in Bogotá, the 4th in UTC
    const tomorrow = await t.post("/v1/cases", applicantCase({ screenedAt: "2026-12-04" }));
    expect(tomorrow.status).toBe(422);
    expect(tomorrow.json.errors).toEqual([{ path: "screenedAt", message: "must not be after today at the office (2026-12-03 in America/Bogota)" }]);
    expect((await t.get("/v1/cases")).json.items).toHaveLength(0);
    const today = await t.post("/v1/cases", applicantCase({ screenedAt: "2026-12-03" }));
    expect(today.status).toBe(201);
    const patched = await t.patch(`/v1/cases/${today.json.id}`, { screenedAt: "2026-12-04", language: "en" });
    expect(patched.status).toBe(422);
    expect(patched.json.errors[0].path).toBe("screenedAt");
    expect((await t.get(`/v1/cases/${today.json.id}`)).json).toMatchObject({ screenedAt: "2026-12-03", language: "es" });
    // A patch that leaves the date alone is not judged by it; half an hour later it is the 4th there.
    expect((await t.patch(`/v1/cases/${today.json.id}`, { language: "en" })).status).toBe(200);
    t.clock.advance(30 * 60_000);
    expect((await t.patch(`/v1/cases/${today.json.id}`, { screenedAt: "2026-12-04" })).json.screenedAt).toBe("2026-12-04");
  });

  it("counts today in each office's own zone: already the 4th in Auckland while the 3rd in Bogotá", async () => {
    await t.post("/v1/offices", {
      ...(await t.get("/v1/offices/bogota")).json,
      id: "auckland",
      country: "NZ",
      timeZone: "Pacific/Auckland",
      createdAt: undefined,
      updatedAt: undefined,
    });
    t.clock.set(Date.parse("2026-12-03T20:00:00Z"));
    expect((await t.post("/v1/cases", applicantCase({ officeId: "auckland", screenedAt: "2026-12-04" }))).status).toBe(201);
    expect((await t.post("/v1/cases", applicantCase({ screenedAt: "2026-12-04" }))).status).toBe(422);
  });
});
