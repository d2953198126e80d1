// A fresh app on a fresh SQLite file for every test, driven through app.request().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { manualClock } from "../../src/clock.js";
import { readConfig } from "../../src/config.js";
import { openSqlite } from "../../src/db/sqlite.js";
import { silentLogger } from "../../src/lib/logger.js";

export const ADMIN = "test-admin-token";

export interface Call {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export function makeApp(options: { now?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cita-test-"));
  const file = join(dir, "cita.db");
  const database = openSqlite(file);
  const clock = manualClock(Date.parse(options.now ?? "2026-11-23T12:00:00Z"));
  const config = { ...readConfig({}), adminToken: ADMIN, publicUrl: "http://cita.test" };
  const app = createApp({ database, clock, mailer: null, sms: null, config, logger: silentLogger });

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
