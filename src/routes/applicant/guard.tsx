// What stands in front of the applicant pages: rate limits, and the handler that turns every
// failure into a page in the applicant's language (never JSON, never a token in a log line).
import type { Context, ErrorHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../http/context.js";
import { htmlPage } from "../../pages/render.js";
import { MessagePage, NotFoundPage, ServerErrorPage, TooManyPage } from "../../pages/applicant/message.js";
import { strings } from "../../pages/strings/index.js";
import { LinkNotFound, anonymousLanguage, redactedPath } from "./open.js";
import { clientAddress } from "./client-address.js";
import { limitersFor } from "./rate-limit.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";

/** Counts every request per client address and per link (bad links too), before any work. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const { deps } = c.var;
  const now = deps.clock.now();
  const limiters = limitersFor(deps);
  const token = c.req.path.split("/")[2] ?? "";
  const wait = limiters.address.hit(`ip:${clientAddress(c)}`, now) || (token ? limiters.link.hit(`link:${token.slice(0, 300)}`, now) : 0);
  if (wait > 0) {
    return htmlPage(c, 429, <TooManyPage lang={anonymousLanguage(c)} minutes={Math.ceil(wait / 60_000)} />, { "retry-after": String(Math.ceil(wait / 1000)) });
  }
  await next();
});

/** The one page for every link that opens nothing: bad, altered, expired, revoked, or no such path. */
export const notFoundPage = (c: Context) => htmlPage(c, 404, <NotFoundPage lang={anonymousLanguage(c)} />);

export const tooLargePage = (c: Context) => htmlPage(c, 413, <ServerErrorPage lang={anonymousLanguage(c)} />);

export const pageErrors: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof LinkNotFound) return notFoundPage(c);
  const lang = anonymousLanguage(c);
  if (error instanceof DomainError && error.kind !== "internal") {
    return htmlPage(c, statusOf(error), <MessagePage lang={lang} title={strings[lang].errorTitle} text={strings[lang].notAllowed} />);
  }
  c.var.deps.logger.error("applicant page failed", {
    requestId: c.var.requestId,
    method: c.req.method,
    path: redactedPath(c.req.path),
    error: error instanceof Error ? error.stack : String(error),
  });
  return htmlPage(c, 500, <ServerErrorPage lang={lang} />);
};
