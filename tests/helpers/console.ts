// A signed-in console session driven through app.request(): its cookie on every request, and
// the session's form token added to every form. Also the setup the console tests share.
import type { TestApp } from "./app.js";
import { booking, bookingApp, newCase } from "./booking.js";
import { bogota, token } from "./fixtures.js";
import { formToken } from "../../src/http/form-token.js";
import { FORM_PURPOSE, SESSION_COOKIE } from "../../src/routes/console/session.js";

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

/** Signs in through the form; throws unless the console accepted the token. */
export async function signIn(t: TestApp, token: string) {
  const res = await t.app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ token, next: "/console" }) });
  const cookie = /cita_console=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return session(t, token);
}

export function session(t: TestApp, token: string) {
  const cookie = `${SESSION_COOKIE}=${token}`;
  return {
    token,
    get: async (path: string) => answer(await t.app.request(path, { headers: { cookie } })),
    /** A form POST; `csrf` is this session's token unless the test gives another (or null for none). */
    post: async (path: string, fields: Record<string, string> = {}, { csrf, headers = {} }: { csrf?: string | null; headers?: Record<string, string> } = {}) => {
      const given = csrf === undefined ? await formToken(t.deps, FORM_PURPOSE, token) : csrf;
      const body = new URLSearchParams(given === null ? fields : { ...fields, csrf: given });
      return answer(await t.app.request(path, { method: "POST", body, headers: { cookie, ...headers } }));
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
  return session(t, await token(t, { role: "scheduler", officeIds: [officeId] }));
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
