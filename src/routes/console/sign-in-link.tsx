// The emailed sign-in link: GET /console/sign-in/link/{id.secret} shows a page with one button
// (a mail scanner that follows links signs nobody in and uses nothing up), POST signs in.
// The link works only in the browser that asked for it: the cookie set then is SameSite=Lax, so
// it comes along when the link is opened from a webmail page, and the link row keeps its hash.
import type { Context } from "hono";
import type { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { htmlPage } from "../../pages/render.js";
import { LinkPage, SignInRefusedPage } from "../../pages/console/sign-in.js";
import { formToken, isValidFormToken } from "../../http/form-token.js";
import { checkSignInLink, useSignInLink, LINK_TTL_MS, type LinkRefusal } from "../../domain/sign-in-links.js";
import { randomToken } from "../../lib/ids.js";
import { assertSameSite, startSession, type ConsoleEnv } from "./session.js";

export const LINK_COOKIE = "cita_console_link";
const LINK_PURPOSE = "console-sign-in-link";

export const linkCookieOf = (c: Context) => {
  const value = getCookie(c, LINK_COOKIE);
  return value && value.length <= 100 ? value : undefined;
};

/** Sets (or renews) this browser's link cookie; answers its value. */
export function setLinkCookie(c: Context, value = randomToken("lb")): string {
  const secure = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
  setCookie(c, LINK_COOKIE, value, { path: "/console/sign-in", httpOnly: true, sameSite: "Lax", secure, maxAge: LINK_TTL_MS / 1000 });
  return value;
}

const STATUS: Record<LinkRefusal, 400 | 403 | 404 | 410> = { invalid: 404, used: 410, expired: 410, "other-browser": 403, disabled: 403 };

function refused(c: Context<ConsoleEnv>, why: LinkRefusal) {
  const w = c.var.t.signInWays;
  const text = { invalid: w.linkInvalid, used: w.linkUsed, expired: w.linkExpired, "other-browser": w.linkOtherBrowser, disabled: w.accountDisabled }[why];
  return htmlPage(c, STATUS[why], <SignInRefusedPage text={text} page={{ lang: c.var.lang, here: "/console/sign-in" }} />);
}

export function registerSignInLink(console: Hono<ConsoleEnv>) {
  console.get("/sign-in/link/:token", async (c) => {
    const token = c.req.param("token");
    const browser = linkCookieOf(c);
    const checked = await checkSignInLink(c.var.deps, token, browser);
    if ("refused" in checked) return refused(c, checked.refused);
    const csrf = await formToken(c.var.deps, LINK_PURPOSE, browser!);
    const here = `/console/sign-in/link/${encodeURIComponent(token)}`;
    return htmlPage(c, 200, <LinkPage action={here} csrf={csrf} page={{ lang: c.var.lang, here }} />);
  });

  console.post("/sign-in/link/:token", async (c) => {
    assertSameSite(c);
    const browser = linkCookieOf(c);
    const form = await c.req.parseBody();
    if (!browser || !(await isValidFormToken(c.var.deps, LINK_PURPOSE, browser, form.csrf))) return refused(c, "other-browser");
    const used = await useSignInLink(c.var.deps, c.req.param("token"), browser);
    if ("refused" in used) return refused(c, used.refused);
    startSession(c, used.sessionId);
    return c.redirect("/console", 303);
  });
}
