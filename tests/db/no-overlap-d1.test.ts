// The same triggers on D1 (Miniflare's local D1, in process): D1 words the refusal its own way,
// and the booking path must still read it and answer 409, never 500.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { manualClock } from "../../src/clock.js";
import { readConfig } from "../../src/config.js";
import { openD1, type D1Like } from "../../src/db/d1.js";
import { migrationsFolder } from "../../src/db/sqlite.js";
import { takenResource } from "../../src/domain/booking/overlap.js";
import { silentLogger } from "../../src/lib/logger.js";
import { createProcessState } from "../../src/process-state.js";
import { gate } from "../helpers/gate.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";

let mf: Miniflare;
let d1: Awaited<ReturnType<Miniflare["getD1Database"]>>;

beforeAll(async () => {
  mf = new Miniflare({ modules: true, script: "export default { fetch: () => new Response('') }", d1Databases: ["DB"] });
  d1 = await mf.getD1Database("DB");
  // Every migration, statement by statement, as wrangler applies them to a D1 database.
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    for (const chunk of readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8").split("--> statement-breakpoint")) {
      if (chunk.replace(/--.*$/gm, "").trim()) await d1.prepare(chunk).run();
    }
  }
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
});

function d1App(wrap?: ReturnType<typeof gate>) {
  const database = openD1(d1 as unknown as D1Like);
  const config = { ...readConfig({}), adminToken: "d1-admin", linkSecret: "d1-link-secret", publicUrl: "http://cita.test" };
  const deps = {
    database: wrap ? wrap(database) : database,
    clock: manualClock(Date.parse("2026-11-23T12:00:00Z")),
    mailer: null,
    sms: null,
    config,
    logger: silentLogger,
    state: createProcessState(),
  };
  const app = createApp(deps);
  return async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: "Bearer d1-admin", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
}

describe("the no-overlap triggers on D1", () => {
  it("let one of 12 racing bookings of one interviewer's hour through and answer the others 409", async () => {
    const call = d1App();
    for (const [path, body] of [
      ["/v1/offices", bogota()],
      ["/v1/services", counseling()],
      ["/v1/staff", counselor()],
    ] as const)
      expect((await call("POST", path, body)).status).toBe(201);
    expect((await call("PUT", "/v1/staff/ana/availability", [weekdays])).status).toBe(200);
    const cases: string[] = [];
    for (let i = 0; i < 12; i++) cases.push((await call("POST", "/v1/cases", applicantCase())).json.id);

    const racer = d1App(gate(12));
    const starts = ["2026-12-07T10:00:00-05:00", "2026-12-07T10:30:00-05:00"];
    const results = await Promise.all(
      cases.map((caseId, i) => racer("POST", "/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", start: starts[i % 2], staffId: "ana" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.json.type).toBe("/problems/slot-taken");
    const { results: overlaps } = await d1
      .prepare(
        `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.staff_id = y.staff_id AND x.id < y.id
         WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
      )
      .bind()
      .all<{ n: number }>();
    expect(overlaps[0]!.n).toBe(0);
  });

  it("word the refusal so that takenResource reads it", async () => {
    const { results } = await d1.prepare("SELECT * FROM appointments WHERE status = 'scheduled' LIMIT 1").bind().all<Record<string, unknown>>();
    const row = { ...results[0], id: "apt_d1_raw", uid: "raw@cita", status: "scheduled" };
    const columns = Object.keys(row);
    const insert = d1.prepare(`INSERT INTO appointments (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).bind(...Object.values(row));
    const error = await d1.batch([insert]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/slot-taken: staff/);
    expect(takenResource(error)).toBe("staff");
  });
});
