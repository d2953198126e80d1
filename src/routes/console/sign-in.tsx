// GET/POST /console/sign-in and POST /console/sign-out (signed in, with its form token).
// The sign-in form carries a form token bound to a random pre-session cookie, so another site
// cannot sign a browser in to an account of its choosing (login CSRF) even where the browser
// sends no Sec-Fetch-Site. Signing in opens a server-side session; signing out deletes it.
import type { Context } from "hono";
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { htmlPage } from "../../pages/render.js";
import { SignInPage } from "../../pages/console/message.js";
import { FORM_BUCKET_MS, formToken, isValidFormToken } from "../../http/form-token.js";
import { closeSession, openSession } from "../../domain/console-sessions.js";
import { randomToken } from "../../lib/ids.js";
import { SESSION_COOKIE, assertSameSite, clearConsoleCookie, mayUseConsole, sessionOf, setConsoleCookie, startSession, type ConsoleEnv } from "./session.js";
import { credentialFor } from "../../domain/tokens.js";

const BASE = "http://console.invalid";
export const PRE_SESSION_COOKIE = "cita_console_sign_in";
export const SIGN_IN_PURPOSE = "console-sign-in";

/**
 * A path inside the console, read as a browser would (dot segments and %2e resolved), else
 * null: never another site (open redirect), a scheme-relative URL or another part of the service.
 */
export function consolePath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  const url = new URL(value, BASE);
  return url.origin === BASE && /^\/console(\/|$)/.test(url.pathname) ? url.pathname + url.search : null;
}

const safeNext = (next: unknown) => consolePath(next) ?? "/console";

const preSessionOf = (c: Context) => {
  const value = getCookie(c, PRE_SESSION_COOKIE);
  return value && value.length <= 100 ? value : undefined;
};

/** The sign-in page, its form bound to this browser's pre-session cookie (made when missing). */
async function signInPage(c: Context<ConsoleEnv>, status: 200 | 401 | 403, next: string, error?: string) {
  let pre = preSessionOf(c);
  if (!pre) {
    pre = randomToken("pre");
    // As long as a form token can live: the form keeps working while its token does.
    setConsoleCookie(c, PRE_SESSION_COOKIE, pre, 2 * FORM_BUCKET_MS);
  }
  const csrf = await formToken(c.var.deps, SIGN_IN_PURPOSE, pre);
  // The switch comes back to the form with the same `next`.
  const page = { lang: c.var.lang, here: `/console/sign-in?${new URLSearchParams({ next })}` };
  return htmlPage(c, status, <SignInPage next={next} csrf={csrf} error={error} page={page} />);
}

export function registerSignIn(console: Hono<ConsoleEnv>) {
  console.get("/sign-in", async (c) => {
    const next = safeNext(c.req.query("next"));
    const session = await sessionOf(c);
    if (session && mayUseConsole(session.actor)) return c.redirect(next, 303);
    return signInPage(c, 200, next);
  });

  console.post("/sign-in", async (c) => {
    assertSameSite(c);
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const pre = preSessionOf(c);
    if (!pre || !(await isValidFormToken(c.var.deps, SIGN_IN_PURPOSE, pre, form.csrf))) {
      return signInPage(c, 403, next, c.var.t.signIn.expired);
    }
    const token = typeof form.token === "string" ? form.token.trim() : "";
    const credential = token ? await credentialFor(c.var.deps, token) : null;
    if (!credential) return signInPage(c, 401, next, c.var.t.signIn.invalid);
    if (!mayUseConsole(credential.actor)) return signInPage(c, 403, next, c.var.t.signIn.notForRole);
    startSession(c, await openSession(c.var.deps, credential));
    clearConsoleCookie(c, PRE_SESSION_COOKIE);
    return c.redirect(next, 303);
  });

  // Behind the console's guard: a live session and its form token.
  console.post("/sign-out", async (c) => {
    await closeSession(c.var.deps, c.var.session);
    clearConsoleCookie(c, SESSION_COOKIE);
    return c.redirect("/console/sign-in", 303);
  });
}
