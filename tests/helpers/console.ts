// A signed-in console session driven through app.request(): its cookie on every request, and
// the session's form token added to every form. Also the setup the console tests share.
import type { TestApp } from "./app.js";
import { booking, bookingApp, newCase } from "./booking.js";
import { bogota, token } from "./fixtures.js";
import { formToken } from "../../src/http/form-token.js";
import { sha256Hex } from "../../src/lib/ids.js";
import { FORM_PURPOSE, SESSION_COOKIE } from "../../src/routes/console/session.js";
import { PRE_SESSION_COOKIE } from "../../src/routes/console/sign-in.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Where a redirect points. */
  location: string | null;
}

async function answer(res: Response): Promise<Answer> {
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
}

/** Signs in through the form, as a browser does (the page first, for its form token); throws unless accepted. */
export async function signIn(t: TestApp, token: string) {
  const cookie = await signInCookie(t, token);
  if (!cookie) throw new Error("sign-in failed");
  return session(t, token);
}

/** The sign-in page's pre-session cookie and form token. */
export async function signInForm(t: TestApp) {
  const page = await t.app.request("/console/sign-in");
  const cookie = new RegExp(`${PRE_SESSION_COOKIE}=[^;]+`).exec(page.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const csrf = /name="csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? "";
  return { cookie, csrf };
}

/** Signs in with `token`; the session cookie ("cita_console=…") or null when refused. */
export async function signInCookie(t: TestApp, token: string): Promise<string | null> {
  const form = await signInForm(t);
  const body = new URLSearchParams({ token, next: "/console", csrf: form.csrf });
  const res = await t.app.request("/console/sign-in", { method: "POST", body, headers: { cookie: form.cookie } });
  const cookie = new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(res.headers.get("set-cookie") ?? "")?.[0];
  return res.status === 303 && cookie ? cookie : null;
}

/**
 * A console session of `token`. It signs in on first use, and again once the test has moved the
 * clock or the session is gone (sessions expire with time, and a sign-in sweeps expired ones):
 * the tests using this are about pages, not sessions (those are in tests/console/session.test.ts).
 */
export function session(t: TestApp, token: string) {
  let signedIn: { at: number; cookie: Promise<string> } | null = null;
  const idHashOf = async (c: string) => sha256Hex(c.slice(SESSION_COOKIE.length + 1));
  const stored = async (c: string) => t.database.sqlite.prepare("SELECT 1 FROM console_sessions WHERE id_hash = ?").get(await idHashOf(c)) !== undefined;
  const cookie = async () => {
    if (!signedIn || signedIn.at !== t.clock.now() || !(await stored(await signedIn.cookie))) {
      const made = signInCookie(t, token).then((c) => c ?? `${SESSION_COOKIE}=refused`);
      signedIn = { at: t.clock.now(), cookie: made };
    }
    return signedIn.cookie;
  };
  return {
    token,
    /** The session cookie, as "cita_console=…". */
    cookie,
    get: async (path: string) => answer(await t.app.request(path, { headers: { cookie: await cookie() } })),
    /** A form POST; `csrf` is this session's token unless the test gives another (or null for none). */
    post: async (path: string, fields: Record<string, string> = {}, { csrf, headers = {} }: { csrf?: string | null; headers?: Record<string, string> } = {}) => {
      const current = await cookie();
      const given = csrf === undefined ? await formToken(t.deps, FORM_PURPOSE, await idHashOf(current)) : csrf;
      const body = new URLSearchParams(given === null ? fields : { ...fields, csrf: given });
      return answer(await t.app.request(path, { method: "POST", body, headers: { cookie: current, ...headers } }));
    },
  };
}

export type Session = ReturnType<typeof session>;

/** The visible text of a page, tags removed and spaces collapsed, for plain assertions. */
export const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

/** Every <form method="post"> of a page with its hidden csrf value ("" when it has none). */
export function postForms(html: string): { action: string; csrf: string }[] {
  return [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => ({
    action: m[1]!.replace(/&amp;/g, "&"),
    csrf: /name="csrf" value="([^"]*)"/.exec(m[2]!)?.[1] ?? "",
  }));
}

/** A second office, in another country and time zone. */
export const quito = (over: Record<string, unknown> = {}) =>
  bogota({ id: "quito", name: "SMO Quito", country: "EC", timeZone: "America/Guayaquil", address: "Av. Amazonas, Quito", ...over });

/** A signed-in scheduler of one office. */
export async function schedulerOf(t: TestApp, officeId = "bogota"): Promise<Session> {
  const s = session(t, await token(t, { role: "scheduler", officeIds: [officeId] }));
  // Signed in now, so that the sign-in is not a write inside a test's "nothing changed" window.
  await s.cookie();
  return s;
}

/** Quito and a scheduler of it alone: the stranger of the office-scope tests. */
export async function quitoScheduler(t: TestApp): Promise<Session> {
  const res = await t.post("/v1/offices", quito());
  if (res.status !== 201) throw new Error(`office: ${res.status} ${res.text}`);
  return schedulerOf(t, "quito");
}

/** The booking fixture (tests/helpers/booking.ts) with a signed-in scheduler of Bogotá. */
export async function deskApp(): Promise<{ t: TestApp; desk: Session }> {
  const t = await bookingApp();
  return { t, desk: await schedulerOf(t) };
}

/** A new case booked at `start` through the API. */
export async function bookAt(t: TestApp, start: string, caseOver: Record<string, unknown> = {}) {
  const caseId = await newCase(t, caseOver);
  const res = await t.post("/v1/appointments", booking(caseId, start));
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${res.text}`);
  const reference = (await t.get(`/v1/cases/${caseId}`)).json.reference as string;
  return { id: res.json.id as string, caseId, reference };
}

/** What a refused change must leave alone: the appointment, its history and its outbox. */
export async function appointmentState(t: TestApp, id: string) {
  const [apt, history, outbox] = await Promise.all([t.get(`/v1/appointments/${id}`), t.get(`/v1/appointments/${id}/history`), t.get(`/v1/notifications?appointmentId=${id}`)]);
  return { apt: apt.json, history: history.json.items, outbox: outbox.json.items.length };
}
