// The Cloudflare Workers entry point: the same app on a D1 binding, and a cron trigger that
// runs the outbox dispatcher. Mail goes through an HTTP mail API (Workers have no SMTP);
// text messages through the same Twilio-compatible sender as on Node. Migrations are applied
// by wrangler from drizzle/ (wrangler d1 migrations apply).
import { createApp } from "./app.js";
import { startingClock, type Clock } from "./clock.js";
import { workerConfig } from "./config.js";
import { openD1, type D1Like } from "./db/d1.js";
import type { Deps } from "./deps.js";
import { jsonLogger } from "./lib/logger.js";
import { dispatchDue } from "./notify/dispatcher.js";
import { sweepOffers } from "./domain/offers-sweep.js";
import { describe } from "./notify/errors.js";
import { mailApiFromConfig } from "./notify/mail-api.js";
import { smsFromConfig } from "./notify/senders.js";
import { createProcessState } from "./process-state.js";

export interface Env {
  DB: D1Like;
  [variable: string]: unknown;
}

interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

type App = ReturnType<typeof createApp>;
let cached: { env: Env; deps: Deps; app: App } | null = null;

/** One app per isolate, built on first use from the environment. */
function forEnv(env: Env) {
  if (cached?.env === env) return cached;
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  // Only CF-Connecting-IP names the client here (see workerConfig), whatever CITA_TRUST_PROXY says.
  const config = workerConfig(vars);
  const logger = jsonLogger();
  const clock: Clock = config.now !== null ? startingClock(config.now, () => Date.now()) : { now: () => Date.now() };
  const deps: Deps = { database: openD1(env.DB), clock, mailer: mailApiFromConfig(config), sms: smsFromConfig(config, logger), config, logger, state: createProcessState() };
  cached = { env, deps, app: createApp(deps) };
  return cached;
}

export default {
  fetch(request: Request, env: Env, ctx: WaitUntil) {
    return forEnv(env).app.fetch(request, env, ctx as never);
  },
  scheduled(_event: unknown, env: Env, ctx: WaitUntil) {
    const { deps } = forEnv(env);
    ctx.waitUntil(
      sweepOffers(deps)
        .catch((error: unknown) => deps.logger.error("offer sweep failed", { error: describe(error) }))
        .then(() => dispatchDue(deps))
        .then(
          (report) => deps.logger.info("dispatcher run", report),
          (error) => deps.logger.error("dispatcher run failed", { error: describe(error) }),
        ),
    );
  },
};
