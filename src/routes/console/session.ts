// Staff sign in to the console with their API token, kept in an HttpOnly, SameSite=Strict cookie
// scoped to /console. The token is checked on every request (the same lookup as the API's bearer
// tokens), so a revoked or rotated token ends the session at once. Every POST must come from a
// page of this site (Sec-Fetch-Site) and carry the session's form token.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Actor, AppEnv } from "../../http/context.js";
import { actorForToken } from "../../http/auth.js";
import { formToken, isValidFormToken } from "../../http/form-token.js";
import { Problem, forbidden } from "../../http/problem.js";

export const SESSION_COOKIE = "cita_console";
const SESSION_HOURS = 12;
export const FORM_PURPOSE = "console-form";

export interface ConsoleEnv {
  Variables: AppEnv["Variables"] & {
    /** The signed-in token: what the session's form tokens are bound to. */
    session: string;
    /** This session's form token, for every form on the page. */
    csrf: string;
  };
}

/** Only schedulers and admins run offices; interviewers have their calendar feed. */
export const mayUseConsole = (actor: Actor) => actor.role === "admin" || actor.role === "scheduler";

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

export function startSession(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, { path: "/console", httpOnly: true, sameSite: "Strict", secure: isHttps(c), maxAge: SESSION_HOURS * 3600 });
}

export function endSession(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/console", secure: isHttps(c) });
}

/** A POST sent by another site's page (the browser says so) is refused before anything else. */
export function assertSameSite(c: Context) {
  const site = c.req.header("sec-fetch-site");
  if (c.req.method === "POST" && site !== undefined && site !== "same-origin" && site !== "none") {
    throw forbidden("Forms of the console can only be sent from the console itself.");
  }
}

/** Thrown when nobody is signed in; the console's error handler sends them to the sign-in page. */
export class SignInRequired extends Error {}

/** Signed-in staff only; on a POST, the form token must match the session. */
export const signedIn = createMiddleware<ConsoleEnv>(async (c, next) => {
  assertSameSite(c);
  const token = getCookie(c, SESSION_COOKIE);
  const actor = token ? await actorForToken(c.var.deps, token) : null;
  if (!token || !actor) throw new SignInRequired();
  if (!mayUseConsole(actor)) throw forbidden("The console is for schedulers and admins.");
  c.set("actor", actor);
  c.set("session", token);
  if (c.req.method === "POST") {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!(await isValidFormToken(c.var.deps, FORM_PURPOSE, token, form.csrf))) {
      throw new Problem(403, "forbidden", "This form has expired or did not come from the console. Open the page again and resend it.");
    }
  }
  c.set("csrf", await formToken(c.var.deps, FORM_PURPOSE, token));
  await next();
});
