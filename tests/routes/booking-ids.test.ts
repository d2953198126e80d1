// A wrong staffId or roomId in a booking or a reschedule is a 422 naming that field, never a
// 409 "someone booked this time first" for a time the slot search shows as free.
import { afterEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { counselor, counseling } from "../helpers/fixtures.js";

let t: TestApp;
afterEach(() => t?.close());

async function roomsApp() {
  t = await bookingApp({ service: { needsRoom: true } });
  await t.post("/v1/offices/bogota/rooms", { id: "sala-1", name: "Sala 1" });
  // Another office with a room of its own, another service, and staff who do not fit.
  await t.post("/v1/offices", { ...(await t.get("/v1/offices/bogota")).json, id: "cali", createdAt: undefined, updatedAt: undefined });
  await t.post("/v1/offices/cali/rooms", { id: "sala-9", name: "Sala 9" });
  await t.post("/v1/services", counseling({ id: "iom-followup" }));
  await t.post("/v1/staff", counselor({ id: "carla", officeIds: ["cali"] }));
  await t.post("/v1/staff", counselor({ id: "felix", serviceIds: ["iom-followup"] }));
  return t;
}

const rows = async () => (await t.get("/v1/appointments")).json.items;

describe("named interviewer and room", () => {
  it("shows the start as free, then books it with the right ids", async () => {
    await roomsApp();
    const free = await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${encodeURIComponent(at("10:00"))}&to=${encodeURIComponent(at("10:30"))}`);
    expect(free.json.slots.map((s: { localStart: string }) => s.localStart)).toEqual([at("10:00")]);
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana", roomId: "sala-1" }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ staffId: "ana", roomId: "sala-1" });
  });

  it.each([
    [{ roomId: "sala-404" }, "roomId", "no room 'sala-404' at office 'bogota'"],
    [{ roomId: "sala-9" }, "roomId", "no room 'sala-9' at office 'bogota'"],
    [{ staffId: "nobody" }, "staffId", "no staff member 'nobody' works at office 'bogota'"],
    [{ staffId: "carla" }, "staffId", "no staff member 'carla' works at office 'bogota'"],
    [{ staffId: "felix" }, "staffId", "'felix' does not offer the service 'iom-counseling'"],
  ])("refuses a booking with %j as a 422 naming %s, writing nothing", async (over, path, message) => {
    await roomsApp();
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), over));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.type).toBe("/problems/validation");
    expect(res.json.errors).toEqual([{ path, message }]);
    expect(await rows()).toEqual([]);
  });

  it.each([
    ["nobody", "no staff member 'nobody' works at office 'bogota'"],
    ["carla", "no staff member 'carla' works at office 'bogota'"],
    ["felix", "'felix' does not offer the service 'iom-counseling'"],
  ])("refuses a reschedule to staffId %s as a 422 naming staffId, changing nothing", async (staffId, message) => {
    await roomsApp();
    const booked = await t.post("/v1/appointments", booking(await newCase(t), at("10:00")));
    const res = await t.post(`/v1/appointments/${booked.json.id}/reschedule`, { start: at("11:00"), staffId });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ path: "staffId", message }]);
    const now = (await t.get(`/v1/appointments/${booked.json.id}`)).json;
    expect(now).toMatchObject({ localStart: at("10:00"), staffId: "ana", sequence: 0, rescheduleCount: 0 });
    expect((await t.get(`/v1/appointments/${booked.json.id}/history`)).json.items).toHaveLength(1);
  });

  it("still answers 409 slot-taken for a known interviewer who is busy", async () => {
    await roomsApp();
    await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana" }));
    const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:00"), { staffId: "ana" }));
    expect(res.status).toBe(409);
    expect(res.json.type).toBe("/problems/slot-taken");
  });
});
