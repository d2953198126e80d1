// An app with one booked appointment and what it takes to use its link like a browser would:
// GET pages, POST forms with the page's form token, follow nothing automatically.
import type { Deps } from "../../src/deps.js";
import { readConfig } from "../../src/config.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createProcessState } from "../../src/process-state.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";

export interface Page {
  status: number;
  text: string;
  headers: Headers;
}

export async function linkApp(options: { start?: string; caseOver?: Record<string, unknown>; service?: Record<string, unknown> } = {}) {
  const t = await bookingApp(options.service ? { service: options.service } : {});
  const a = await book(t, options.start, options.caseOver);
  return { t, ...a };
}

/** Books a new case's appointment; its link's path (/a/{token}) and token. */
export async function book(t: TestApp, start = at("10:00"), caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start));
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${res.text}`);
  const path = new URL(res.json.selfServiceUrl).pathname;
  return { appointment: res.json, path, token: path.split("/")[2]! };
}

/** Dependencies equal to the test app's (same database, clock and link secret), for domain calls. */
export const depsOf = (t: TestApp): Deps => ({
  database: t.database,
  clock: t.clock,
  config: { ...readConfig({}), linkSecret: "test-link-secret", publicUrl: "http://cita.test" },
  mailer: null,
  sms: null,
  logger: silentLogger,
  state: createProcessState(),
});

export async function open(t: TestApp, path: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await t.app.request(path, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export const formTokenOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

export async function submit(t: TestApp, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
  const res = await t.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Opens `pagePath`, then posts its form to `action` with the form token it carried. */
export async function act(t: TestApp, pagePath: string, action: string, fields: Record<string, string> = {}): Promise<Page> {
  const page = await open(t, pagePath);
  const csrf = formTokenOf(page.text);
  if (!csrf) throw new Error(`no form on ${pagePath}: ${page.status}`);
  return submit(t, action, { csrf, ...fields });
}

export const history = async (t: TestApp, id: string) => (await t.get(`/v1/appointments/${id}/history`)).json.items as { actor: string; action: string; from: any; to: any }[];

/** The visible text of a page, roughly: tags dropped, entities of the pages decoded. */
export const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

export { at };
export type { TestApp };
