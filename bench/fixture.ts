// The bench office: Bogotá, 20 interviewers × 3 weekly rules (some remote in New York and
// Madrid), a 60-minute service, `appointments` existing bookings and `cases` unbooked cases.
// Configuration goes through the API; the bulk rows are inserted directly for speed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openSqlite } from "../src/db/sqlite.js";
import { silentLogger } from "../src/lib/logger.js";
import { createProcessState } from "../src/process-state.js";
import { mulberry32 } from "../src/lib/random.js";

export const BENCH_ADMIN = "bench-admin";
export const NOW = "2026-11-23T12:00:00Z";
const DAY = 86_400_000;

export function rules(i: number, officeId = "bogota") {
  const weekly = (days: string, start: string, end: string) => ({ rrule: `FREQ=WEEKLY;BYDAY=${days}`, start, end, officeId });
  if (i % 7 === 3) return [weekly("MO,TU", "09:00", "13:00"), weekly("WE,TH", "09:00", "13:00"), weekly("FR", "10:00", "14:00")];
  if (i % 7 === 5) return [weekly("MO,WE", "14:00", "20:00"), weekly("TU,TH", "15:00", "21:00"), weekly("FR", "14:00", "18:00")];
  return [weekly("MO,WE", "08:00", "13:00"), weekly("TU,TH", "12:00", "17:00"), weekly("FR", "08:00", "17:00")];
}
export const zoneOf = (i: number) => (i % 7 === 3 ? "America/New_York" : i % 7 === 5 ? "Europe/Madrid" : "America/Bogota");

export type Send = (method: string, path: string, body: unknown) => Promise<void>;

/** The database at `file` with an app over it at NOW, and `send`: one admin API call that throws when refused. */
export function benchApi(file: string) {
  const database = openSqlite(file);
  const config = { ...readConfig({}), adminToken: BENCH_ADMIN };
  const app = createApp({ database, clock: { now: () => Date.parse(NOW) }, mailer: null, sms: null, config, logger: silentLogger, state: createProcessState() });
  const send: Send = async (method, path, body) => {
    const res = await app.request(path, { method, headers: { authorization: `Bearer ${BENCH_ADMIN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  return { database, send };
}

/** The bench's `i`-th IOM interviewer of one office, with the weekly rules of `rules(i)` in their own zone. */
export async function addBenchStaff(send: Send, s: { id: string; i: number; officeId: string; languages: string[] }) {
  await send("POST", "/v1/staff", {
    id: s.id,
    name: s.id,
    email: `${s.id}@example.org`,
    agency: "IOM",
    timeZone: zoneOf(s.i),
    languages: s.languages,
    officeIds: [s.officeId],
    serviceIds: ["iom-counseling"],
  });
  await send(
    "PUT",
    `/v1/staff/${s.id}/availability`,
    rules(s.i, s.officeId).map((r) => ({ ...r, timeZone: zoneOf(s.i) })),
  );
}

export async function buildBenchDb(options: { appointments: number; cases: number; historyYears?: number }): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "cita-bench-")), "cita.db");
  const { database, send } = benchApi(file);
  await send("POST", "/v1/offices", {
    id: "bogota",
    name: "Bench office",
    country: "CO",
    timeZone: "America/Bogota",
    address: "Bogotá",
    hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" }],
  });
  await send("POST", "/v1/services", { id: "iom-counseling", agency: "IOM", durationMinutes: 60, bufferMinutes: 10, window: { minDays: 0, maxDays: 400 } });
  for (let i = 0; i < 20; i++) await addBenchStaff(send, { id: `s${String(i).padStart(2, "0")}`, i, officeId: "bogota", languages: ["es"] });

  const { sqlite } = database;
  const now = Date.parse(NOW);
  const insertCase =
    sqlite.prepare(`INSERT INTO cases (id, reference, office_id, track, screened_at, language, household_size, nationality, present_since, birth_date, legal_status, window_extension_days, created_by, created_at, updated_at)
    VALUES (?, ?, 'bogota', 'IOM', '2026-11-20', 'es', 1, 'VE', '2022-01-01', '1990-01-01', 'regular', 0, 'bench', ?, ?)`);
  const insertAppointment =
    sqlite.prepare(`INSERT INTO appointments (id, case_id, service_id, office_id, staff_id, room_id, start_at, end_at, hold_until, local_date, status, sequence, uid, created_at, updated_at)
    VALUES (?, ?, 'iom-counseling', 'bogota', ?, NULL, ?, ?, ?, ?, 'scheduled', 0, ?, ?, ?)`);
  const random = mulberry32(7);
  const taken = new Set<string>();
  // Existing bookings: most in the 90 days ahead, the rest spread over past years (history).
  const bulk = sqlite.transaction(() => {
    for (let i = 0; i < options.cases + options.appointments; i++) insertCase.run(`case_b${i}`, `B-${i}`, now, now);
    let made = 0;
    while (made < options.appointments) {
      const past = options.historyYears && random() < 0.99 ? Math.floor(random() * options.historyYears * 365) : -1;
      const dayOffset = past >= 0 ? -past - 1 : Math.floor(random() * 90) + 1;
      const day = Math.floor(now / DAY) + dayOffset;
      if (((day % 7) + 7 + 3) % 7 > 4) continue; // weekdays only (1970-01-01 was a Thursday)
      const staff = Math.floor(random() * 20);
      const start = day * DAY + (13 + Math.floor(random() * 16) / 2) * 3_600_000; // 08:00–15:30 Bogotá
      const key = `${staff}:${start}`;
      // 70-minute holds on a 30-minute grid: the starts an hour either side would overlap, and
      // the database refuses overlapping holds, past ones included.
      if ([-2, -1, 0, 1, 2].some((k) => taken.has(`${staff}:${start + k * 1_800_000}`))) continue;
      taken.add(key);
      const id = `apt_b${made}`;
      const hold = start + 70 * 60_000;
      const localDate = new Date(start - 5 * 3_600_000).toISOString().slice(0, 10);
      insertAppointment.run(id, `case_b${options.cases + made}`, `s${String(staff).padStart(2, "0")}`, start, start + 3_600_000, hold, localDate, `${id}@cita`, now, now);
      made++;
    }
  });
  bulk();
  database.close();
  return file;
}
