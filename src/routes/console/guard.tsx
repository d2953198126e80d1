// Every console failure ends as a page: no session → the sign-in page; a refusal → the reason;
// anything else → a short apology, with the details only in the log.
import type { ErrorHandler } from "hono";
import { htmlPage } from "../../pages/render.js";
import { ConsoleMessagePage } from "../../pages/console/message.js";
import { SignInRequired, type ConsoleEnv } from "./session.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";

const TITLES: Record<number, string> = { 403: "Not allowed", 404: "Not found", 409: "Not possible now", 422: "Please check the form" };

export const consoleErrors: ErrorHandler<ConsoleEnv> = (error, c) => {
  if (error instanceof SignInRequired) {
    const next = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/console";
    return c.redirect(`/console/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  if (error instanceof DomainError && error.kind !== "internal") {
    return htmlPage(c, statusOf(error), <ConsoleMessagePage title={TITLES[statusOf(error)] ?? "Not possible"} text={error.detail} />);
  }
  c.var.deps.logger.error("console page failed", {
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    error: error instanceof Error ? error.stack : String(error),
  });
  return htmlPage(
    c,
    500,
    <ConsoleMessagePage title="Something went wrong" text="The page could not be shown. Open the page again to see what was saved; if this keeps happening, tell your admin." />,
  );
};
