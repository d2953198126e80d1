// Two server processes on one SQLite file, one Idempotency-Key and body sent to both at once:
// the key is claimed in one atomic statement, so exactly one case is made, trial after trial.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { applicantCase, bogota } from "../helpers/fixtures.js";

const TRIALS = 5;
const REQUESTS = 16;
const servers: RunningServer[] = [];
beforeAll(async () => {
  const env = { CITA_ADMIN_TOKEN: "idem-admin", CITA_NOW: "2026-11-23T12:00:00Z" };
  servers.push(await startServer(env));
  servers.push(await startServer(env, { db: servers[0]!.db }));
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

const post = async (base: string, path: string, body: unknown, key?: string) => {
  const headers: Record<string, string> = { authorization: "Bearer idem-admin", "content-type": "application/json" };
  if (key) headers["idempotency-key"] = key;
  const res = await fetch(base + path, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
};

describe("one Idempotency-Key across two processes", () => {
  it(`makes exactly one case per key in ${TRIALS} trials of ${REQUESTS} concurrent identical requests`, async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    expect((await post(a.url, "/v1/offices", bogota())).status).toBe(201);
    const db = new BetterSqlite3(a.db, { readonly: true });
    const cases = () => (db.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        const before = cases();
        const body = applicantCase({ householdSize: trial + 1 });
        const answers = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => post(i % 2 ? b.url : a.url, "/v1/cases", body, `case-trial-${trial}`)));
        const created = answers.filter((r) => r.status === 201);
        expect(created.length, `trial ${trial}`).toBeGreaterThan(0);
        expect(new Set(created.map((r) => r.text)).size, `trial ${trial}: one answer for all`).toBe(1);
        for (const r of answers.filter((r) => r.status !== 201)) {
          expect(r.status, r.text).toBe(409);
          expect(JSON.parse(r.text).detail).toMatch(/still in progress/);
        }
        expect(cases() - before, `trial ${trial}`).toBe(1);
      }
    } finally {
      db.close();
    }
  }, 120_000);
});
