// Group commit on better-sqlite3: the batches of one event-loop turn share one transaction, a
// savepoint each. A refusal inside the group undoes only its own batch; the others are stored and
// their callers are answered after the commit.
import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Statement } from "../../src/db/database.js";
import { openSqlite, type SqliteDatabase } from "../../src/db/sqlite.js";
import { gate } from "../helpers/gate.js";
import { makeApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function freshDatabase(): { database: SqliteDatabase; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "cita-group-"));
  const file = join(dir, "cita.db");
  const database = openSqlite(file);
  cleanups.push(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { database, file };
}

const setting = (key: string): Statement => ({ sql: "INSERT INTO settings (key, value) VALUES (?, 'v')", params: [key] });
/** Refused by write_guard's CHECK, after the statements before it in the batch ran. */
const refused: Statement = { sql: "INSERT INTO write_guard (reason) VALUES ('stale')", params: [] };
const outcome = (p: Promise<void>) =>
  p.then(
    () => "stored",
    (e: Error) => e.message,
  );

/** WAL frames written since the WAL was last emptied. */
const walFrames = (database: SqliteDatabase) => (database.sqlite.pragma("wal_checkpoint(PASSIVE)") as { log: number }[])[0]!.log;

describe("group commit", () => {
  it("stores the batches of one turn around one that is refused, and undoes all of the refused one", async () => {
    const { database, file } = freshDatabase();
    const results = await Promise.all([
      outcome(database.batch([setting("a1"), setting("a2")])),
      outcome(database.batch([setting("b1"), refused, setting("b2")])),
      outcome(database.batch([setting("c1")])),
      outcome(database.batch([setting("a1")])), // a duplicate key of the first: UNIQUE
    ]);
    expect(results[0]).toBe("stored");
    expect(results[1]).toMatch(/CHECK constraint failed: write_conflict/);
    expect(results[2]).toBe("stored");
    expect(results[3]).toMatch(/UNIQUE constraint failed: settings.key/);
    // Read by another connection: what the callers were told is committed.
    const other = new BetterSqlite3(file, { readonly: true });
    const keys = (other.prepare("SELECT key FROM settings WHERE key GLOB '[abc][0-9]' ORDER BY key").all() as { key: string }[]).map((r) => r.key);
    other.close();
    expect(keys).toEqual(["a1", "a2", "c1"]);
  });

  it("commits the batches of one turn once: the WAL holds one transaction's pages, not one per batch", async () => {
    const { database } = freshDatabase();
    const write = (round: string, i: number) => database.batch([setting(`${round}${i}`)]);
    database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((i) => write("together", i)));
    const together = walFrames(database);
    database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    for (let i = 0; i < 8; i++) await write("apart", i);
    const apart = walFrames(database);
    expect(together).toBeGreaterThan(0);
    expect(apart).toBeGreaterThanOrEqual(4 * together);
  });

  it("answers nothing before the commit: a caller is answered once another connection can read its write", async () => {
    const { database, file } = freshDatabase();
    const other = new BetterSqlite3(file, { readonly: true });
    cleanups.unshift(() => other.close());
    const seen: number[] = [];
    await Promise.all(
      ["x1", "x2", "x3"].map((key) =>
        database.batch([setting(key)]).then(() => seen.push((other.prepare("SELECT count(*) AS n FROM settings WHERE key = ?").get(key) as { n: number }).n)),
      ),
    );
    expect(seen).toEqual([1, 1, 1]);
  });
});

describe("a booking refused inside a group", () => {
  let setup: TestApp;
  afterEach(() => setup?.close());

  it("answers 409 to it alone; the others are stored with their history and messages, it leaves none", async () => {
    setup = await bookingApp({ staff: ["bea"] });
    const cases = [await newCase(setup), await newCase(setup), await newCase(setup)];
    // All three read a free calendar, then their batches reach the database in the same turn.
    const racer = makeApp({ file: setup.file, wrap: gate(3) });
    cleanups.push(() => racer.database.close());
    const results = await Promise.all([
      racer.post("/v1/appointments", booking(cases[0]!, at("10:00"), { staffId: "ana" })),
      racer.post("/v1/appointments", booking(cases[1]!, at("10:30"), { staffId: "ana" })),
      racer.post("/v1/appointments", booking(cases[2]!, at("10:00"), { staffId: "bea" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    const loser = cases[results.findIndex((r) => r.status === 409)]!;
    const stored = results.filter((r) => r.status === 201).map((r) => r.json.id as string);

    const { sqlite } = setup.database;
    const ids = (rows: unknown[]) => [...new Set((rows as { id: string }[]).map((r) => r.id))].sort();
    expect(ids(sqlite.prepare("SELECT id FROM appointments").all())).toEqual(stored.sort());
    expect(sqlite.prepare("SELECT count(*) AS n FROM appointments WHERE case_id = ?").get(loser)).toEqual({ n: 0 });
    expect(ids(sqlite.prepare("SELECT appointment_id AS id FROM history").all())).toEqual(stored);
    expect(ids(sqlite.prepare("SELECT appointment_id AS id FROM notifications").all())).toEqual(stored);
    // Each stored booking has its full outbox, as when booked alone.
    const perBooking = sqlite.prepare("SELECT count(*) AS n FROM notifications GROUP BY appointment_id").all() as { n: number }[];
    expect(new Set(perBooking.map((r) => r.n)).size).toBe(1);
    expect(sqlite.prepare("SELECT count FROM day_counts").all()).toEqual([{ count: 2 }]);
  });
});
