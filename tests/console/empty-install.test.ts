// A fresh install: the admin who signs in before any office exists. The pages that show an office
// are refused with a way forward (add the first office), inside the console's navigation, so
// the admin is never left on a page without links; a refusal before sign-in stays a plain page.
import { describe, expect, it } from "vitest";
import { ADMIN, makeApp } from "../helpers/app.js";
import { session, textOf } from "../helpers/console.js";
import { bogota } from "../helpers/fixtures.js";
import { en } from "../../src/pages/console/strings/en.js";

const OFFICE_PAGES = ["/console/queue", "/console/day", "/console/closures", "/console/figures", "/console/capacity"];

describe("the console on an install without offices", () => {
  it("tells the admin to add the first office, on every page that shows one, with the navigation kept", async () => {
    const t = makeApp();
    const admin = session(t, ADMIN);
    for (const path of OFFICE_PAGES) {
      const page = await admin.get(path);
      expect(page.status, path).toBe(404);
      expect(textOf(page.text), path).toContain(en.errors.noOfficeYet);
      expect(textOf(page.text), path).not.toContain(en.errors.noOffice);
      // The way forward is one click away, and the admin can still sign out.
      expect(page.text, path).toMatch(/<nav aria-label="Console">[\s\S]*href="\/console\/offices"/);
      expect(page.text, path).toContain('action="/console/sign-out"');
    }
  });

  it("keeps the language switch of a signed-in refusal pointing at the console's front door", async () => {
    const t = makeApp();
    const page = await session(t, ADMIN).get("/console/day?date=2026-12-07");
    expect(page.text).toContain(`href="/console/language?to=es&amp;next=%2Fconsole"`);
  });

  it("shows the queue as before once an office exists", async () => {
    const t = makeApp();
    expect((await t.post("/v1/offices", bogota())).status).toBe(201);
    const page = await session(t, ADMIN).get("/console/queue");
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain(en.queue.empty);
  });

  it("keeps a refusal before sign-in a plain page, without the console's navigation", async () => {
    const t = makeApp();
    const page = await t.app.request("/console/sign-in/link/not-a-link", { method: "POST" });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.status).toBeLessThan(500);
    const html = await page.text();
    expect(html).not.toContain('aria-label="Console"');
    expect(html).not.toContain('action="/console/sign-out"');
  });
});
