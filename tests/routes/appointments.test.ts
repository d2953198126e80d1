import { afterEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";

let t: TestApp;
afterEach(() => t?.close());

const slotStarts = async (date = "2026-12-07") =>
  (await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${date}&to=${date}T23:59:00-05:00`)).json.slots.map((s: { localStart: string }) => s.localStart.slice(11, 16));

describe("booking", () => {
  it("books a free start and computes the end from the service", async () => {
    t = await bookingApp();
    const caseId = await newCase(t);
    const res = await t.post("/v1/appointments", booking(caseId, at("10:00")));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      caseId,
      serviceId: "iom-counseling",
      officeId: "bogota",
      staffId: "ana",
      roomId: null,
      start: "2026-12-07T15:00:00Z",
      end: "2026-12-07T16:00:00Z",
      localStart: "2026-12-07T10:00:00-05:00",
      localEnd: "2026-12-07T11:00:00-05:00",
      timeZone: "America/Bogota",
      status: "scheduled",
      sequence: 0,
    });
    expect(res.json.uid).toBe(`${res.json.id}@cita`);
    expect(res.json.selfServiceUrl).toMatch(/^http:\/\/cita\.test\/a\/[\w-]+\.[\w-]+$/);
    expect(await slotStarts()).toEqual(["09:00", "11:00", "11:30", "12:00"]);
    expect((await t.get(`/v1/appointments/${res.json.id}`)).json.id).toBe(res.json.id);
  });

  it("answers 409 slot-taken with the next free slots when the time is gone", async () => {
    t = await bookingApp();
    await t.post("/v1/appointments", booking(await newCase(t), at("10:00")));
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:30")));
    expect(res.status).toBe(409);
    expect(res.json.type).toBe("/problems/slot-taken");
    expect(res.json.nextSlots.slice(0, 2).map((s: { localStart: string }) => s.localStart)).toEqual([at("11:00"), at("11:30")]);
  });

  it("auto-assigns the least-loaded interviewer, then the next one", async () => {
    t = await bookingApp({ staff: ["bea"] });
    await t.post("/v1/appointments", booking(await newCase(t), at("09:00"), { staffId: "ana" }));
    const second = await t.post("/v1/appointments", booking(await newCase(t), at("11:00")));
    expect(second.json.staffId).toBe("bea");
    const third = await t.post("/v1/appointments", booking(await newCase(t), at("11:00")));
    expect(third.json.staffId).toBe("ana");
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("11:00")))).status).toBe(409);
  });

  it("keeps the buffer after an appointment free", async () => {
    t = await bookingApp({ service: { bufferMinutes: 15 } });
    await t.post("/v1/appointments", booking(await newCase(t), at("09:00")));
    expect(await slotStarts()).toEqual(["10:30", "11:00", "11:30", "12:00"]);
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:00")))).status).toBe(409);
  });

  it("refuses a start outside the case's window unless a scheduler gives a reason, and records it", async () => {
    t = await bookingApp();
    const caseId = await newCase(t);
    const early = await t.post("/v1/appointments", booking(caseId, at("10:00", "2026-12-01")));
    expect(early.status).toBe(422);
    expect(early.json.type).toBe("/problems/outside-window");
    const scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
    const res = await t.post("/v1/appointments", booking(caseId, at("10:00", "2026-12-01"), { overrideWindow: { reason: "Urgent protection need" } }), { token: scheduler });
    expect(res.status).toBe(201);
    expect(res.json.windowOverride).toEqual({ reason: "Urgent protection need" });
    const history = await t.get(`/v1/appointments/${res.json.id}/history`);
    expect(history.json.items[0]).toMatchObject({ action: "booked", from: null, to: { windowOverride: "Urgent protection need", status: "scheduled" } });
  });

  it("refuses a scheduler of another office with 403", async () => {
    t = await bookingApp();
    const caseId = await newCase(t);
    await t.post("/v1/offices", { ...(await t.get("/v1/offices/bogota")).json, id: "cali", createdAt: undefined, updatedAt: undefined });
    const other = await token(t, { role: "scheduler", officeIds: ["cali"] });
    expect((await t.post("/v1/appointments", booking(caseId, at("10:00")), { token: other })).status).toBe(403);
  });

  it.each([
    [{ start: at("10:10") }, "start"],
    [{ start: at("07:00") }, "start"],
    [{ start: at("10:00", "2026-12-05") }, "start"],
    [{ start: "2026-12-07T10:00:00" }, "start"],
    [{ staffId: "nobody" }, "staffId"],
    [{ roomId: "sala-1" }, "roomId"],
    [{ serviceId: "iom-counseling", extra: 1 }, "extra"],
  ])("refuses %j naming %s, writing nothing", async (over, path) => {
    t = await bookingApp();
    const caseId = await newCase(t);
    const res = await t.post("/v1/appointments", { ...booking(caseId, at("10:00")), ...over });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.get("/v1/appointments")).json.items).toEqual([]);
  });

  it("refuses a start within the minimum notice", async () => {
    t = await bookingApp();
    const caseId = await newCase(t);
    t.clock.set(Date.parse("2026-12-06T20:00:00Z"));
    const res = await t.post("/v1/appointments", booking(caseId, at("10:00")));
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ path: "start", message: "must be at least 24 hours from now" });
  });

  it("refuses another track's service and a second live appointment of the same service", async () => {
    t = await bookingApp();
    const unhcrCase = await newCase(t, { track: "UNHCR" });
    expect((await t.post("/v1/appointments", booking(unhcrCase, at("10:00")))).json.errors[0].path).toBe("serviceId");
    const caseId = await newCase(t);
    expect((await t.post("/v1/appointments", booking(caseId, at("10:00")))).status).toBe(201);
    const again = await t.post("/v1/appointments", booking(caseId, at("12:00")));
    expect(again.status).toBe(409);
    expect(again.json.type).toBe("/problems/conflict");
  });

  it("closes a day at the service's daily cap", async () => {
    t = await bookingApp({ staff: ["bea"], service: { dailyCapPerOffice: 2 } });
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("09:00")))).status).toBe(201);
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("09:00")))).status).toBe(201);
    expect(await slotStarts()).toEqual([]);
    const full = await t.post("/v1/appointments", booking(await newCase(t), at("11:00")));
    expect(full.status).toBe(409);
    expect(full.json).toMatchObject({ type: "/problems/slot-taken", because: "daily-cap" });
    expect((await slotStarts("2026-12-09")).length).toBeGreaterThan(0);
  });

  it("needs a free room when the service uses rooms", async () => {
    t = await bookingApp({ staff: ["bea"], service: { needsRoom: true } });
    await t.post("/v1/offices/bogota/rooms", { id: "sala-1", name: "Sala 1" });
    const first = await t.post("/v1/appointments", booking(await newCase(t), at("09:00")));
    expect(first.json.roomId).toBe("sala-1");
    const second = await t.post("/v1/appointments", booking(await newCase(t), at("09:00")));
    expect(second.status).toBe(409);
    await t.post("/v1/offices/bogota/rooms", { id: "sala-2", name: "Sala 2" });
    const third = await t.post("/v1/appointments", booking(await newCase(t), at("09:00")));
    expect(third.json).toMatchObject({ roomId: "sala-2", staffId: "bea" });
  });

  it("replays an Idempotency-Key: same body, same answer and one appointment; another body, 422", async () => {
    t = await bookingApp();
    const caseId = await newCase(t);
    const headers = { "idempotency-key": "book-1" };
    const first = await t.post("/v1/appointments", booking(caseId, at("10:00")), { headers });
    const again = await t.post("/v1/appointments", booking(caseId, at("10:00")), { headers });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await t.get("/v1/appointments")).json.items).toHaveLength(1);
    const other = await t.post("/v1/appointments", booking(caseId, at("11:00")), { headers });
    expect(other.status).toBe(422);
    expect(other.json.errors[0].path).toBe("Idempotency-Key");
    t.clock.advance(25 * 3_600_000);
    const later = await t.post("/v1/offices/bogota/closures", { date: "2027-01-04", reason: "x" }, { headers });
    expect(later.status).toBe(201);
  });

  it("lists appointments by filter and an office's day in start order", async () => {
    t = await bookingApp({ staff: ["bea"] });
    const b = await t.post("/v1/appointments", booking(await newCase(t), at("11:00")));
    const a = await t.post("/v1/appointments", booking(await newCase(t), at("09:00")));
    await t.post("/v1/appointments", booking(await newCase(t), at("09:00", "2026-12-09")));
    const day = await t.get("/v1/offices/bogota/day/2026-12-07");
    expect(day.json.items.map((x: { id: string }) => x.id)).toEqual([a.json.id, b.json.id]);
    expect((await t.get("/v1/appointments?staffId=ana")).json.items.length).toBeGreaterThan(0);
    expect((await t.get(`/v1/appointments?from=${encodeURIComponent(at("00:00", "2026-12-09"))}`)).json.items).toHaveLength(1);
    expect((await t.get("/v1/appointments?status=cancelled")).json.items).toHaveLength(0);
    expect((await t.get("/v1/offices/bogota/day/2026-13-01")).status).toBe(422);
  });
});
