// Week slot queries over HTTP, as a ratio of health.rps measured in the same run.
import { startServer } from "../tests/helpers/server.js";
import { BENCH_ADMIN, NOW, buildBenchDb } from "./fixture.js";
import { load } from "./load.js";
import type { Emit } from "./run.js";

export async function run(emit: Emit, figures: Map<string, number>): Promise<void> {
  const db = await buildBenchDb({ appointments: 3000, cases: 0 });
  const server = await startServer({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW }, { db });
  try {
    const url = `${server.url}/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-14`;
    const options = { url, headers: { authorization: `Bearer ${BENCH_ADMIN}` } };
    await load({ ...options, duration: 2 });
    const result = await load({ ...options, duration: 8 });
    const health = figures.get("health.rps");
    emit({
      name: "slots.http.week.rps",
      value: Math.round(result.rps),
      unit: "req/s",
      p99_ms: result.p99,
      non2xx: Object.entries(result.statuses)
        .filter(([s]) => s !== "200")
        .reduce((n, [, c]) => n + c, 0),
    });
    if (health) emit({ name: "slots.http.week.ratio_to_health", value: Number((result.rps / health).toFixed(3)), unit: "ratio", target: ">= 0.6" });
  } finally {
    await server.stop();
  }
}
