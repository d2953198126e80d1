// GET /console/sign-in (the ways in), POST /console/sign-in (a staff token: the fallback, useful
// on a fresh install), POST /console/sign-in/email (ask for a link), and POST /console/sign-out.
// Every sign-in form carries a form token bound to a random pre-session cookie, so another site
// cannot sign a browser in to an account of its choosing (login CSRF) even where the browser
// sends no Sec-Fetch-Site. Signing in opens a server-side session; signing out deletes it.
// The emailed link's own pages are sign-in-link.tsx; OpenID Connect is sign-in-oidc.tsx.
import type { Context } from "hono";
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { htmlPage } from "../../pages/render.js";
import { LinkSentPage, SignInPage } from "../../pages/console/sign-in.js";
import { FORM_BUCKET_MS, formToken, isValidFormToken } from "../../http/form-token.js";
import { closeSession, openSession } from "../../domain/console-sessions.js";
import { requestSignInLink } from "../../domain/sign-in-links.js";
import { randomToken } from "../../lib/ids.js";
import { Email } from "../common.js";
import { SESSION_COOKIE, assertSameSite, clearConsoleCookie, mayUseConsole, sessionOf, setConsoleCookie, startSession, type ConsoleEnv } from "./session.js";
import { credentialFor } from "../../domain/tokens.js";
import { linkCookieOf, setLinkCookie } from "./sign-in-link.js";

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

export const safeNext = (next: unknown) => consolePath(next) ?? "/console";

export const preSessionOf = (c: Context) => {
  const value = getCookie(c, PRE_SESSION_COOKIE);
  return value && value.length <= 100 ? value : undefined;
};

/** The sign-in page, its forms bound to this browser's pre-session cookie (made when missing). */
export async function signInPage(c: Context<ConsoleEnv>, status: 200 | 401 | 403 | 422, next: string, error?: string, more: { email?: string; tokenOpen?: boolean } = {}) {
  let pre = preSessionOf(c);
  if (!pre) {
    pre = randomToken("pre");
    // As long as a form token can live: the form keeps working while its token does.
    setConsoleCookie(c, PRE_SESSION_COOKIE, pre, 2 * FORM_BUCKET_MS);
  }
  const csrf = await formToken(c.var.deps, SIGN_IN_PURPOSE, pre);
  // The switch comes back to the form with the same `next`.
  const page = { lang: c.var.lang, here: `/console/sign-in?${new URLSearchParams({ next })}` };
  return htmlPage(c, status, <SignInPage forms={{ next, csrf, error, ...more, oidc: c.var.deps.config.oidc !== null }} page={page} />);
}

/** A sign-in form's POST: from this site, with the form token of this browser's pre-session cookie. */
export async function signInForm(c: Context<ConsoleEnv>): Promise<{ form: Record<string, unknown>; next: string; valid: boolean }> {
  assertSameSite(c);
  const form = await c.req.parseBody();
  const pre = preSessionOf(c);
  const valid = pre !== undefined && (await isValidFormToken(c.var.deps, SIGN_IN_PURPOSE, pre, form.csrf));
  return { form, next: safeNext(form.next), valid };
}

export function registerSignIn(console: Hono<ConsoleEnv>) {
  console.get("/sign-in", async (c) => {
    const next = safeNext(c.req.query("next"));
    const session = await sessionOf(c);
    if (session && mayUseConsole(session.actor)) return c.redirect(next, 303);
    return signInPage(c, 200, next);
  });

  console.post("/sign-in", async (c) => {
    const { form, next, valid } = await signInForm(c);
    const open = { tokenOpen: true };
    if (!valid) return signInPage(c, 403, next, c.var.t.signIn.expired, open);
    const token = typeof form.token === "string" ? form.token.trim() : "";
    const credential = token ? await credentialFor(c.var.deps, token) : null;
    if (!credential) return signInPage(c, 401, next, c.var.t.signIn.invalid, open);
    if (!mayUseConsole(credential.actor)) return signInPage(c, 403, next, c.var.t.signIn.notForRole, open);
    startSession(c, await openSession(c.var.deps, { ...credential, method: "token" }));
    clearConsoleCookie(c, PRE_SESSION_COOKIE);
    return c.redirect(next, 303);
  });

  // The same answer whether or not the address is known: the page tells nobody who has an account.
  console.post("/sign-in/email", async (c) => {
    const { form, next, valid } = await signInForm(c);
    if (!valid) return signInPage(c, 403, next, c.var.t.signIn.expired);
    const email = typeof form.email === "string" ? form.email.trim() : "";
    if (!Email.safeParse(email).success) return signInPage(c, 422, next, c.var.t.signInWays.emailInvalid, { email: email.slice(0, 254) });
    // The link works only where this cookie is: a new one unless this browser already has one.
    const browser = setLinkCookie(c, linkCookieOf(c));
    await requestSignInLink(c.var.deps, { email, browserSecret: browser, language: c.var.lang });
    return c.redirect("/console/sign-in/email", 303);
  });

  console.get("/sign-in/email", (c) => htmlPage(c, 200, <LinkSentPage page={{ lang: c.var.lang, here: "/console/sign-in/email" }} />));

  // Behind the console's guard: a live session and its form token.
  console.post("/sign-out", async (c) => {
    await closeSession(c.var.deps, c.var.session);
    clearConsoleCookie(c, SESSION_COOKIE);
    return c.redirect("/console/sign-in", 303);
  });
}
