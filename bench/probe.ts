// The booking limit probe (../shared/bench/booking-limit/server.mjs): the least a database-enforced
// booking over HTTP costs with this stack on this machine. Started here, beside Cita's own server,
// and driven with the same load (64 connections, distinct bookings), in turns with Cita's own
// server, so book.http.rps can be read as a ratio of it measured in the same run.
import { copyFileSync, existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServer, type RunningServer } from "../tests/helpers/server.js";
import { load, type LoadResult } from "./load.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const probeSource = join(root, "../shared/bench/booking-limit/server.mjs");

const STAFF = 40;
const SERVICES = 8;

/**
 * The probe in a child process, on its own temporary database. Node resolves an ES module's imports
 * from the module's real folder, so the probe is copied next to a link to this project's node_modules.
 * Null when the shared folder is not there.
 */
export async function startProbe(): Promise<RunningServer | null> {
  if (!existsSync(probeSource)) return null;
  const dir = mkdtempSync(join(tmpdir(), "cita-probe-"));
  copyFileSync(probeSource, join(dir, "server.mjs"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const port = await freePort();
  const db = join(dir, "probe.db");
  return startServer({}, { port, db, command: [process.execPath, join(dir, "server.mjs"), String(port), db] });
}

/** Weekday hours of Feb–May 2027 for 40 interviewers, in a fixed shuffled order; one case each. */
function probeBookings() {
  const starts: number[] = [];
  for (let d = 0; d < 120; d++) {
    const day = Date.UTC(2027, 1, 1) + d * 86_400_000;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let h = 13; h < 22; h++) starts.push(day + h * 3_600_000);
  }
  const bodies = starts.flatMap((t, i) => Array.from({ length: STAFF }, (_, s) => ({ staffId: `st${s}`, start: new Date(t).toISOString(), k: i * STAFF + s })));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = bodies.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!];
  }
  return bodies.map((b, n) => JSON.stringify({ caseId: `c${n}`, serviceId: `s${b.k % SERVICES}`, officeId: "bogota", start: b.start, staffId: b.staffId }));
}

/** Sets the probe up and answers a function that books the next `count` distinct slots at 64 connections. */
export async function probeBooker(url: string): Promise<(count: number) => Promise<LoadResult>> {
  const bodies = probeBookings();
  const setup = {
    offices: [{ id: "bogota", tz: "America/Bogota" }],
    services: Array.from({ length: SERVICES }, (_, i) => ({ id: `s${i}`, minutes: 60, buffer: 0, cap: null })),
    cases: bodies.map((_, n) => ({ id: `c${n}`, officeId: "bogota", email: `a${n}@example.org`, phone: "+573001234567" })),
  };
  const res = await fetch(`${url}/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(setup) });
  if (!res.ok) throw new Error(`probe setup: ${res.status}`);
  let next = 0;
  return (count: number) =>
    load({
      url: `${url}/v1/appointments`,
      method: "POST",
      headers: { authorization: "Bearer probe", "content-type": "application/json" },
      amount: Math.min(count, bodies.length - next),
      requests: [{ setupRequest: ((req: object) => ({ ...req, body: bodies[next++] })) as never }],
    });
}
