// Every booking reads a free calendar, then all of them write at once: only the database's
// constraints can keep the calendar single-booked. (Drop the no-overlap triggers and this test fails.)
import { afterEach, describe, expect, it } from "vitest";
import { gate } from "../helpers/gate.js";
import BetterSqlite3 from "better-sqlite3";
import { makeApp, type TestApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase } from "../helpers/booking.js";

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

const overlaps = (file: string, column: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.${column} = y.${column} AND x.id < y.id
    WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
    )
    .get() as { n: number };
  db.close();
  return n;
};

describe("racing bookings", () => {
  it("lets exactly one of 20 overlapping bookings of one interviewer through, over two connections", async () => {
    const setup = await bookingApp();
    apps.push(setup);
    const cases = [];
    for (let i = 0; i < 20; i++) cases.push(await newCase(setup));
    const wrap = gate(20);
    const first = makeApp({ file: setup.file, wrap });
    const second = makeApp({ file: setup.file, wrap });
    apps.push(first, second);
    const results = await Promise.all(
      cases.map((caseId, i) => (i % 2 ? first : second).post("/v1/appointments", booking(caseId, at(i % 2 ? "10:00" : "10:30"), { staffId: "ana" }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(overlaps(setup.file, "staff_id")).toBe(0);
  });

  it("keeps rooms and the daily cap under a race too", async () => {
    const setup = await bookingApp({ staff: ["bea", "cruz", "dan"], service: { needsRoom: true, dailyCapPerOffice: 2 } });
    apps.push(setup);
    await setup.post("/v1/offices/bogota/rooms", { id: "sala-1", name: "Sala 1" });
    await setup.post("/v1/offices/bogota/rooms", { id: "sala-2", name: "Sala 2" });
    const cases = [];
    for (let i = 0; i < 8; i++) cases.push(await newCase(setup));
    const wrap = gate(8);
    const racer = makeApp({ file: setup.file, wrap });
    apps.push(racer);
    const staff = ["ana", "bea", "cruz", "dan"];
    const results = await Promise.all(
      cases.map((caseId, i) => racer.post("/v1/appointments", booking(caseId, at("09:00"), { staffId: staff[i % 4], roomId: i % 2 ? "sala-1" : "sala-2" }))),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(overlaps(setup.file, "room_id")).toBe(0);
    expect(overlaps(setup.file, "staff_id")).toBe(0);
  });

  it("keeps two rooms single-booked when four free interviewers race for them", async () => {
    const setup = await bookingApp({ staff: ["bea", "cruz", "dan"], service: { needsRoom: true } });
    apps.push(setup);
    for (const id of ["sala-1", "sala-2"]) await setup.post("/v1/offices/bogota/rooms", { id, name: id });
    const cases = [];
    for (let i = 0; i < 8; i++) cases.push(await newCase(setup));
    const wrap = gate(8);
    const racers = [makeApp({ file: setup.file, wrap }), makeApp({ file: setup.file, wrap })];
    apps.push(...racers);
    const staff = ["ana", "bea", "cruz", "dan"];
    const results = await Promise.all(cases.map((caseId, i) => racers[i % 2]!.post("/v1/appointments", booking(caseId, at("09:00"), { staffId: staff[i % 4] }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, ...Array(6).fill(409)]);
    expect(
      results
        .filter((r) => r.status === 201)
        .map((r) => r.json.roomId)
        .sort(),
    ).toEqual(["sala-1", "sala-2"]);
    expect(overlaps(setup.file, "room_id")).toBe(0);
  });

  it("lets one of two reschedules onto the same interviewer's hour through", async () => {
    const setup = await bookingApp();
    apps.push(setup);
    const ids = [];
    for (const start of ["09:00", "11:00"]) ids.push((await setup.post("/v1/appointments", booking(await newCase(setup), at(start), { staffId: "ana" }))).json.id);
    const wrap = gate(2);
    const racers = [makeApp({ file: setup.file, wrap }), makeApp({ file: setup.file, wrap })];
    apps.push(...racers);
    const results = await Promise.all(ids.map((id, i) => racers[i]!.post(`/v1/appointments/${id}/reschedule`, { start: at("10:00"), staffId: "ana" })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.json.type).toBe("/problems/slot-taken");
    expect(overlaps(setup.file, "staff_id")).toBe(0);
  });

  it("lets one of two concurrent transitions of the same appointment through", async () => {
    const setup = await bookingApp();
    apps.push(setup);
    const { json } = await setup.post("/v1/appointments", booking(await newCase(setup), at("10:00")));
    const wrap = gate(2);
    const racer = makeApp({ file: setup.file, wrap });
    apps.push(racer);
    const [x, y] = await Promise.all([racer.post(`/v1/appointments/${json.id}/cancel`, { reason: "a" }), racer.post(`/v1/appointments/${json.id}/confirm`)]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const history = (await setup.get(`/v1/appointments/${json.id}/history`)).json.items;
    expect(history).toHaveLength(2);
  });

  // One Idempotency-Key once stored two bookings while one caller got a 422: the key is now
  // claimed before the write, so the second body never reaches it.
  it("writes one booking for one Idempotency-Key sent at once with two bodies; the other caller gets a 422", async () => {
    const setup = await bookingApp({ staff: ["ben"] });
    apps.push(setup);
    const [x, y] = [await newCase(setup), await newCase(setup)];
    const wrap = gate(2);
    const racer = makeApp({ file: setup.file, wrap });
    apps.push(racer);
    const headers = { "idempotency-key": "same-key" };
    const results = await Promise.all([
      racer.post("/v1/appointments", booking(x, at("10:00"), { staffId: "ana" }), { headers }),
      racer.post("/v1/appointments", booking(y, at("11:00"), { staffId: "ben" }), { headers }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.status === 422)!.json.errors[0].path).toBe("Idempotency-Key");
    expect((await setup.get("/v1/appointments")).json.items).toHaveLength(1);
  });

  it("answers a repeat sent while the first is still writing with the first's answer, and books once", async () => {
    const setup = await bookingApp();
    apps.push(setup);
    const caseId = await newCase(setup);
    const wrap = gate(2);
    const racer = makeApp({ file: setup.file, wrap });
    apps.push(racer);
    const headers = { "idempotency-key": "retry-1" };
    const [first, second] = await Promise.all([0, 1].map(() => racer.post("/v1/appointments", booking(caseId, at("10:00")), { headers })));
    expect([first!.status, second!.status]).toEqual([201, 201]);
    expect(second!.json).toEqual(first!.json);
    expect([first!, second!].filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(1);
    expect((await setup.get("/v1/appointments")).json.items).toHaveLength(1);
  });
});
