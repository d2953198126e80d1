// GET/POST /console/sign-in and POST /console/sign-out (signed in, with its form token).
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { htmlPage } from "../../pages/render.js";
import { SignInPage } from "../../pages/console/message.js";
import { actorForToken } from "../../http/auth.js";
import { SESSION_COOKIE, assertSameSite, endSession, mayUseConsole, startSession, type ConsoleEnv } from "./session.js";

const BASE = "http://console.invalid";

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

export function registerSignIn(console: Hono<ConsoleEnv>) {
  console.get("/sign-in", async (c) => {
    const next = safeNext(c.req.query("next"));
    const token = getCookie(c, SESSION_COOKIE);
    const actor = token ? await actorForToken(c.var.deps, token) : null;
    if (actor && mayUseConsole(actor)) return c.redirect(next, 303);
    return htmlPage(c, 200, <SignInPage next={next} />);
  });

  console.post("/sign-in", async (c) => {
    assertSameSite(c);
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const token = typeof form.token === "string" ? form.token.trim() : "";
    const actor = token ? await actorForToken(c.var.deps, token) : null;
    if (!actor) return htmlPage(c, 401, <SignInPage next={next} error="That token is not valid. Check it and try again." />);
    if (!mayUseConsole(actor)) return htmlPage(c, 403, <SignInPage next={next} error="The console is for schedulers and admins." />);
    startSession(c, token);
    return c.redirect(next, 303);
  });

  console.post("/sign-out", (c) => {
    endSession(c);
    return c.redirect("/console/sign-in", 303);
  });
}
