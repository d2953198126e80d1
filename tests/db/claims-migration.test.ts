// A database made by the version with claim rows, opened by this one: the migrations drop the
// claims and create the no-overlap triggers, and nothing booked before is lost or overlaps.
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { migratedUpTo } from "../helpers/migrations.js";

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

const MIN = 60_000;
const UNIT = 5 * MIN;

const overlapsIn = (sqlite: BetterSqlite3.Database, column: string) =>
  (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.${column} = y.${column} AND x.id < y.id
         WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
      )
      .get() as { n: number }
  ).n;

/** Offices, staff, services and cases made through today's API, then appointments booked the old way. */
async function databaseOfThePreviousVersion() {
  const seed = await bookingApp({ staff: ["bea"], service: { needsRoom: true } });
  apps.push(seed);
  for (const id of ["sala-1", "sala-2"]) await seed.post("/v1/offices/bogota/rooms", { id, name: id });
  const cases: string[] = [];
  for (let i = 0; i < 4; i++) cases.push(await newCase(seed));

  const { file, sqlite: old } = migratedUpTo("appointments_live_holds");
  old.pragma("foreign_keys = OFF"); // tables are copied in name order, not in reference order
  old.prepare("ATTACH DATABASE ? AS seed").run(seed.file);
  const tables = old.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").pluck().all() as string[];
  expect(tables).toContain("claims");
  // Column by column: later versions moved some (users.token_hash went to api_tokens).
  const columns = (schema: string, table: string) => (old.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[]).map((c) => `"${c}"`);
  for (const table of tables.filter((t) => t !== "claims")) {
    const shared = columns("seed", table).filter((c) => columns("main", table).includes(c));
    const tokenHash = table === "users" ? [`"token_hash"`, `(SELECT token_hash FROM seed.api_tokens WHERE user_id = seed.users.id LIMIT 1)`] : null;
    old.exec(
      `INSERT INTO main."${table}" (${[...shared, ...(tokenHash ? [tokenHash[0]] : [])].join(", ")}) SELECT ${[...shared, ...(tokenHash ? [tokenHash[1]] : [])].join(", ")} FROM seed."${table}"`,
    );
  }
  old.exec("DETACH DATABASE seed");
  old.pragma("foreign_keys = ON");

  // What the previous version's booking batch wrote: the row and one claim per resource per 5-minute unit.
  const book = (id: string, caseId: string, staffId: string, roomId: string, hhmm: string, status: string) => {
    const start = Date.parse(at(hhmm));
    old
      .prepare(
        `INSERT INTO appointments (id, case_id, service_id, office_id, staff_id, room_id, start_at, end_at, hold_until, local_date, status, sequence, uid, created_at, updated_at)
         VALUES (?, ?, 'iom-counseling', 'bogota', ?, ?, ?, ?, ?, '2026-12-07', ?, 0, ?, 0, 0)`,
      )
      .run(id, caseId, staffId, roomId, start, start + 60 * MIN, start + 60 * MIN, status, `${id}@cita`);
    if (status === "cancelled") return;
    const claim = old.prepare("INSERT INTO claims (resource, unit, appointment_id) VALUES (?, ?, ?)");
    for (let unit = start / UNIT; unit < (start + 60 * MIN) / UNIT; unit++) for (const resource of [`staff:${staffId}`, `room:bogota/${roomId}`]) claim.run(resource, unit, id);
  };
  book("apt_old1", cases[0]!, "ana", "sala-1", "10:00", "scheduled");
  book("apt_old2", cases[1]!, "ana", "sala-1", "11:00", "confirmed");
  book("apt_old3", cases[2]!, "bea", "sala-2", "10:00", "cancelled");
  book("apt_old4", cases[3]!, "bea", "sala-2", "11:30", "scheduled");
  expect(old.prepare("SELECT count(*) FROM claims").pluck().get()).toBe(3 * 12 * 2); // three live hours, two resources, twelve units each
  old.close();
  return file;
}

describe("the migration from claims to triggers", () => {
  it("keeps every appointment of a database made with claims, drops the claims and refuses new overlaps", async () => {
    const file = await databaseOfThePreviousVersion();
    const before = new BetterSqlite3(file, { readonly: true });
    const rows = before.prepare("SELECT * FROM appointments ORDER BY id").all();
    before.close();

    const t = makeApp({ file, now: "2026-11-23T12:00:00Z" }); // openSqlite runs the new migrations
    apps.push(t);
    const { sqlite } = t.database;
    expect(sqlite.prepare("SELECT * FROM appointments ORDER BY id").all()).toEqual(rows);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'claims'").all()).toEqual([]);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual([
      "appointments_no_overlap_insert",
      "appointments_no_overlap_update",
    ]);
    expect(overlapsIn(sqlite, "staff_id")).toBe(0);
    expect(overlapsIn(sqlite, "room_id")).toBe(0);

    // Over the API: ana's old hour and sala-1 are taken; bea's cancelled hour in sala-2 is free again.
    const onAna = await t.post("/v1/appointments", booking(await newCase(t), at("10:30"), { staffId: "ana" }));
    expect([onAna.status, onAna.json.type]).toEqual([409, "/problems/slot-taken"]);
    const inSala1 = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "bea", roomId: "sala-1" }));
    expect([inSala1.status, inSala1.json.type]).toEqual([409, "/problems/slot-taken"]);
    const freed = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "bea", roomId: "sala-2" }));
    expect(freed.status).toBe(201);

    // And in the database itself, whoever writes: a row overlapping an old one is refused.
    const copy = sqlite.prepare(
      "INSERT INTO appointments SELECT 'apt_copy', case_id, service_id, office_id, staff_id, NULL, start_at + 1800000, end_at + 1800000, hold_until + 1800000, local_date, 'scheduled', sequence, 'copy@cita', reschedule_count, applicant_reschedule_count, window_override, version, link_version, created_at, updated_at FROM appointments WHERE id = 'apt_old4'",
    );
    expect(() => copy.run()).toThrow(/slot-taken: staff/);
    expect(overlapsIn(sqlite, "staff_id")).toBe(0);
    expect(overlapsIn(sqlite, "room_id")).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM appointments").pluck().get()).toBe(rows.length + 1);
  });
});
