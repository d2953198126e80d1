// Lengths need not be multiples of 5 minutes: a 50-minute interview with a 7-minute buffer on an
// 11-minute grid books to the minute, and many bookings at once leave no two holds overlapping.
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { gate } from "../helpers/gate.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { counseling } from "../helpers/fixtures.js";

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

/** A small seeded generator, so a failure can be replayed. */
const seeded = (seed: number) => () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function overlaps(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  const count = (column: string) =>
    (
      db
        .prepare(
          `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.${column} = y.${column} AND x.id < y.id
           WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
        )
        .get() as { n: number }
    ).n;
  const result = { staff: count("staff_id"), room: count("room_id") };
  db.close();
  return result;
}

describe("durations, buffers and steps that are not multiples of 5 minutes", () => {
  it("are accepted for a service, and a 50-minute interview with a 7-minute buffer holds exactly 57 minutes", async () => {
    const t = await bookingApp();
    apps.push(t);
    const created = await t.post("/v1/services", counseling({ id: "odd-interview", durationMinutes: 50, bufferMinutes: 7, slotStepMinutes: 11 }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ durationMinutes: 50, bufferMinutes: 7, slotStepMinutes: 11 });
    expect((await t.patch("/v1/services/iom-counseling", { durationMinutes: 50, bufferMinutes: 7, slotStepMinutes: 11 })).status).toBe(200);

    // The grid runs in 11-minute steps from local midnight: 09:10, 09:21, …
    const slots = await t.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-08");
    const starts: string[] = slots.json.slots.map((s: { localStart: string }) => s.localStart);
    expect(starts.slice(0, 3).map((s) => s.slice(11, 16))).toEqual(["09:10", "09:21", "09:32"]);
    const first = await t.post("/v1/appointments", booking(await newCase(t), starts[0]!, { staffId: "ana" }));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ start: "2026-12-07T14:10:00Z", end: "2026-12-07T15:00:00Z" });
    // The hold runs until 10:07: 10:05 (5 steps on) starts inside the buffer, 10:16 (6 steps on) is free.
    const inBuffer = await t.post("/v1/appointments", booking(await newCase(t), at("10:05"), { staffId: "ana" }));
    expect(inBuffer.status).toBe(409);
    expect(inBuffer.json.type).toBe("/problems/slot-taken");
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:16"), { staffId: "ana" }))).status).toBe(201);
    expect(overlaps(t.file)).toEqual({ staff: 0, room: 0 });
  });

  it("never overlap under 120 random bookings at once with odd lengths, over two connections", async () => {
    const t = await bookingApp({ staff: ["bea", "cruz"], service: { durationMinutes: 43, bufferMinutes: 7, slotStepMinutes: 7, needsRoom: true } });
    apps.push(t);
    for (const id of ["sala-1", "sala-2"]) await t.post("/v1/offices/bogota/rooms", { id, name: id });
    expect((await t.get("/v1/services/iom-counseling")).json).toMatchObject({ durationMinutes: 43, bufferMinutes: 7, slotStepMinutes: 7 });
    const offered = (await t.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-10")).json.slots.map((s: { start: string }) => s.start);
    expect(offered.length).toBeGreaterThan(40);

    const random = seeded(18);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const cases = [];
    for (let i = 0; i < 120; i++) cases.push(await newCase(t));
    const wrap = gate(120);
    const racers = [makeApp({ file: t.file, wrap }), makeApp({ file: t.file, wrap })];
    apps.push(...racers);
    const results = await Promise.all(
      cases.map((caseId, i) => {
        const named = random() < 0.5 ? { staffId: pick(["ana", "bea", "cruz"]) } : {};
        return racers[i % 2]!.post("/v1/appointments", booking(caseId, pick(offered), named));
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(10);
    for (const r of results.filter((x) => x.status === 201)) expect(Date.parse(r.json.end) - Date.parse(r.json.start)).toBe(43 * 60_000);
    expect(overlaps(t.file)).toEqual({ staff: 0, room: 0 });
  });
});
