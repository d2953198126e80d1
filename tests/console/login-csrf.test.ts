// Login CSRF: the sign-in form's token is bound to this browser's pre-session cookie, so another
// site cannot sign a browser in to an account of its choosing, even where no Sec-Fetch-Site is sent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics, token } from "../helpers/fixtures.js";
import { signInForm, textOf } from "../helpers/console.js";
import { formToken } from "../../src/http/form-token.js";

let t: TestApp;
let scheduler: string;

beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
  scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
});
afterEach(() => t.close());

const sessionRows = () => t.database.sqlite.prepare("SELECT * FROM console_sessions").all();

async function signInPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = await signInForm(t);
  return t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ csrf: form.csrf, ...fields }), headers: { cookie: form.cookie, ...headers } });
}

describe("login CSRF", () => {
  it("refuses a sign-in without the form token of this browser's sign-in page, and opens no session", async () => {
    const mine = await signInForm(t);
    const theirs = await signInForm(t); // another browser's pair, e.g. the attacker's own
    const attempts: [string, Record<string, string>][] = [
      [mine.cookie, { token: scheduler }], // no form token
      [mine.cookie, { token: scheduler, csrf: "" }],
      [mine.cookie, { token: scheduler, csrf: "made-up" }],
      [mine.cookie, { token: scheduler, csrf: theirs.csrf }], // a token bound to another cookie
      ["", { token: scheduler, csrf: mine.csrf }], // no pre-session cookie
      [theirs.cookie.replace(/=.*/, "=pre_forged"), { token: scheduler, csrf: mine.csrf }],
      [mine.cookie, { token: scheduler, csrf: await formToken(t.deps, "console-form", mine.cookie.split("=")[1]!) }], // another purpose's token
    ];
    for (const [cookie, fields] of attempts) {
      const res = await t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { cookie } : {} });
      expect(res.status, JSON.stringify(fields)).toBe(403);
      expect(res.headers.get("set-cookie") ?? "").not.toContain("cita_console=");
      expect(textOf(await res.text())).toContain("This sign-in form has expired or did not come from this site.");
    }
    expect(sessionRows()).toEqual([]);
    // The genuine pair works.
    const res = await t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ token: scheduler, csrf: mine.csrf }), headers: { cookie: mine.cookie } });
    expect(res.status).toBe(303);
  });

  it("refuses a sign-in form left open past its form token's life; the page it shows again works", async () => {
    const form = await signInForm(t);
    t.clock.advance(4 * 3_600_000 + 1000);
    const stale = await t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ token: scheduler, csrf: form.csrf }), headers: { cookie: form.cookie } });
    expect(stale.status).toBe(403);
    expect(sessionRows()).toEqual([]);
    const csrf = /name="csrf" value="([^"]*)"/.exec(await stale.text())![1]!;
    const again = await t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ token: scheduler, csrf }), headers: { cookie: form.cookie } });
    expect(again.status).toBe(303);
  });

  it("refuses a sign-in another site's page sent, even with a good form token", async () => {
    const res = await signInPost({ token: scheduler }, { "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(sessionRows()).toEqual([]);
  });
});
