// Sign-in through the organisation's identity provider (OpenID Connect, CITA_OIDC_*):
// GET /console/sign-in/oidc starts (state, nonce and PKCE verifier kept server-side, bound to a
// short-lived cookie of this browser; a GET because the pages' CSP, form-action 'self', stops a
// form from redirecting to the provider), the provider sends the browser back to
// GET /console/sign-in/oidc/callback. The person is the one enabled Cita user with the verified
// email; their role and offices are Cita's. Any failed check is a refusal page and no session.
import type { Context } from "hono";
import type { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { htmlPage } from "../../pages/render.js";
import { SignInRefusedPage, SignedInPage } from "../../pages/console/sign-in.js";
import { beginOidc, finishOidc } from "../../http/oidc.js";
import { OIDC_TTL_MS, rememberOidcStart, takeOidcStart } from "../../domain/oidc-sign-ins.js";
import { openSession } from "../../domain/console-sessions.js";
import { enabledUserByEmail } from "../../domain/users.js";
import { actorOf } from "../../domain/tokens.js";
import { randomToken } from "../../lib/ids.js";
import { DomainError } from "../../domain/errors.js";
import { PRE_SESSION_COOKIE, safeNext } from "./sign-in.js";
import { clearConsoleCookie, mayUseConsole, startSession, type ConsoleEnv } from "./session.js";

const OIDC_COOKIE = "cita_console_oidc";
const COOKIE_PATH = "/console/sign-in/oidc";

function refused(c: Context<ConsoleEnv>, status: 400 | 401 | 403, text: string) {
  return htmlPage(c, status, <SignInRefusedPage text={text} page={{ lang: c.var.lang, here: "/console/sign-in" }} />);
}

const oidcOf = (c: Context<ConsoleEnv>) => {
  const oidc = c.var.deps.config.oidc;
  if (!oidc) throw new DomainError("not-found", c.var.t.errors.noSuchPage);
  return oidc;
};

export function registerSignInOidc(console: Hono<ConsoleEnv>) {
  // Starting needs no form token: what protects the sign-in is the callback's state, bound to
  // the cookie set here, so a start another site caused can only sign the browser's own person in.
  console.get("/sign-in/oidc", async (c) => {
    const oidc = oidcOf(c);
    const next = safeNext(c.req.query("next"));
    const start = await beginOidc(c.var.deps, oidc);
    // SameSite=Lax: the provider's redirect back is a navigation from another site.
    const browser = randomToken("ob");
    const secure = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
    setCookie(c, OIDC_COOKIE, browser, { path: COOKIE_PATH, httpOnly: true, sameSite: "Lax", secure, maxAge: OIDC_TTL_MS / 1000 });
    await rememberOidcStart(c.var.deps, browser, { ...start, next });
    return c.redirect(start.url, 303);
  });

  console.get("/sign-in/oidc/callback", async (c) => {
    const oidc = oidcOf(c);
    const w = c.var.t.signInWays;
    if (c.req.query("error")) return refused(c, 401, w.providerRefused);
    const started = await takeOidcStart(c.var.deps, c.req.query("state"), getCookie(c, OIDC_COOKIE));
    if (!started) return refused(c, 400, w.providerState);
    let identity;
    try {
      identity = await finishOidc(c.var.deps, oidc, new URL(c.req.url).search, started);
    } catch (error) {
      c.var.deps.logger.info("identity provider sign-in refused", { requestId: c.var.requestId, error: error instanceof Error ? error.message : String(error) });
      return refused(c, 401, w.providerUnchecked);
    }
    if (!identity.email || !identity.emailVerified) return refused(c, 403, w.emailUnverified);
    const user = await enabledUserByEmail(c.var.deps, identity.email);
    if (!user) return refused(c, 403, w.noAccount);
    const actor = actorOf(user);
    if (!mayUseConsole(actor)) return refused(c, 403, c.var.t.signIn.notForRole);
    startSession(c, await openSession(c.var.deps, { actor, method: "oidc" }));
    clearConsoleCookie(c, PRE_SESSION_COOKIE);
    return htmlPage(c, 200, <SignedInPage name={user.name} next={started.next} page={{ lang: c.var.lang, here: started.next }} />);
  });
}
