// Signing in and out of the console, and what protects its forms.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics, token } from "../helpers/fixtures.js";
import { at, newCase, weekdays } from "../helpers/booking.js";
import { session, textOf } from "../helpers/console.js";

let t: TestApp;
let scheduler: string;
let interviewer: string;

beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
  scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
  interviewer = await token(t, { role: "interviewer", staffId: "ana" });
});
afterEach(() => t.close());

const signInForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams(fields), headers });

describe("sign-in", () => {
  it("sends someone without a session to the sign-in page, remembering where they were going", async () => {
    const res = await t.app.request("/console/queue?q=ABC");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/sign-in?next=%2Fconsole%2Fqueue%3Fq%3DABC");
    const page = await t.app.request("/console/sign-in?next=%2Fconsole%2Fqueue");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="token" type="password"');
    expect(html).toContain('name="next" value="/console/queue"');
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("keeps a good token in an HttpOnly, SameSite=Strict cookie scoped to the console", async () => {
    const res = await signInForm({ token: scheduler, next: "/console/day" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/day");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`cita_console=${scheduler}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const res = await signInForm({ token: scheduler }, { "x-forwarded-proto": "https" });
    expect(res.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  it("refuses a wrong token, an interviewer, and an empty form, setting no cookie", async () => {
    for (const [fields, status] of [
      [{ token: "not-a-token" }, 401],
      [{ token: interviewer }, 403],
      [{}, 401],
      [{ token: "x".repeat(5000) }, 401],
    ] as const) {
      const res = await signInForm(fields);
      expect(res.status).toBe(status);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(textOf(await res.text())).toMatch(/not valid|schedulers and admins/);
    }
  });

  it("never redirects outside the console after signing in", async () => {
    for (const next of ["//evil.example/console", "https://evil.example/", "/a/token", "/console\\evil", "javascript:alert(1)", "/console/../a/token", "/console/%2e%2e/v1/users", "/consolex"]) {
      const res = await signInForm({ token: scheduler, next });
      expect(res.headers.get("location")).toBe("/console");
    }
  });

  it("names the signed-in person in the header and in an appointment's history", async () => {
    const desk = await t.post("/v1/users", { name: "Sofía Desk", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
    const s = session(t, desk.json.token);
    await t.put("/v1/staff/ana/availability", [weekdays]);
    const caseId = await newCase(t);
    const booked = await s.post(`/console/cases/${caseId}/book`, { start: at("09:00"), service: "iom-counseling" });
    expect(booked.status).toBe(303);
    const page = textOf((await s.get(booked.location!)).text);
    expect(page).toContain("Sofía Desk · Scheduler");
    expect(page).toMatch(/Sofía Desk booked|booked.*Sofía Desk|Sofía Desk.*booked/);
    expect(page).not.toContain(`user:${desk.json.id}`);
  });

  it("refuses an interviewer's cookie and a forged one", async () => {
    for (const cookie of [`cita_console=${interviewer}`, "cita_console=forged"]) {
      const res = await t.app.request("/console/queue", { headers: { cookie } });
      expect(res.status).toBe(cookie.includes("forged") ? 303 : 403);
    }
  });
});

describe("forms", () => {
  it("refuses a POST without the session's form token, or with another session's", async () => {
    const s = session(t, scheduler);
    const other = await token(t, { role: "scheduler", officeIds: ["bogota"] });
    const { formToken } = await import("../../src/http/form-token.js");
    const foreign = await formToken(t.deps, "console-form", other);
    for (const csrf of [null, "", "made-up", foreign]) {
      const res = await s.post("/console/sign-out", {}, { csrf });
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses a POST another site's page sent, even with a good form token", async () => {
    const s = session(t, scheduler);
    for (const site of ["cross-site", "same-site"]) {
      expect((await s.post("/console/sign-out", {}, { headers: { "sec-fetch-site": site } })).status).toBe(403);
    }
    const res = await signInForm({ token: scheduler }, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("signs out: the cookie is cleared", async () => {
    const res = await session(t, scheduler).post("/console/sign-out", {}, { headers: { "sec-fetch-site": "same-origin" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/console/sign-in");
    expect(res.headers.get("set-cookie")).toMatch(/cita_console=;.*Max-Age=0/);
  });

  it("answers an unknown console page with a 404 page", async () => {
    const res = await session(t, scheduler).get("/console/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });
});
