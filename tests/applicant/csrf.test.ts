// Every form carries a token bound to its link and to a two-hour time bucket: a form without
// it, with a made-up one, with another link's, or one left open too long changes nothing.
import { afterEach, describe, expect, it } from "vitest";
import { FORM_BUCKET_MS } from "../../src/http/form-token.js";
import { formToken, isValidFormToken } from "../../src/routes/applicant/csrf.js";
import { book, depsOf, formTokenOf, linkApp, open, submit, textOf, type TestApp } from "./helpers.js";

let t: TestApp;
afterEach(() => t?.close());

const status = async (id: string) => (await t.get(`/v1/appointments/${id}`)).json.status;

describe("form tokens", () => {
  it("are required on every action", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    const other = await book(t, "2026-12-09T11:00:00-05:00");
    const foreign = formTokenOf((await open(t, other.path)).text)!;
    const bad: Record<string, string>[] = [{}, { csrf: "" }, { csrf: "x".repeat(24) }, { csrf: foreign }, { csrf: "y".repeat(5000) }];
    for (const fields of bad) {
      for (const action of ["confirm", "cancel", "reschedule"]) {
        const res = await submit(t, `${path}/${action}`, { ...fields, start: "2026-12-09T16:00:00Z" });
        expect(res.status, `${action} ${JSON.stringify(fields).slice(0, 40)}`).toBe(403);
      }
    }
    // A JSON body is not a form at all.
    const json = await t.app.request(`${path}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(403);
    // Nor is a body far larger than any form.
    const large = await submit(t, `${path}/cancel`, { csrf: "x", filler: "y".repeat(20_000) });
    expect(large.status).toBe(413);
    expect(large.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await status(appointment.id)).toBe("scheduled");
  });

  it("last two to four hours; an expired one shows the form again, whose fresh token works", async () => {
    const { t: app, path, token, appointment } = await linkApp();
    t = app;
    const start = Date.parse("2026-11-23T12:00:00Z");
    const csrf = formTokenOf((await open(t, `${path}/cancel`)).text)!;
    t.clock.set(start + FORM_BUCKET_MS - 60_000);
    expect(await isValidFormToken(depsOf(t), token, csrf)).toBe(true);
    t.clock.set(start + 2 * FORM_BUCKET_MS);
    const expired = await submit(t, `${path}/cancel`, { csrf });
    expect(expired.status).toBe(403);
    expect(textOf(expired.text)).toContain("La página estuvo abierta mucho tiempo. No se cambió nada");
    expect(await status(appointment.id)).toBe("scheduled");
    const fresh = formTokenOf(expired.text)!;
    expect(fresh).not.toBe(csrf);
    expect((await submit(t, `${path}/cancel`, { csrf: fresh })).status).toBe(303);
    expect(await status(appointment.id)).toBe("cancelled");
  });

  it("are bound to the link: a re-issued link's forms need its own tokens", async () => {
    const { t: app, token } = await linkApp();
    t = app;
    const deps = depsOf(t);
    const mine = await formToken(deps, token);
    expect(await isValidFormToken(deps, token, mine)).toBe(true);
    expect(await isValidFormToken(deps, `${token}x`, mine)).toBe(false);
    expect(await isValidFormToken(deps, token, mine.slice(0, -1))).toBe(false);
    expect(await isValidFormToken(deps, token, undefined)).toBe(false);
  });
});
