// The Node entry point: better-sqlite3 file, system clock (or CITA_NOW), HTTP on HOST:PORT, and
// the outbox dispatcher on a timer (SMTP mail and Twilio-style text messages when configured).
import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import v8 from "node:v8";
import { createApp } from "./app.js";
import { startingClock, type Clock } from "./clock.js";
import { readConfig, type Config } from "./config.js";
import type { Deps } from "./deps.js";
import { openSqlite } from "./db/sqlite.js";
import { createProcessState } from "./process-state.js";
import { stdoutLogger } from "./lib/batched-lines.node.js";
import { nodeHmac } from "./lib/hmac.node.js";
import { startDispatcher } from "./notify/loop.js";
import { smsFromConfig } from "./notify/senders.js";
import { smtpMailer } from "./notify/smtp.node.js";

/**
 * V8 lets the old generation grow to up to 4× what survived the last full collection before it
 * collects again. Under steady load a request's short-lived objects keep being promoted, so the
 * heap (and RSS) climbs to that ceiling although the live data stays flat (~50 MB). Growing
 * by 25% instead keeps RSS near the live size for about 2% of CPU in extra full collections.
 * Read by V8 at every full collection, so setting it at start is enough.
 */
const HEAP_GROWING_PERCENT = 25;

/** How long requests in flight may take to answer after a stop signal before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Closes the listener and waits for every connection to end. A keep-alive connection that is
 * between requests is closed at once (and again as others fall idle), so a client that keeps
 * its connection open cannot hold the process; past the grace period the rest are cut.
 */
function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function startServer(config: Config = readConfig(process.env)) {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const logger = stdoutLogger();
  const database = openSqlite(config.dbPath);
  const clock: Clock = config.now !== null ? startingClock(config.now, () => performance.now()) : { now: () => Date.now() };
  const mailer = config.smtpUrl ? smtpMailer({ url: config.smtpUrl }) : null;
  const deps: Deps = { database, clock, mailer, sms: smsFromConfig(config, logger), config, logger, state: createProcessState(), hmac: nodeHmac };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("listening", { url: `http://${config.host}:${info.port}`, database: config.dbPath, mail: Boolean(mailer), sms: Boolean(deps.sms) });
  });
  const dispatcher = config.dispatchIntervalMs > 0 ? startDispatcher(deps, { intervalMs: config.dispatchIntervalMs }) : null;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping", { signal });
    // Stop accepting, let requests in flight answer and a send in progress finish (its
    // timeouts bound the wait); only then close the database under them.
    await Promise.all([drain(server as Server, SHUTDOWN_GRACE_MS), dispatcher?.stop()]);
    mailer?.close();
    database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", (signal) => void stop(signal));
  process.once("SIGTERM", (signal) => void stop(signal));
  return { app, server, database, dispatcher };
}

if (import.meta.url === `file://${process.argv[1]}`) startServer();
