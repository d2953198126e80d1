// Soak: mixed load on the real server for `seconds` (default 60) at 64 connections: 70% slot
// reads over week ranges, 20% bookings of distinct cases, 10% reschedules and cancels of what
// this run booked. Prints JSON lines: latency per kind, unexpected errors (must be 0) and the
// server's RSS after 10 s and at the end (must stay within 10%), and every 5 s in between.
//   npx tsx tests/reliability/soak.ts [seconds]
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { BENCH_ADMIN, NOW, buildBenchDb } from "../../bench/fixture.js";
import { bookingBody, freePairs, type Pair } from "../../bench/booking.js";
import { startServer } from "../helpers/server.js";

const seconds = Number(process.argv[2] ?? 60);
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const headers = { authorization: `Bearer ${BENCH_ADMIN}`, "content-type": "application/json" };
const CASES = 40_000;

const db = await buildBenchDb({ appointments: 3000, cases: CASES });
const server = await startServer({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW, CITA_DISPATCH_INTERVAL_MS: "0" }, { db });
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, "utf8"))![1]);

// Work queues: free pairs to book or move to, and appointments booked here that may be changed.
const free: Pair[] = await freePairs(server.url);
const all = free.slice();
const live: { id: string; pair: Pair }[] = [];
let nextCase = 0;
let changes = 0;
const weeks = Array.from({ length: 12 }, (_, i) => new Date(Date.parse("2026-11-30") + i * 7 * 86_400_000).toISOString().slice(0, 10));
const take = () => free.shift() ?? all[Math.floor(Math.random() * all.length)]!; // when none is free: an expected 409

type Kind = "slots" | "book" | "change";
const latency: Record<Kind, number[]> = { slots: [], book: [], change: [] };
const unexpected: Record<string, number> = {};
type Context = { t0: number; pair?: Pair; item?: { id: string; pair: Pair }; cancel?: boolean };

const request = (kind: Kind, setup: (req: any, ctx: Context) => object, done?: (status: number, body: string, ctx: Context) => void): autocannon.Request => ({
  setupRequest: ((req: any, ctx: Context) => {
    ctx.t0 = performance.now();
    return { ...req, ...setup(req, ctx) };
  }) as never,
  onResponse: ((status: number, body: string, ctx: Context) => {
    latency[kind].push(performance.now() - ctx.t0);
    if (status >= 400 && status !== 409) unexpected[`${kind}:${status}`] = (unexpected[`${kind}:${status}`] ?? 0) + 1;
    done?.(status, body, ctx);
  }) as never,
});

const slots = request("slots", () => {
  const from = weeks[Math.floor(Math.random() * weeks.length)]!;
  const to = new Date(Date.parse(from) + 7 * 86_400_000).toISOString().slice(0, 10);
  return { method: "GET", path: `/v1/slots?service=iom-counseling&office=bogota&from=${from}&to=${to}`, body: undefined };
});
const book = request(
  "book",
  (_req, ctx) => ((ctx.pair = take()), { method: "POST", path: "/v1/appointments", body: bookingBody(`case_b${nextCase++ % CASES}`, ctx.pair) }),
  (status, body, ctx) => (status === 201 ? live.push({ id: JSON.parse(body).id, pair: ctx.pair! }) : undefined),
);
// A change of an appointment no other client holds: cancels free its time, reschedules move it.
const change = request(
  "change",
  (_req, ctx) => {
    ctx.item = live.splice(Math.floor(Math.random() * live.length), 1)[0];
    if (!ctx.item) return { method: "GET", path: "/health", body: undefined };
    ctx.cancel = changes++ % 2 === 0;
    if (ctx.cancel) return { method: "POST", path: `/v1/appointments/${ctx.item.id}/cancel`, body: JSON.stringify({ reason: "soak" }) };
    ctx.pair = take();
    return { method: "POST", path: `/v1/appointments/${ctx.item.id}/reschedule`, body: JSON.stringify(ctx.pair) };
  },
  (status, _body, ctx) => {
    if (!ctx.item) return;
    if (ctx.cancel) return status === 200 ? void free.push(ctx.item.pair) : void live.push(ctx.item);
    if (status !== 200) return void live.push(ctx.item);
    free.push(ctx.item.pair);
    live.push({ id: ctx.item.id, pair: ctx.pair! });
  },
);

const instance = autocannon({
  url: server.url,
  connections: 64,
  duration: seconds,
  headers,
  requests: [slots, slots, book, slots, slots, change, slots, book, slots, slots],
}) as unknown as autocannon.Instance & Promise<autocannon.Result>;
let rssEarly = 0;
const early = setTimeout(() => (rssEarly = rssKb()), 10_000);
// RSS every 5 s, to tell a plateau from steady growth.
const series: number[] = [];
const sampler = setInterval(() => series.push(Number((rssKb() / 1024).toFixed(1))), 5_000);
const result = await instance;
clearTimeout(early);
clearInterval(sampler);
const rssEnd = rssKb();
await server.stop();

const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(2));
};
for (const kind of Object.keys(latency) as Kind[]) {
  emit({ name: `soak.${kind}.p50_ms`, value: pct(latency[kind], 50), unit: "ms", requests: latency[kind].length });
  emit({ name: `soak.${kind}.p99_ms`, value: pct(latency[kind], 99), unit: "ms" });
  emit({ name: `soak.${kind}.max_ms`, value: pct(latency[kind], 100), unit: "ms" });
}
const errors = Object.values(unexpected).reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
emit({ name: "soak.rps", value: Math.round(result.requests.total / result.duration), unit: "req/s", seconds, connections: 64, statuses: result.statusCodeStats });
emit({ name: "soak.errors", value: errors, unit: "requests", target: "0", byKind: unexpected, socket: result.errors, timeouts: result.timeouts });
emit({ name: "soak.rss_10s_mb", value: Number((rssEarly / 1024).toFixed(1)), unit: "MB" });
emit({ name: "soak.rss_end_mb", value: Number((rssEnd / 1024).toFixed(1)), unit: "MB" });
emit({ name: "soak.rss_series_mb", value: series.length ? Math.max(...series) : 0, unit: "MB", every_s: 5, series });
const ratio = rssEarly ? rssEnd / rssEarly : NaN;
emit({ name: "soak.rss_ratio", value: Number(ratio.toFixed(3)), unit: "ratio", target: "<= 1.10" });
if (errors > 0 || !(ratio <= 1.1)) process.exitCode = 1;
