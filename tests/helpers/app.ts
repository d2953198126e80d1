// A fresh app on a fresh SQLite file for every test, driven through app.request().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Database } from "../../src/db/database.js";
import { createApp } from "../../src/app.js";
import { manualClock } from "../../src/clock.js";
import { readConfig, type Config } from "../../src/config.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createProcessState } from "../../src/process-state.js";

export const ADMIN = "test-admin-token";

export interface Call {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AppOptions {
  now?: string;
  /** Another app's database file: a second connection, as a second process would have. */
  file?: string;
  /** Wraps the database the app sees, e.g. to hold writes back in a race test. */
  wrap?: (database: Database) => Database;
  /** Settings over the test defaults (e.g. an identity provider). */
  config?: Partial<Config>;
}

export function makeApp(options: AppOptions = {}) {
  const dir = options.file ? dirname(options.file) : mkdtempSync(join(tmpdir(), "cita-test-"));
  const file = options.file ?? join(dir, "cita.db");
  const database = openSqlite(file);
  const clock = manualClock(Date.parse(options.now ?? "2026-11-23T12:00:00Z"));
  const config = { ...readConfig({}), adminToken: ADMIN, linkSecret: "test-link-secret", publicUrl: "http://cita.test", ...options.config };
  const deps = { database: options.wrap ? options.wrap(database) : database, clock, mailer: null, sms: null, config, logger: silentLogger, state: createProcessState() };
  const app = createApp(deps);

  async function call(method: string, path: string, { token = ADMIN, body, headers = {} }: Call = {}) {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    if (body !== undefined) {
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  return {
    app,
    deps,
    database,
    clock,
    file,
    call,
    get: (path: string, o?: Call) => call("GET", path, o),
    post: (path: string, body?: unknown, o?: Call) => call("POST", path, { ...o, body }),
    put: (path: string, body?: unknown, o?: Call) => call("PUT", path, { ...o, body }),
    patch: (path: string, body?: unknown, o?: Call) => call("PATCH", path, { ...o, body }),
    del: (path: string, o?: Call) => call("DELETE", path, o),
    close: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = ReturnType<typeof makeApp>;
