// Signing in and out of the console, what the session cookie holds, and what protects the forms.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics, token } from "../helpers/fixtures.js";
import { at, newCase, weekdays } from "../helpers/booking.js";
import { session, signInCookie, signInForm, textOf } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";
import { formToken } from "../../src/http/form-token.js";
import { sha256Hex } from "../../src/lib/ids.js";

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

/** Posts the sign-in form as a browser that opened the page first (its cookie and form token). */
async function signInPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = await signInForm(t);
  return t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ csrf: form.csrf, ...fields }), headers: { cookie: form.cookie, ...headers } });
}

const sessionRows = () => t.database.sqlite.prepare("SELECT * FROM console_sessions").all() as Record<string, unknown>[];
const queue = (cookie: string) => t.app.request("/console/queue", { headers: { cookie } });

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
    expect(html).toMatch(/name="csrf" value="[\w-]{20,}"/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const pre = page.headers.get("set-cookie")!;
    expect(pre).toMatch(/^cita_console_sign_in=pre_[\w-]{40,};/);
    expect(pre).toMatch(/HttpOnly/i);
    expect(pre).toMatch(/SameSite=Strict/i);
    expect(pre).toMatch(/Path=\/console/);
  });

  it("keeps a random session id in an HttpOnly, SameSite=Strict cookie, never the token, and stores only its hash", async () => {
    const res = await signInPost({ token: scheduler, next: "/console/day" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/day");
    const cookies = res.headers.get("set-cookie")!;
    const id = /cita_console=([^;]+)/.exec(cookies)![1]!;
    expect(id).toMatch(/^cs_[\w-]{43}$/);
    expect(cookies).not.toContain(scheduler);
    expect(cookies).not.toContain(scheduler.slice(5, 30));
    const cookie = cookies.split(/,\s*(?=cita_)/).find((c) => c.startsWith("cita_console="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i);
    // The pre-session cookie has done its job.
    expect(cookies).toMatch(/cita_console_sign_in=;.*Max-Age=0/);

    const [row] = sessionRows();
    const userId = (await t.get("/v1/users")).json.items.find((u: { role: string }) => u.role === "scheduler").id;
    expect(row).toEqual({
      id_hash: await sha256Hex(id),
      user_id: userId,
      method: "token",
      token_hash: await sha256Hex(scheduler),
      created_at: t.clock.now(),
      last_seen_at: t.clock.now(),
    });
    const everything = dumpTables(t);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(id.slice(3, 30));
    expect((await queue(`cita_console=${id}`)).status).toBe(200);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const res = await signInPost({ token: scheduler }, { "x-forwarded-proto": "https" });
    expect(res.headers.get("set-cookie")).toMatch(/cita_console=cs_[^;]+;.*Secure/i);
  });

  it("refuses a wrong token, an interviewer, and an empty form, opening no session", async () => {
    for (const [fields, status] of [
      [{ token: "not-a-token" }, 401],
      [{ token: interviewer }, 403],
      [{}, 401],
      [{ token: "x".repeat(5000) }, 401],
    ] as const) {
      const res = await signInPost(fields);
      expect(res.status).toBe(status);
      expect(res.headers.get("set-cookie") ?? "").not.toContain("cita_console=");
      expect(textOf(await res.text())).toMatch(/not valid|schedulers and admins/);
    }
    expect(sessionRows()).toEqual([]);
  });

  it("never redirects outside the console after signing in", async () => {
    for (const next of [
      "//evil.example/console",
      "https://evil.example/",
      "/a/token",
      "/console\\evil",
      "javascript:alert(1)",
      "/console/../a/token",
      "/console/%2e%2e/v1/users",
      "/consolex",
    ]) {
      const res = await signInPost({ token: scheduler, next });
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

  it("takes no token, and no made-up or overlong id, as a session", async () => {
    for (const cookie of [`cita_console=${scheduler}`, `cita_console=${interviewer}`, "cita_console=forged", `cita_console=cs_${"a".repeat(5000)}`]) {
      const res = await queue(cookie);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/console\/sign-in/);
    }
  });
});

describe("session lifetime", () => {
  it("signs out: the session is deleted, and the old cookie replayed is signed out", async () => {
    const cookie = (await signInCookie(t, scheduler))!;
    const s = session(t, scheduler);
    const out = await t.app.request("/console/sign-out", {
      method: "POST",
      body: new URLSearchParams({ csrf: await formToken(t.deps, "console-form", await sha256Hex(cookie.split("=")[1]!)) }),
      headers: { cookie, "sec-fetch-site": "same-origin" },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/console/sign-in");
    expect(out.headers.get("set-cookie")).toMatch(/cita_console=;.*Max-Age=0/);
    expect(sessionRows().map((r) => r.id_hash)).not.toContain(await sha256Hex(cookie.split("=")[1]!));
    const replay = await queue(cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toMatch(/^\/console\/sign-in/);
    expect((await t.app.request("/console/sign-in", { headers: { cookie } })).status).toBe(200);
    // Another session of the same person is not affected.
    expect((await s.get("/console/queue")).status).toBe(200);
  });

  it("ends after 30 minutes without use, and 12 hours after sign-in however busy", async () => {
    const cookie = (await signInCookie(t, scheduler))!;
    const started = t.clock.now();
    // In use every 29 minutes: never idle for 30.
    while (t.clock.now() + 29 * 60_000 < started + 12 * 3_600_000) {
      t.clock.advance(29 * 60_000);
      expect((await queue(cookie)).status, `${(t.clock.now() - started) / 60_000} minutes`).toBe(200);
    }
    t.clock.set(started + 12 * 3_600_000 - 1000);
    expect((await queue(cookie)).status).toBe(200);
    t.clock.set(started + 12 * 3_600_000);
    expect((await queue(cookie)).status).toBe(303);
    expect(sessionRows()).toEqual([]);

    const idle = (await signInCookie(t, scheduler))!;
    t.clock.advance(30 * 60_000);
    expect((await queue(idle)).status).toBe(303);
  });

  it("writes last-seen at most once a minute, so reading pages is not a write per page", async () => {
    const cookie = (await signInCookie(t, scheduler))!;
    const signedInAt = t.clock.now();
    t.clock.advance(59_000);
    await queue(cookie);
    expect(sessionRows()[0]!.last_seen_at).toBe(signedInAt);
    t.clock.advance(1000);
    await queue(cookie);
    expect(sessionRows()[0]!.last_seen_at).toBe(signedInAt + 60_000);
  });
});

describe("forms", () => {
  it("refuses a POST without the session's form token, or with another session's", async () => {
    const s = session(t, scheduler);
    const other = (await signInCookie(t, await token(t, { role: "scheduler", officeIds: ["bogota"] })))!;
    const foreign = await formToken(t.deps, "console-form", await sha256Hex(other.split("=")[1]!));
    for (const csrf of [null, "", "made-up", foreign]) {
      const res = await s.post("/console/sign-out", {}, { csrf });
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    expect(sessionRows()).toHaveLength(2);
  });

  it("refuses a POST another site's page sent, even with a good form token", async () => {
    const s = session(t, scheduler);
    for (const site of ["cross-site", "same-site"]) {
      expect((await s.post("/console/sign-out", {}, { headers: { "sec-fetch-site": site } })).status).toBe(403);
    }
  });

  it("answers an unknown console page with a 404 page", async () => {
    const res = await session(t, scheduler).get("/console/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });
});
