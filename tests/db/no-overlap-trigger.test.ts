// The database itself refuses overlapping holds, whoever writes: the triggers of drizzle/0011,
// driven here with plain SQL that no application code checks first.
import { afterEach, describe, expect, it } from "vitest";
import { takenResource } from "../../src/domain/booking/overlap.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";

let t: TestApp;
afterEach(() => t?.close());

const MIN = 60_000;

/** Books through the API, then returns a raw writer of further rows copied from that one. */
async function withOneBooking(service: Record<string, unknown> = {}) {
  t = await bookingApp({ staff: ["bea"], service });
  if (service.needsRoom) await t.post("/v1/offices/bogota/rooms", { id: "sala-1", name: "Sala 1" });
  const first = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana", ...(service.needsRoom ? { roomId: "sala-1" } : {}) }));
  expect(first.status).toBe(201);
  const { sqlite } = t.database;
  const row = sqlite.prepare("SELECT * FROM appointments WHERE id = ?").get(first.json.id) as Record<string, unknown> & { start_at: number; hold_until: number };
  let n = 0;
  const insert = async (over: Record<string, unknown>) => {
    const values = { ...row, id: `apt_raw${++n}`, uid: `raw${n}@cita`, case_id: await newCase(t), ...over };
    const columns = Object.keys(values);
    sqlite.prepare(`INSERT INTO appointments (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`).run(values);
    return values.id as string;
  };
  const refusal = async (write: () => unknown) => {
    try {
      await write();
    } catch (error) {
      return takenResource(error) ?? (error as Error).message;
    }
    return "written";
  };
  return { sqlite, row, insert, refusal };
}

describe("the no-overlap triggers", () => {
  it("refuse an insert that overlaps a live hold of the interviewer by one minute, and allow touching holds", async () => {
    const { row, insert, refusal } = await withOneBooking({ bufferMinutes: 7 });
    const hold = row.hold_until - row.start_at;
    expect(await refusal(() => insert({ start_at: row.hold_until - MIN, end_at: row.hold_until + 59 * MIN, hold_until: row.hold_until - MIN + hold }))).toBe("staff");
    expect(await refusal(() => insert({ start_at: row.start_at - hold + MIN, hold_until: row.start_at + MIN }))).toBe("staff");
    expect(await refusal(() => insert({ start_at: row.start_at + 10 * MIN, hold_until: row.start_at + 20 * MIN }))).toBe("staff");
    expect(await refusal(() => insert({ start_at: row.hold_until, end_at: row.hold_until + 60 * MIN, hold_until: row.hold_until + hold }))).toBe("written");
    expect(await refusal(() => insert({ start_at: row.start_at - hold, end_at: row.start_at - 7 * MIN, hold_until: row.start_at }))).toBe("written");
    expect(await refusal(() => insert({ staff_id: "bea" }))).toBe("written");
  });

  it("look back over the longest hold (12 hours) and refuse a longer one", async () => {
    const { row, insert, refusal } = await withOneBooking();
    // A 12-hour hold starting just under 12 hours earlier still reaches into the booking.
    const start = row.start_at - 12 * 60 * MIN + MIN;
    expect(await refusal(() => insert({ start_at: start, end_at: start + 8 * 60 * MIN, hold_until: start + 12 * 60 * MIN }))).toBe("staff");
    expect(await refusal(() => insert({ staff_id: "bea", start_at: start, hold_until: start + 12 * 60 * MIN + MIN }))).toMatch(/hold-too-long/);
  });

  it("let a cancelled hold be booked again, and ignore cancelled rows written over live ones", async () => {
    const { sqlite, row, insert, refusal } = await withOneBooking();
    expect(await refusal(() => insert({ status: "cancelled" }))).toBe("written");
    sqlite.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(row.id);
    expect(await refusal(() => insert({}))).toBe("written");
  });

  it("refuse moving another appointment into the hold, but not the row's own changes", async () => {
    const { sqlite, row, insert, refusal } = await withOneBooking();
    const other = await insert({ start_at: row.hold_until, end_at: row.hold_until + 60 * MIN, hold_until: row.hold_until + 60 * MIN });
    const move = (start: number) => () =>
      sqlite.prepare("UPDATE appointments SET start_at = ?, end_at = ?, hold_until = ? WHERE id = ?").run(start, start + 60 * MIN, start + 60 * MIN, other);
    expect(await refusal(move(row.hold_until - MIN))).toBe("staff");
    expect(await refusal(() => sqlite.prepare("UPDATE appointments SET staff_id = 'bea' WHERE id = ?").run(other))).toBe("written");
    expect(await refusal(() => sqlite.prepare("UPDATE appointments SET staff_id = 'ana', start_at = start_at - 30 * 60000 WHERE id = ?").run(other))).toBe("staff");
    // Its own hold does not count: shifting the first appointment by 30 minutes is fine.
    expect(
      await refusal(() =>
        sqlite.prepare("UPDATE appointments SET start_at = start_at + 1800000, end_at = end_at + 1800000, hold_until = hold_until + 1800000 WHERE id = ?").run(row.id),
      ),
    ).toBe("written");
    // A cancelled appointment brought back must fit too.
    sqlite.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(row.id);
    await insert({ start_at: row.start_at, hold_until: row.hold_until });
    expect(await refusal(() => sqlite.prepare("UPDATE appointments SET status = 'scheduled' WHERE id = ?").run(row.id))).toBe("staff");
    expect(await refusal(() => sqlite.prepare("UPDATE appointments SET status = 'confirmed' WHERE id <> ?").run(row.id))).toBe("written");
  });

  it("refuse a room held by another interviewer's appointment", async () => {
    const { sqlite, row, insert, refusal } = await withOneBooking({ needsRoom: true });
    expect(await refusal(() => insert({ staff_id: "bea", start_at: row.start_at + 30 * MIN, hold_until: row.hold_until + 30 * MIN }))).toBe("room");
    const free = await insert({ staff_id: "bea", room_id: null });
    expect(await refusal(() => sqlite.prepare("UPDATE appointments SET room_id = 'sala-1' WHERE id = ?").run(free))).toBe("room");
  });
});

describe("takenResource", () => {
  it("reads the trigger's refusal as better-sqlite3 and D1 word it, and nothing else", () => {
    expect(takenResource(new Error("slot-taken: staff"))).toBe("staff");
    expect(takenResource(new Error("D1_ERROR: slot-taken: room: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_TRIGGER)"))).toBe("room");
    expect(takenResource(new Error("D1_BATCH_ERROR", { cause: new Error("slot-taken: staff: SQLITE_CONSTRAINT") }))).toBe("staff");
    expect(takenResource(new Error("UNIQUE constraint failed: appointments.case_id, appointments.service_id"))).toBeNull();
    expect(takenResource(new Error("slot-taken"))).toBeNull();
    expect(takenResource("nothing")).toBeNull();
  });
});
