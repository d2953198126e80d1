// The console's language: the one staff chose with the switch on every page (kept in a cookie,
// a preference and nothing more), else the browser's Accept-Language, else English.
// GET /console/language?to=es&next=/console/day… sets it and goes back to the page.
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { consoleLanguageOf, consoleStrings, isConsoleLanguage, type ConsoleLanguage } from "../../pages/console/strings/index.js";
import { setConsoleCookie, type ConsoleEnv } from "./session.js";
import { consolePath } from "./sign-in.js";

export const LANGUAGE_COOKIE = "cita_console_lang";
const YEAR_MS = 365 * 86_400_000;

/** The request's console language, from the cookie, then Accept-Language, then English. */
export const consoleLanguage = createMiddleware<ConsoleEnv>(async (c, next) => {
  const chosen = getCookie(c, LANGUAGE_COOKIE);
  const lang: ConsoleLanguage = isConsoleLanguage(chosen) ? chosen : (consoleLanguageOf(c.req.header("accept-language")) ?? "en");
  c.set("lang", lang);
  c.set("t", consoleStrings[lang]);
  await next();
});

export function registerLanguage(console: Hono<ConsoleEnv>) {
  // A GET: it only changes how pages read, so a link works with no form token and no session.
  console.get("/language", (c) => {
    const to = c.req.query("to");
    if (isConsoleLanguage(to)) setConsoleCookie(c, LANGUAGE_COOKIE, to, YEAR_MS);
    return c.redirect(consolePath(c.req.query("next")) ?? "/console", 303);
  });
}
