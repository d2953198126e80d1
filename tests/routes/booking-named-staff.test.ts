// A booking that names its interviewer does not read that interviewer's bookings first: the
// database refuses a taken time when it is written, and the answer must be the same 409 as when
// the read found it taken. Offices, services and staff are read once per configuration version,
// so a change made by another process must still reach the next booking.
import { afterEach, describe, expect, it } from "vitest";
import { versionsOf } from "../../src/domain/versions.js";
import type { Ctx } from "../../src/domain/context.js";
import { at, booking, bookingApp, newCase, weekdays, type TestApp } from "../helpers/booking.js";
import { makeApp } from "../helpers/app.js";

let t: TestApp;
let other: TestApp | undefined;
afterEach(() => {
  other?.database.close();
  other = undefined;
  t?.close();
});

const count = (table: string) => (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("booking a named interviewer", () => {
  it("answers 409 taken with the interviewer's next free slots when the database refuses an overlap, and writes nothing", async () => {
    t = await bookingApp({ staff: ["bea"] });
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana" }))).status).toBe(201);
    const written = { appointments: count("appointments"), history: count("history"), notifications: count("notifications"), days: count("day_counts") };
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:30"), { staffId: "ana" }));
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ type: "/problems/slot-taken", because: "taken" });
    expect(res.json.nextSlots.slice(0, 2).map((s: { localStart: string; staffIds: string[] }) => [s.localStart, s.staffIds])).toEqual([
      [at("11:00"), ["ana"]],
      [at("11:30"), ["ana"]],
    ]);
    expect({ appointments: count("appointments"), history: count("history"), notifications: count("notifications"), days: count("day_counts") }).toEqual(written);
    expect((t.database.sqlite.prepare("SELECT count AS n FROM day_counts").get() as { n: number }).n).toBe(1);
    // The other interviewer at the same time is free.
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:30"), { staffId: "bea" }))).status).toBe(201);
  });

  it("answers 409 daily-cap when the day is full, whoever is named", async () => {
    t = await bookingApp({ staff: ["bea"], service: { dailyCapPerOffice: 1 } });
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("09:00"), { staffId: "bea" }))).status).toBe(201);
    const full = await t.post("/v1/appointments", booking(await newCase(t), at("11:00"), { staffId: "ana" }));
    expect(full.status).toBe(409);
    expect(full.json).toMatchObject({ type: "/problems/slot-taken", because: "daily-cap" });
    expect(count("appointments")).toBe(1);
  });

  it("refuses a reschedule onto a named interviewer's held time and leaves the appointment as it was", async () => {
    t = await bookingApp({ staff: ["bea"] });
    await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana" }));
    const mine = await t.post("/v1/appointments", booking(await newCase(t), at("12:00"), { staffId: "bea" }));
    const moved = await t.post(`/v1/appointments/${mine.json.id}/reschedule`, { start: at("10:30"), staffId: "ana" });
    expect(moved.status).toBe(409);
    expect(moved.json).toMatchObject({ type: "/problems/slot-taken", because: "taken" });
    expect((await t.get(`/v1/appointments/${mine.json.id}`)).json).toMatchObject({ staffId: "bea", localStart: at("12:00"), sequence: 0 });
  });

  it("still refuses a start outside the interviewer's hours as 422 naming start", async () => {
    t = await bookingApp();
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("14:00"), { staffId: "ana" }));
    expect(res.status).toBe(422);
    expect(res.json.errors[0].path).toBe("start");
  });
});

describe("configuration read once per version", () => {
  it("sees hours, staff and bookings changed by another process at the next booking", async () => {
    t = await bookingApp({ staff: ["bea"] });
    // Warm this process's caches: office, service, staff places and the week's calendar.
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("09:00"), { staffId: "ana" }))).status).toBe(201);
    other = makeApp({ file: t.file });

    // Another process books bea at 10:00: this one's named booking is refused by the database.
    expect((await other.post("/v1/appointments", booking(await newCase(other), at("10:00"), { staffId: "bea" }))).status).toBe(201);
    const taken = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "bea" }));
    expect(taken.json).toMatchObject({ type: "/problems/slot-taken", because: "taken" });

    // It shortens ana's hours and takes bea off the service: both show here at once.
    expect((await other.put("/v1/staff/ana/availability", [{ ...weekdays, end: "11:00" }])).status).toBe(200);
    const late = await t.post("/v1/appointments", booking(await newCase(t), at("12:00"), { staffId: "ana" }));
    expect(late.status).toBe(422);
    expect(late.json.errors[0].path).toBe("start");
    expect((await other.patch("/v1/staff/bea", { serviceIds: [] })).status).toBe(200);
    const gone = await t.post("/v1/appointments", booking(await newCase(t), at("12:00"), { staffId: "bea" }));
    expect(gone.status).toBe(422);
    expect(gone.json.errors[0].path).toBe("staffId");

    // And a new zone for the office changes the local times of the answer.
    expect((await other.patch("/v1/offices/bogota", { timeZone: "America/Lima" })).status).toBe(200);
    expect((await t.get("/v1/appointments?staffId=ana")).json.items[0].timeZone).toBe("America/Lima");
  });

  it("counts an eligibility change as configuration", async () => {
    t = await bookingApp();
    const ctx: Ctx = { deps: t.deps, actor: { id: "admin-token", role: "admin", officeIds: [], staffId: null } };
    const before = (await versionsOf(ctx, "bogota")).config;
    expect((await t.put("/v1/offices/bogota/eligibility", { nationalities: ["VE"], presentOnOrBefore: "2023-06-11" })).status).toBe(200);
    expect((await versionsOf(ctx, "bogota")).config).not.toBe(before);
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toMatchObject({ nationalities: ["VE"] });
  });
});
