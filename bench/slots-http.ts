// Week slot queries over HTTP, as a ratio of /health of the same server: four alternating turns of
// two seconds each, so load from elsewhere on a shared machine falls on both alike.
import { startServer } from "../tests/helpers/server.js";
import { BENCH_ADMIN, NOW, buildBenchDb } from "./fixture.js";
import { combine, load, type LoadResult } from "./load.js";
import type { Emit } from "./run.js";

const TURNS = 4;

export async function run(emit: Emit): Promise<void> {
  const db = await buildBenchDb({ appointments: 3000, cases: 0 });
  const server = await startServer({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW }, { db });
  try {
    const week = { url: `${server.url}/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-14`, headers: { authorization: `Bearer ${BENCH_ADMIN}` } };
    const health = { url: `${server.url}/health` };
    await load({ ...week, duration: 2 });
    await load({ ...health, duration: 2 });
    const slots: LoadResult[] = [];
    const yardstick: LoadResult[] = [];
    for (let turn = 0; turn < TURNS; turn++) {
      slots.push(await load({ ...week, duration: 2 }));
      yardstick.push(await load({ ...health, duration: 2 }));
    }
    const result = combine(slots);
    const healthRps = combine(yardstick).rps;
    emit({
      name: "slots.http.week.rps",
      value: Math.round(result.rps),
      unit: "req/s",
      p99_ms: Math.round(result.p99),
      health_rps: Math.round(healthRps),
      non2xx: Object.entries(result.statuses)
        .filter(([s]) => s !== "200")
        .reduce((n, [, c]) => n + c, 0),
    });
    emit({ name: "slots.http.week.ratio_to_health", value: Number((result.rps / healthRps).toFixed(3)), unit: "ratio", target: ">= 0.6", turns: TURNS });
  } finally {
    await server.stop();
  }
}
