// Booking over HTTP: distinct free slots at 64 connections (book.http.rps, p99, 5xx), the same
// load on the booking limit probe started beside it (probe.book.rps, and book.http.ratio_to_probe,
// the figure that counts), and 64 clients fighting over 8 slots (book.contention: overlaps must be 0).
import BetterSqlite3 from "better-sqlite3";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { startServer } from "../tests/helpers/server.js";
import { BENCH_ADMIN, NOW, buildBenchDb } from "./fixture.js";
import { load } from "./load.js";
import { bookOnProbe, probeSource, startProbe } from "./probe.js";
import type { Emit } from "./run.js";

const headers = { authorization: `Bearer ${BENCH_ADMIN}`, "content-type": "application/json" };

export interface Pair {
  start: string;
  staffId: string;
}

/** Local date ranges of at most 92 days (the slot query's limit). */
const FIRST_QUARTER = [["2026-11-25", "2027-02-20"]] as const;
const EIGHT_MONTHS = [...FIRST_QUARTER, ["2027-02-20", "2027-05-18"], ["2027-05-18", "2027-08-13"]] as const;

/** Free (interviewer, start) pairs that never overlap each other: starts two hours apart (60 min + 10 buffer). */
export async function freePairs(url: string, ranges: readonly (readonly [string, string])[] = FIRST_QUARTER): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const [from, to] of ranges) {
    const res = await fetch(`${url}/v1/slots?service=iom-counseling&office=bogota&from=${from}&to=${to}`, { headers });
    const { slots } = (await res.json()) as { slots: { start: string; localStart: string; staffIds: string[] }[] };
    pairs.push(...slots.filter((s) => /T(08|10|12|14|16):00/.test(s.localStart)).flatMap((s) => s.staffIds.map((staffId) => ({ start: s.start, staffId }))));
  }
  return pairs;
}

/**
 * Both servers are measured warm: a server runs for days, and in its first thousand requests the
 * JIT is still compiling on the machine's other core. The same number of bookings warms each.
 */
export const WARM_UP = 1000;
/** Bookings measured on each server: enough for a p99 of 40 answers. */
const MEASURED = 4000;

export const bookingBody = (caseId: string, p: Pair) => JSON.stringify({ caseId, serviceId: "iom-counseling", officeId: "bogota", ...p });

/** Books each pair once, for the case of the same index, at 64 connections. */
export function bookAll(url: string, pairs: Pair[], caseIds: string[]) {
  let next = 0;
  return load({
    url: `${url}/v1/appointments`,
    method: "POST",
    headers,
    amount: Math.min(pairs.length, caseIds.length),
    requests: [{ setupRequest: ((req: object) => ({ ...req, body: bookingBody(caseIds[next]!, pairs[next++]!) })) as never }],
  });
}

const fiveHundreds = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([s]) => s.startsWith("5"))
    .reduce((n, [, c]) => n + c, 0);

export async function run(emit: Emit, figures: Map<string, number>): Promise<void> {
  const db = await buildBenchDb({ appointments: 3000, cases: 6000 });
  const server = await startServer({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW }, { db });
  try {
    const pairs = await freePairs(server.url, EIGHT_MONTHS);
    const contention = pairs.splice(0, 8);
    const warmUp = pairs.splice(0, WARM_UP);
    // Cases b0–b3999 are measured, b4000–b4999 warm up, b5936–b5999 fight over the contention slots.
    await bookAll(
      server.url,
      warmUp,
      Array.from({ length: warmUp.length }, (_, i) => `case_b${MEASURED + i}`),
    );
    const result = await bookAll(
      server.url,
      pairs,
      Array.from({ length: MEASURED }, (_, i) => `case_b${i}`),
    );
    const booked = result.statuses["201"] ?? 0;
    const health = figures.get("health.rps");
    emit({ name: "book.http.rps", value: Math.round(result.rps), unit: "req/s", connections: 64, booked, statuses: result.statuses });
    emit({ name: "book.http.p99_ms", value: result.p99, unit: "ms", p50_ms: result.p50, target: "< 100" });
    emit({ name: "book.http.5xx", value: fiveHundreds(result.statuses), unit: "responses", target: "0" });
    if (health) emit({ name: "book.http.ratio_to_health", value: Number((result.rps / health).toFixed(3)), unit: "ratio" });

    const probe = await startProbe();
    if (!probe) emit({ name: "probe.book.rps", value: 0, unit: "req/s", skipped: `no probe at ${probeSource}` });
    else {
      try {
        const limit = await bookOnProbe(probe.url, booked, WARM_UP);
        emit({ name: "probe.book.rps", value: Math.round(limit.rps), unit: "req/s", connections: 64, p99_ms: limit.p99, statuses: limit.statuses });
        emit({ name: "book.http.ratio_to_probe", value: Number((result.rps / limit.rps).toFixed(3)), unit: "ratio", target: ">= 0.8" });
      } finally {
        await probe.stop();
        rmSync(dirname(probe.db), { recursive: true, force: true });
      }
    }

    const fights = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        fetch(`${server.url}/v1/appointments`, { method: "POST", headers, body: bookingBody(`case_b${5936 + i}`, contention[i % 8]!) }).then((r) => r.status),
      ),
    );
    const sqlite = new BetterSqlite3(db, { readonly: true });
    const { n: overlaps } = sqlite
      .prepare(
        `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.staff_id = y.staff_id AND x.id < y.id
      WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
      )
      .get() as { n: number };
    sqlite.close();
    emit({
      name: "book.contention",
      value: overlaps,
      unit: "overlaps",
      target: "0",
      clients: 64,
      slots: 8,
      winners: fights.filter((s) => s === 201).length,
      losers: fights.filter((s) => s === 409).length,
      other: fights.filter((s) => s !== 201 && s !== 409).length,
    });
  } finally {
    await server.stop();
  }
}
