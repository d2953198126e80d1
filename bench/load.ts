// HTTP load over loopback with autocannon, against a server in a child process.
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  // Without a callback autocannon returns its instance, which is both a promise and an emitter.
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({ connections: 64, duration: 5, ...options }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  void instance.on("response", (_client: unknown, status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    lastAnswer = performance.now();
  });
  const result = await instance;
  // Total over the time actually taken, up to the last answer: autocannon reports whole seconds,
  // and with a fixed `amount` it also resolves only on its next one-second tick, which made a run
  // of 2.1 s count as 3 s.
  const seconds = (lastAnswer - started) / 1000;
  return { rps: result.requests.total / Math.max(seconds, 0.001), p50: result.latency.p50, p99: result.latency.p99, statuses, errors: result.errors + result.timeouts };
}
