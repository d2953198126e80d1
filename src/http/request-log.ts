// Every answer carries an X-Request-Id (a sane incoming one is kept, so a proxy's id follows the
// request through), and every request leaves one access line and its figures in /metrics.
// Lines name the route pattern, never the raw path: paths and queries carry tokens (/a/:token,
// feed.ics?token=), and nothing here reads a body, a header value or an address.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { requestId } from "hono/request-id";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./context.js";
import { httpMetricsFor } from "./metrics.js";

/** Letters, digits, '-', '_' and '=' only, at most 128 of them; anything else gets a fresh UUID. */
export const requestIds = requestId({ limitLength: 128 });

/** The pattern of the route that answered (`/v1/offices/:id`), or "unmatched" (a 404 for no route). */
export function routeOf(c: Context): string {
  // Middleware is registered for every method ("ALL"); the first route with a method answered.
  const route = matchedRoutes(c).find((r) => r.method !== "ALL");
  return route?.path ?? "unmatched";
}

export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  // On Workers the clock only moves across I/O, so a request without any reads as 0 ms.
  const seconds = (performance.now() - started) / 1000;
  const { method } = c.req;
  const route = routeOf(c);
  const status = c.res.status;
  httpMetricsFor(c.var.deps).observe(method, route, status, seconds);
  c.var.deps.logger.info("request", { requestId: c.var.requestId, method, route, status, ms: Math.round(seconds * 10_000) / 10 });
});
