// The 90-day search from the database (reads + engine, nothing cached) with 3,000 and with
// 300,000 stored appointments: only rows near the range are read, so the time must stay flat.
import { readConfig } from "../src/config.js";
import { openSqlite } from "../src/db/sqlite.js";
import { silentLogger } from "../src/lib/logger.js";
import { createProcessState } from "../src/process-state.js";
import { getOffice } from "../src/domain/offices.js";
import { getService } from "../src/domain/services.js";
import { findSlots } from "../src/slots/index.js";
import { NOW, buildBenchDb } from "./fixture.js";
import type { Emit } from "./run.js";
import { loadResources } from "../src/domain/slot-resources.js";

/** Interleaves the two databases run by run, so JIT warm-up and machine noise fall on both alike. */
async function medians(files: string[], runs = 80, warmup = 20): Promise<{ p50: number; slots: number }[]> {
  const databases = files.map((f) => openSqlite(f));
  const times: number[][] = files.map(() => []);
  const slots: number[] = files.map(() => 0);
  for (let i = 0; i < runs; i++) {
    for (const [k, database] of databases.entries()) {
      // A fresh dependency object each time: no per-process cache survives between runs.
      const deps = { database, clock: { now: () => Date.parse(NOW) }, mailer: null, sms: null, config: readConfig({}), logger: silentLogger, state: createProcessState() };
      const ctx = { deps, actor: { id: "bench", role: "admin" as const, officeIds: [], staffId: null } };
      const t = performance.now();
      const [office, service] = await Promise.all([getOffice(ctx, "bogota"), getService(ctx, "iom-counseling")]);
      slots[k] = findSlots(await loadResources(ctx, office, service, { from: Date.parse("2026-11-30T05:00:00Z"), to: Date.parse("2027-02-28T05:00:00Z") })).length;
      if (i >= warmup) times[k]!.push(performance.now() - t);
    }
  }
  for (const d of databases) d.close();
  return times.map((list, k) => {
    list.sort((a, b) => a - b);
    return { p50: Number(list[Math.floor(list.length / 2)]!.toFixed(2)), slots: slots[k]! };
  });
}

export async function run(emit: Emit): Promise<void> {
  const smallDb = await buildBenchDb({ appointments: 3000, cases: 0 });
  const largeDb = await buildBenchDb({ appointments: 300_000, cases: 0, historyYears: 10 });
  const [small, large] = await medians([smallDb, largeDb]);
  emit({ name: "slots.db.90d.p50_ms.3k", value: small!.p50, unit: "ms", slots: small!.slots });
  emit({ name: "slots.db.90d.p50_ms.300k", value: large!.p50, unit: "ms", slots: large!.slots });
  emit({ name: "slots.db.90d.growth_3k_to_300k", value: Number((large!.p50 / small!.p50).toFixed(2)), unit: "ratio", target: "about 1 (flat)" });
}
