// The Cloudflare Workers entry point: the same app on a D1 binding; the cron trigger runs the
// dispatcher. Migrations are applied by wrangler from drizzle/ (wrangler d1 migrations apply).
import { createApp } from "./app.js";
import { startingClock, type Clock } from "./clock.js";
import { readConfig } from "./config.js";
import { openD1, type D1Like } from "./db/d1.js";
import { jsonLogger } from "./lib/logger.js";

export interface Env {
  DB: D1Like;
  [variable: string]: unknown;
}

type App = ReturnType<typeof createApp>;
let cached: { env: Env; app: App } | null = null;

/** One app per isolate, built on first use from the environment. */
function appFor(env: Env): App {
  if (cached?.env === env) return cached.app;
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const config = readConfig(vars);
  const clock: Clock = config.now !== null ? startingClock(config.now, () => Date.now()) : { now: () => Date.now() };
  const app = createApp({ database: openD1(env.DB), clock, mailer: null, sms: null, config, logger: jsonLogger() });
  cached = { env, app };
  return app;
}

export default {
  fetch(request: Request, env: Env, ctx: unknown) {
    return appFor(env).fetch(request, env, ctx as never);
  },
};
