// Booking throughput on the Worker (workerd + local D1 via wrangler dev), for comparison with
// book.http.rps on Node measured in the same run.
import { startWorker } from "../tests/helpers/worker.js";
import { BENCH_ADMIN, NOW } from "./fixture.js";
import { bookAll, freePairs } from "./booking.js";
import type { Emit } from "./run.js";

const headers = { authorization: `Bearer ${BENCH_ADMIN}`, "content-type": "application/json" };

export async function run(emit: Emit, figures: Map<string, number>): Promise<void> {
  const worker = await startWorker({ CITA_ADMIN_TOKEN: BENCH_ADMIN, CITA_NOW: NOW, CITA_LINK_SECRET: "bench" });
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(worker.url + path, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string }>;
  };
  try {
    await send("POST", "/v1/offices", {
      id: "bogota",
      name: "Bench office",
      country: "CO",
      timeZone: "America/Bogota",
      address: "Bogotá",
      hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" }],
    });
    await send("POST", "/v1/services", { id: "iom-counseling", agency: "IOM", durationMinutes: 60, bufferMinutes: 10, window: { minDays: 0, maxDays: 400 } });
    for (let i = 0; i < 10; i++) {
      const id = `s${i}`;
      await send("POST", "/v1/staff", {
        id,
        name: id,
        email: `${id}@example.org`,
        agency: "IOM",
        timeZone: "America/Bogota",
        languages: ["es"],
        officeIds: ["bogota"],
        serviceIds: ["iom-counseling"],
      });
      await send("PUT", `/v1/staff/${id}/availability`, [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "08:00", end: "17:00", officeId: "bogota" }]);
    }
    const caseIds: string[] = [];
    for (let i = 0; i < 600; i++) {
      const c = await send("POST", "/v1/cases", {
        officeId: "bogota",
        track: "IOM",
        screenedAt: "2026-11-20",
        language: "es",
        nationality: "VE",
        presentSince: "2022-01-01",
        birthDate: "1990-01-01",
        legalStatus: "regular",
      });
      caseIds.push(c.id);
    }
    const result = await bookAll(worker.url, await freePairs(worker.url), caseIds);
    const node = figures.get("book.http.rps");
    emit({
      name: "worker.book.rps",
      value: Math.round(result.rps),
      unit: "req/s",
      connections: 64,
      booked: result.statuses["201"] ?? 0,
      statuses: result.statuses,
      errors: result.errors,
      p99_ms: result.p99,
      runtime: "workerd + local D1 (wrangler dev)",
    });
    if (node) emit({ name: "worker.book.ratio_to_node", value: Number((result.rps / node).toFixed(3)), unit: "ratio" });
  } finally {
    await worker.stop();
  }
}
