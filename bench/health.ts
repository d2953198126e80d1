// The yardstick: GET /health over loopback at 64 connections. Other HTTP figures are ratios of it.
import { startServer } from "../tests/helpers/server.js";
import type { Emit } from "./run.js";
import { load } from "./load.js";

export async function run(emit: Emit): Promise<void> {
  const server = await startServer({ CITA_ADMIN_TOKEN: "bench-admin" });
  try {
    await load({ url: `${server.url}/health`, duration: 2 }); // warm-up
    const result = await load({ url: `${server.url}/health`, duration: 8 });
    emit({ name: "health.rps", value: Math.round(result.rps), unit: "req/s", connections: 64, p99_ms: result.p99 });
  } finally {
    await server.stop();
  }
}
