// The console bench's database: the bench office of fixture.ts and four more offices like it
// (20 interviewers each, the same rules), with 50,000 cases and 300,000 appointments spread
// evenly over them, inserted in one transaction. Per office: years of history (completed, no-show,
// cancelled), live bookings in the 90 days ahead (one per case at most), and a tenth of the
// cases still waiting, screened over the last 12 weeks so that some windows are over.
import { mulberry32 } from "../src/lib/random.js";
import { NOW, addBenchStaff, benchApi, buildBenchDb } from "./fixture.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const CLOSED_DAY = "2026-12-10";

/** The offices, with their whole-hour offset from UTC (none of these zones has DST). */
export const OFFICES = [
  { id: "bogota", country: "CO", timeZone: "America/Bogota", offset: -5 },
  { id: "quito", country: "EC", timeZone: "America/Guayaquil", offset: -5 },
  { id: "lima", country: "PE", timeZone: "America/Lima", offset: -5 },
  { id: "guatemala", country: "GT", timeZone: "America/Guatemala", offset: -6 },
  { id: "sanjose", country: "CR", timeZone: "America/Costa_Rica", offset: -6 },
];

export interface ConsoleBenchDb {
  file: string;
  /** Per office, a waiting case and a live appointment to open. */
  samples: Map<string, { waitingCaseId: string; waitingReference: string; appointmentId: string; day: string }>;
}

export async function buildConsoleDb(options: { cases: number; appointments: number }): Promise<ConsoleBenchDb> {
  const file = await buildBenchDb({ appointments: 0, cases: 0 });
  const { database, send } = benchApi(file);
  // Windows of 2–4 weeks, as IOM's counseling sessions have.
  await send("PATCH", "/v1/services/iom-counseling", { window: { minDays: 14, maxDays: 28 } });
  for (const o of OFFICES.slice(1)) {
    await send("POST", "/v1/offices", {
      id: o.id,
      name: `Bench ${o.id}`,
      country: o.country,
      timeZone: o.timeZone,
      address: o.id,
      hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" }],
    });
    for (let i = 0; i < 20; i++) {
      await addBenchStaff(send, { id: `${o.id}-s${String(i).padStart(2, "0")}`, i, officeId: o.id, languages: i % 5 === 0 ? ["es", "ht"] : ["es"] });
    }
  }

  // A closed day per office, for the closed day's page (its appointments are bulk-inserted below).
  for (const o of OFFICES) await send("POST", `/v1/offices/${o.id}/closures`, { date: CLOSED_DAY, reason: "Bench closure" });

  const { sqlite } = database;
  const now = Date.parse(NOW);
  const insertCase =
    sqlite.prepare(`INSERT INTO cases (id, reference, office_id, track, screened_at, language, household_size, nationality, present_since, birth_date, legal_status, window_extension_days, created_by, created_at, updated_at)
    VALUES (?, ?, ?, 'IOM', ?, ?, 1, 'VE', '2022-01-01', '1990-01-01', 'regular', 0, 'bench', ?, ?)`);
  const insertAppointment =
    sqlite.prepare(`INSERT INTO appointments (id, case_id, service_id, office_id, staff_id, room_id, start_at, end_at, hold_until, local_date, status, sequence, uid, created_at, updated_at)
    VALUES (?, ?, 'iom-counseling', ?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?, ?)`);
  const screen = sqlite.prepare("UPDATE cases SET screened_at = ? WHERE id = ?");
  const random = mulberry32(16);
  const dateOf = (instant: number, offset: number) => new Date(instant + offset * HOUR).toISOString().slice(0, 10);
  const samples: ConsoleBenchDb["samples"] = new Map();
  const perOffice = { cases: options.cases / OFFICES.length, appointments: options.appointments / OFFICES.length };
  const waitingFrom = Math.floor(perOffice.cases * 0.9);

  const bulk = sqlite.transaction(() => {
    for (const [k, o] of OFFICES.entries()) {
      const staffId = (i: number) => (k === 0 ? `s${String(i).padStart(2, "0")}` : `${o.id}-s${String(i).padStart(2, "0")}`);
      const prefix = o.id.slice(0, 2).toUpperCase();
      for (let i = 0; i < perOffice.cases; i++) {
        // Served cases were screened over the last four years; waiting ones over the last 12 weeks.
        const daysAgo = i < waitingFrom ? 90 + Math.floor(random() * 4 * 365) : Math.floor(random() * 84);
        const language = random() < 0.1 ? "ht" : "es";
        insertCase.run(`case_${o.id}_${i}`, `${prefix}-${String(i).padStart(6, "0")}`, o.id, dateOf(now - daysAgo * DAY, o.offset), language, now, now);
      }
      const taken = new Set<string>();
      let made = 0;
      let live = 0;
      while (made < perOffice.appointments) {
        // About 1 in 20 ahead (live, one per served case), the rest history.
        const ahead = random() < 0.05 && live < waitingFrom;
        const dayOffset = ahead ? Math.floor(random() * 90) + 1 : -1 - Math.floor(random() * 4 * 365);
        const day = Math.floor(now / DAY) + dayOffset;
        if (((day % 7) + 7 + 3) % 7 > 4) continue; // weekdays only (1970-01-01 was a Thursday)
        const staff = Math.floor(random() * 20);
        const start = day * DAY + (8 - o.offset + Math.floor(random() * 16) / 2) * HOUR; // 08:00–15:30 local
        // 70-minute holds on a 30-minute grid: the starts an hour either side would overlap.
        if ([-2, -1, 0, 1, 2].some((d) => taken.has(`${staff}:${start + d * 1_800_000}`))) continue;
        taken.add(`${staff}:${start}`);
        const roll = random();
        const status = ahead ? "scheduled" : roll < 0.8 ? "completed" : roll < 0.9 ? "no_show" : "cancelled";
        const caseIndex = ahead ? live++ : Math.floor(random() * waitingFrom);
        const id = `apt_${o.id}_${made}`;
        insertAppointment.run(
          id,
          `case_${o.id}_${caseIndex}`,
          o.id,
          staffId(staff),
          start,
          start + HOUR,
          start + 70 * 60_000,
          dateOf(start, o.offset),
          status,
          `${id}@cita`,
          now,
          now,
        );
        // A live booking lies inside its case's window (14–28 days after screening).
        if (ahead) screen.run(dateOf(start - 20 * DAY, o.offset), `case_${o.id}_${caseIndex}`);
        if (ahead && !samples.has(o.id))
          samples.set(o.id, {
            waitingCaseId: `case_${o.id}_${waitingFrom}`,
            waitingReference: `${prefix}-${String(waitingFrom).padStart(6, "0")}`,
            appointmentId: id,
            day: dateOf(start, o.offset),
          });
        made++;
      }
    }
  });
  bulk();
  database.close();
  return { file, samples };
}
