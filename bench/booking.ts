// Booking over HTTP: distinct free slots at 64 connections (book.http.rps, p99, 5xx), the same
// load on the booking limit probe started beside it (probe.book.rps, and book.http.ratio_to_probe,
// the figure that counts), and 64 clients fighting over 8 slots (book.contention: overlaps must be 0).
import BetterSqlite3 from "better-sqlite3";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { startServer } from "../tests/helpers/server.js";
import { BENCH_ADMIN, NOW, buildBenchDb } from "./fixture.js";
import { combine, load, type LoadResult } from "./load.js";
import { probeBooker, probeSource, startProbe } from "./probe.js";
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
/**
 * Rates are measured in turns, a quarter on Cita, a quarter on the probe, and so on: on a shared
 * machine the load from elsewhere changes within seconds, and turns spread it over both alike.
 */
const TURNS = 4;
/**
 * Latency is measured in one continuous run of its own: short runs of the load generator (new
 * connections each time) put a few hundred milliseconds on some answers of both servers alike
 * (the same server gave p99 78–95 ms in one run of 4,000 and 190–260 ms in four of 1,000).
 */
const LATENCY_RUN = 2000;

export const bookingBody = (caseId: string, p: Pair) => JSON.stringify({ caseId, serviceId: "iom-counseling", officeId: "bogota", ...p });

/** A function that books the next `count` pairs, each for the case of the same index, at 64 connections. */
export function booker(url: string, pairs: Pair[], caseIds: string[]) {
  let next = 0;
  return (count: number) =>
    load({
      url: `${url}/v1/appointments`,
      method: "POST",
      headers,
      amount: Math.min(count, pairs.length - next, caseIds.length - next),
      requests: [{ setupRequest: ((req: object) => ({ ...req, body: bookingBody(caseIds[next]!, pairs[next++]!) })) as never }],
    });
}

/** Books each pair once, for the case of the same index, at 64 connections. */
export const bookAll = (url: string, pairs: Pair[], caseIds: string[]) => booker(url, pairs, caseIds)(Math.min(pairs.length, caseIds.length));

const fiveHundreds = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([s]) => s.startsWith("5"))
    .reduce((n, [, c]) => n + c, 0);

export async function run(emit: Emit, figures: Map<string, number>): Promise<void> {
  const db = await buildBenchDb({ appointments: 3000, cases: 7200 });
  const server = await startServer({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW }, { db });
  try {
    const pairs = await freePairs(server.url, EIGHT_MONTHS);
    const contention = pairs.splice(0, 8);
    // Cases b0–b999 warm up, b1000–b4999 are measured in turns, b5000–b6999 for latency; b7136–b7199 fight over the contention slots.
    const cases = Array.from({ length: WARM_UP + MEASURED + LATENCY_RUN }, (_, i) => `case_b${i}`);
    const bookCita = booker(server.url, pairs, cases);
    const probe = await startProbe();
    try {
      const bookProbe = probe ? await probeBooker(probe.url) : null;
      await bookCita(WARM_UP);
      await bookProbe?.(WARM_UP);
      const cita: LoadResult[] = [];
      const limit: LoadResult[] = [];
      for (let turn = 0; turn < TURNS; turn++) {
        cita.push(await bookCita(MEASURED / TURNS));
        if (bookProbe) limit.push(await bookProbe(MEASURED / TURNS));
      }
      const latency = await bookCita(LATENCY_RUN);
      const probeLatency = await bookProbe?.(LATENCY_RUN);
      const result = combine(cita);
      const booked = result.statuses["201"] ?? 0;
      const health = figures.get("health.rps");
      emit({ name: "book.http.rps", value: Math.round(result.rps), unit: "req/s", connections: 64, booked, statuses: result.statuses });
      emit({ name: "book.http.p99_ms", value: Math.round(latency.p99), unit: "ms", p50_ms: Math.round(latency.p50), bookings: LATENCY_RUN, target: "< 100" });
      emit({ name: "book.http.5xx", value: fiveHundreds(result.statuses) + fiveHundreds(latency.statuses), unit: "responses", target: "0" });
      if (health) emit({ name: "book.http.ratio_to_health", value: Number((result.rps / health).toFixed(3)), unit: "ratio" });
      if (!bookProbe) emit({ name: "probe.book.rps", value: 0, unit: "req/s", skipped: `no probe at ${probeSource}` });
      else {
        const probed = combine(limit);
        emit({ name: "probe.book.rps", value: Math.round(probed.rps), unit: "req/s", connections: 64, p99_ms: Math.round(probeLatency?.p99 ?? 0), statuses: probed.statuses });
        emit({ name: "book.http.ratio_to_probe", value: Number((result.rps / probed.rps).toFixed(3)), unit: "ratio", target: ">= 0.8", turns: TURNS });
      }
    } finally {
      if (probe) {
        await probe.stop();
        rmSync(dirname(probe.db), { recursive: true, force: true });
      }
    }

    const fights = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        fetch(`${server.url}/v1/appointments`, { method: "POST", headers, body: bookingBody(`case_b${7136 + i}`, contention[i % 8]!) }).then((r) => r.status),
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
