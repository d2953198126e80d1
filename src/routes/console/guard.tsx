// Every console failure ends as a page: no session → the sign-in page; a refusal → the reason;
// anything else → a short apology, with the details only in the log.
import type { ErrorHandler } from "hono";
import { htmlPage } from "../../pages/render.js";
import { ConsoleMessagePage } from "../../pages/console/message.js";
import { SignInRequired, type ConsoleEnv } from "./session.js";
import { consoleChrome } from "./render.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { consoleStrings, type ConsoleStrings } from "../../pages/console/strings/index.js";

/** The page's title for a refusal's status, in the console's language. */
function titleOf(t: ConsoleStrings, status: number): string {
  const titles: Record<number, string> = { 403: t.errors.notAllowed, 404: t.errors.notFound, 409: t.errors.notPossible, 422: t.errors.checkForm };
  return titles[status] ?? t.errors.refused;
}

export const consoleErrors: ErrorHandler<ConsoleEnv> = (error, c) => {
  // Set by the first middleware; a failure before it speaks English.
  const t = c.var.t ?? consoleStrings.en;
  // The switch leads to the console's front door: a refusal never repeats the address refused.
  const page = { lang: c.var.lang ?? "en", here: "/console" };
  if (error instanceof SignInRequired) {
    const next = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/console";
    return c.redirect(`/console/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  if (error instanceof DomainError && error.kind !== "internal") {
    // Signed in (the session and its form token are set): the refusal keeps the console's navigation.
    const chrome = c.var.actor && c.var.csrf ? consoleChrome(c, page.here) : undefined;
    return htmlPage(c, statusOf(error), <ConsoleMessagePage title={titleOf(t, statusOf(error))} text={error.detail} page={page} chrome={chrome} />);
  }
  c.var.deps.logger.error("console page failed", {
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    error: error instanceof Error ? error.stack : String(error),
  });
  return htmlPage(c, 500, <ConsoleMessagePage title={t.errors.failedTitle} text={t.errors.failedText} page={page} />);
};
