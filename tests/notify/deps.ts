// Dependencies for calling the dispatcher directly on a test app's database and clock, with the
// senders a test chooses and a logger whose lines the test can read.
import type { Deps } from "../../src/deps.js";
import { readConfig } from "../../src/config.js";
import { jsonLogger } from "../../src/lib/logger.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { createProcessState } from "../../src/process-state.js";
import { ADMIN, type TestApp } from "../helpers/app.js";
import { bookingApp } from "../helpers/booking.js";

/** The same settings makeApp gives its app, so links signed here open there. */
export const testConfig = () => ({ ...readConfig({}), adminToken: ADMIN, linkSecret: "test-link-secret", publicUrl: "http://cita.test", mailFrom: "cita@cita.test" });

export function depsFor(t: TestApp, over: Partial<Deps> = {}): Deps & { logs: string[] } {
  const logs: string[] = [];
  return {
    database: t.database,
    clock: t.clock,
    mailer: null,
    sms: null,
    config: testConfig(),
    logger: jsonLogger((line) => logs.push(line)),
    state: createProcessState(),
    ...over,
    logs,
  };
}

/** A second connection to the same database file, as a second process would have. */
export function secondConnection(t: TestApp) {
  const database = openSqlite(t.file);
  return { database, close: () => database.close() };
}

/** bookingApp with the clock at 10:00 in Bogotá, so text messages about a change are not held back by the quiet hours (20:00–08:00). */
export async function daytimeApp(options?: Parameters<typeof bookingApp>[0]): Promise<TestApp> {
  const t = await bookingApp(options);
  t.clock.set(Date.parse("2026-11-23T15:00:00Z"));
  return t;
}
