// HTTP load over loopback with autocannon, against a server in a child process.
import autocannon from "autocannon";
import { percentile } from "./percentile.js";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  /** Requests answered, and the time from the start to the last answer. */
  answered: number;
  seconds: number;
  /** Every answer's latency in milliseconds, so runs can be combined. */
  latencies: number[];
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  // Without a callback autocannon returns its instance, which is both a promise and an emitter.
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({ connections: 64, duration: 5, ...options }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  const latencies: number[] = [];
  void instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    latencies.push(ms);
    lastAnswer = performance.now();
  });
  const result = await instance;
  // Total over the time actually taken, up to the last answer: autocannon reports whole seconds,
  // and with a fixed `amount` it also resolves only on its next one-second tick, which made a run
  // of 2.1 s count as 3 s.
  const seconds = (lastAnswer - started) / 1000;
  return {
    rps: result.requests.total / Math.max(seconds, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
    answered: result.requests.total,
    seconds,
    latencies,
  };
}

/** Runs measured one after another, as one: rate over their summed time, percentiles over every answer. */
export function combine(runs: LoadResult[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const answered = runs.reduce((n, r) => n + r.answered, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    rps: answered / Math.max(seconds, 0.001),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    answered,
    seconds,
    latencies,
  };
}
