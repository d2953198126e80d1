// Staff sign in to the console with their API token; the cookie then holds a server-side session
// (src/domain/console-sessions.ts), never the token: HttpOnly, SameSite=Strict, scoped to
// /console. The session is looked up on every request, so signing out, a disabled user or a
// rotated token ends it at once. Every POST must come from a page of this site (Sec-Fetch-Site)
// and carry the session's form token.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../http/context.js";
import { SESSION_MAX_MS, findSession } from "../../domain/console-sessions.js";
import { formToken, isValidFormToken } from "../../http/form-token.js";
import type { Actor } from "../../domain/context.js";
import { DomainError, forbidden } from "../../domain/errors.js";
import type { ConsoleLanguage, ConsoleStrings } from "../../pages/console/strings/index.js";

export const SESSION_COOKIE = "cita_console";
export const FORM_PURPOSE = "console-form";

export interface ConsoleEnv {
  Variables: AppEnv["Variables"] & {
    /** The SHA-256 of the session id: what the session's form tokens are bound to. */
    session: string;
    /** This session's form token, for every form on the page. */
    csrf: string;
    /** The language the console speaks on this request, and its words. */
    lang: ConsoleLanguage;
    t: ConsoleStrings;
  };
}

/** Only schedulers and admins run offices; interviewers have their calendar feed. */
export const mayUseConsole = (actor: Actor) => actor.role === "admin" || actor.role === "scheduler";

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

/** A cookie of the console: HttpOnly, SameSite=Strict, only sent to /console. */
export function setConsoleCookie(c: Context, name: string, value: string, maxAgeMs: number) {
  setCookie(c, name, value, { path: "/console", httpOnly: true, sameSite: "Strict", secure: isHttps(c), maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearConsoleCookie(c: Context, name: string) {
  deleteCookie(c, name, { path: "/console", secure: isHttps(c) });
}

export const startSession = (c: Context, sessionId: string) => setConsoleCookie(c, SESSION_COOKIE, sessionId, SESSION_MAX_MS);

/** The live session the request's cookie names, or null. */
export async function sessionOf(c: Context<ConsoleEnv>) {
  const id = getCookie(c, SESSION_COOKIE);
  return id ? findSession(c.var.deps, id) : null;
}

/** A POST sent by another site's page (the browser says so) is refused before anything else. */
export function assertSameSite(c: Context<ConsoleEnv>) {
  const site = c.req.header("sec-fetch-site");
  if (c.req.method === "POST" && site !== undefined && site !== "same-origin" && site !== "none") {
    throw forbidden(c.var.t.errors.crossSite);
  }
}

/** Thrown when nobody is signed in; the console's error handler sends them to the sign-in page. */
export class SignInRequired extends Error {}

/** Signed-in staff only; on a POST, the form token must match the session. */
export const signedIn = createMiddleware<ConsoleEnv>(async (c, next) => {
  assertSameSite(c);
  const session = await sessionOf(c);
  if (!session) throw new SignInRequired();
  const { actor, idHash } = session;
  if (!mayUseConsole(actor)) throw forbidden(c.var.t.signIn.notForRole);
  c.set("actor", actor);
  c.set("session", idHash);
  if (c.req.method === "POST") {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!(await isValidFormToken(c.var.deps, FORM_PURPOSE, idHash, form.csrf))) {
      throw new DomainError("forbidden", c.var.t.errors.formExpired);
    }
  }
  c.set("csrf", await formToken(c.var.deps, FORM_PURPOSE, idHash));
  await next();
});
