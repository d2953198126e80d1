// The Node entry point: better-sqlite3 file, system clock (or CITA_NOW), HTTP on HOST:PORT.
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { startingClock, type Clock } from "./clock.js";
import { readConfig, type Config } from "./config.js";
import { openSqlite } from "./db/sqlite.js";
import { jsonLogger } from "./lib/logger.js";

export function startServer(config: Config = readConfig(process.env)) {
  const logger = jsonLogger();
  const database = openSqlite(config.dbPath);
  const clock: Clock = config.now !== null ? startingClock(config.now, () => performance.now()) : { now: () => Date.now() };
  const app = createApp({ database, clock, mailer: null, sms: null, config, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("listening", { url: `http://${config.host}:${info.port}`, database: config.dbPath });
  });
  const stop = () => {
    server.close();
    database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { app, server, database };
}

if (import.meta.url === `file://${process.argv[1]}`) startServer();
