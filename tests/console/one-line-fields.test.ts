// Every text field of the console's forms is one line, as the API's: the fields are read from the
// pages themselves, so a field added to a form later is tried too. A refusal is the page again
// with 422 and the field named, and nothing is written; the same form without the character works.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, newCase, type TestApp } from "../helpers/booking.js";
import { bookAt, deskApp, textOf, type Session } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";

let t: TestApp;
let desk: Session;
beforeEach(async () => ({ t, desk } = await deskApp()));
afterEach(() => t.close());

/** CR/LF, NUL, TAB, ESC, DEL, a C1 control (NEL), the Unicode line and paragraph separators. */
const CONTROLS = ["\r\n", "\u0000", "\t", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029"];

/** Input types whose value is typed, not chosen. */
const TYPED = new Set(["text", "search", "date", "datetime-local", "time", "email", "tel", "url", "number"]);

/** A value each typed field accepts on these pages (the window is 2026-12-04 … 2026-12-18; 2026-12-21 is outside it). */
const GOOD: Record<string, string> = { date: "2026-12-10", "datetime-local": "2026-12-21T09:00", text: "Staff training", textarea: "The applicant asked by phone" };

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

interface Form {
  action: string;
  /** Hidden fields and their values. */
  fixed: Record<string, string>;
  /** Typed fields and a good value for each. */
  typed: Record<string, string>;
}

/** The POST forms of a page with their hidden and typed fields. */
function formsOf(html: string): Form[] {
  return [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => {
    const form: Form = { action: m[1]!.replace(/&amp;/g, "&"), fixed: {}, typed: {} };
    for (const [tag] of m[2]!.matchAll(/<input[^>]*>/g)) {
      const name = attr(tag, "name");
      const type = attr(tag, "type") ?? "text";
      if (!name) continue;
      if (type === "hidden") form.fixed[name] = attr(tag, "value") ?? "";
      else if (TYPED.has(type)) form.typed[name] = GOOD[type] ?? "x";
    }
    for (const [, name] of m[2]!.matchAll(/<textarea[^>]*\sname="([^"]*)"/g)) form.typed[name!] = GOOD.textarea!;
    return form;
  });
}

/** Tries every control character in every typed field of the page's forms; then each form as it should be sent. */
async function tryPage(path: string): Promise<string[]> {
  const forms = formsOf((await desk.get(path)).text).filter((f) => Object.keys(f.typed).length > 0);
  const tried: string[] = [];
  for (const form of forms) {
    for (const field of Object.keys(form.typed)) {
      for (const control of CONTROLS) {
        const before = dumpTables(t);
        const res = await desk.post(form.action, { ...form.fixed, ...form.typed, [field]: `${form.typed[field]}${control}more` });
        expect(res.status, `${form.action} ${field} ${JSON.stringify(control)}`).toBe(422);
        expect(textOf(res.text)).toContain(`${field}: must be one line of text without control characters`);
        expect(dumpTables(t)).toBe(before);
      }
      tried.push(`${form.action} ${field}`);
    }
    const sent = await desk.post(form.action, { ...form.fixed, ...form.typed });
    expect(sent.status, `${form.action} as it should be sent: ${textOf(sent.text).slice(0, 300)}`).toBe(303);
  }
  return tried;
}

describe("control characters in the console's text fields", () => {
  it("are refused in every typed field of the appointment page (move outside the window, cancel)", async () => {
    const apt = await bookAt(t, at("09:00"));
    const page = `/console/appointments/${apt.id}`;
    const tried = await tryPage(page);
    expect(tried).toEqual(expect.arrayContaining([`${page}/reschedule start`, `${page}/reschedule reason`, `${page}/cancel reason`]));
    // The good forms went through: moved, then cancelled, with the reason as typed.
    const history = (await t.get(`/v1/appointments/${apt.id}/history`)).json.items.map((h: { action: string }) => h.action);
    expect(history).toEqual(["booked", "reschedule", "cancel"]);
  });

  it("are refused in every typed field of the closures page", async () => {
    const tried = await tryPage("/console/closures?office=bogota");
    expect(tried).toEqual(["/console/closures date", "/console/closures reason"]);
    expect((await t.get("/v1/offices/bogota/closures")).json.items.map((c: { reason: string }) => c.reason)).toEqual(["Staff training"]);
  });

  it("are refused in the book form's start (a chosen time, which a hand-made form can alter) and in any field it sends", async () => {
    const caseId = await newCase(t);
    const before = dumpTables(t);
    for (const control of CONTROLS) {
      const tries: Record<string, string>[] = [{ start: `${at("09:00")}${control}` }, { start: at("09:00"), staffId: `ana${control}` }];
      for (const fields of tries) {
        const res = await desk.post(`/console/cases/${caseId}/book`, { service: "iom-counseling", ...fields });
        expect(res.status).toBe(422);
        expect(textOf(res.text)).toContain(`${Object.keys(fields).at(-1)}: must be one line of text without control characters`);
      }
    }
    expect(dumpTables(t)).toBe(before);
    expect((await desk.post(`/console/cases/${caseId}/book`, { service: "iom-counseling", start: at("09:00") })).status).toBe(303);
  });
});
