// The demo data goes in through the API, so it must pass the same validation as any client's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, makeApp, type TestApp } from "../helpers/app.js";
import { seedDemo } from "../../scripts/demo/seed.js";

let t: TestApp;
beforeEach(() => {
  t = makeApp();
});
afterEach(() => t.close());

describe("demo data", () => {
  it("seeds four offices with eligibility rules, staff incl. one in a DST zone, two services and 50 cases", async () => {
    const { cases, links } = await seedDemo(async (path, init) => t.app.request(path, init), ADMIN, "2026-11-23");
    expect(cases).toHaveLength(50);
    expect(links).toHaveLength(3);
    const page = await t.get(new URL(links[0]!).pathname, { token: null });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const offices = (await t.get("/v1/offices")).json.items;
    expect(offices.map((o: { timeZone: string }) => o.timeZone).sort()).toEqual(["America/Bogota", "America/Costa_Rica", "America/Guatemala", "America/Guayaquil"]);
    for (const o of offices) expect((await t.get(`/v1/offices/${o.id}/eligibility`)).json.nationalities.length).toBeGreaterThan(0);
    const staff = (await t.get("/v1/staff?limit=200")).json.items;
    expect(staff.some((s: { timeZone: string }) => s.timeZone === "America/New_York")).toBe(true);
    expect((await t.get("/v1/services")).json.items.map((s: { id: string; durationMinutes: number }) => [s.id, s.durationMinutes])).toEqual([
      ["iom-counseling", 60],
      ["unhcr-interview", 60],
    ]);
  });
});
