// Slot answers are cached per process; a write through any other process must still show at once.
import { afterEach, describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase, weekdays, type TestApp } from "../helpers/booking.js";
import { bogota } from "../helpers/fixtures.js";
import { listSlots } from "../../src/domain/slot-search.js";
import { findAppointment } from "../../src/domain/booking/read.js";

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

const starts = async (t: TestApp) =>
  (await t.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-08")).json.slots.map((s: { localStart: string }) => s.localStart.slice(11, 16));

describe("the slot cache", () => {
  it("sees bookings, cancellations, time off and closures made through another connection", async () => {
    const reader = await bookingApp();
    const writer = makeApp({ file: reader.file });
    apps.push(reader, writer);
    expect(await starts(reader)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"]);

    const booked = await writer.post("/v1/appointments", booking(await newCase(writer), at("10:00")));
    expect(await starts(reader)).toEqual(["09:00", "11:00", "11:30", "12:00"]);

    await writer.post(`/v1/appointments/${booked.json.id}/cancel`, { reason: "x" });
    expect(await starts(reader)).toHaveLength(7);

    await writer.post("/v1/staff/ana/time-off", { start: at("09:00"), end: at("11:00"), reason: "Training" });
    expect(await starts(reader)).toEqual(["11:00", "11:30", "12:00"]);

    await writer.post("/v1/offices/bogota/closures", { date: "2026-12-07", reason: "Closed" });
    expect(await starts(reader)).toEqual([]);
  });

  it("sees a booking at another office of the same interviewer", async () => {
    const t = await bookingApp();
    apps.push(t);
    await t.post("/v1/offices", bogota({ id: "medellin", name: "SMO Medellín" }));
    await t.patch("/v1/staff/ana", { officeIds: ["bogota", "medellin"] });
    // A counselor working remotely for both offices in the same hours.
    await t.put("/v1/staff/ana/availability", [weekdays, { ...weekdays, officeId: "medellin" }]);
    expect(await starts(t)).toHaveLength(7);
    const elsewhere = await t.post("/v1/appointments", booking(await newCase(t, { officeId: "medellin" }), at("10:00"), { officeId: "medellin", staffId: "ana" }));
    expect(elsewhere.status, elsewhere.text).toBe(201);
    expect(await starts(t)).toEqual(["09:00", "11:00", "11:30", "12:00"]);
  });

  it("applies the notice period and a case's window to a cached answer", async () => {
    const t = await bookingApp();
    apps.push(t);
    t.clock.set(Date.parse("2026-11-30T15:00:00Z")); // a case is screened by today at its office
    const caseId = await newCase(t, { screenedAt: "2026-11-30" }); // window from 2026-12-14
    t.clock.set(Date.parse("2026-11-23T12:00:00Z"));
    expect(await starts(t)).toHaveLength(7);
    const withCase = await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-08&case=${caseId}`);
    expect(withCase.json.slots).toEqual([]);
    t.clock.set(Date.parse("2026-12-06T15:30:00Z")); // 24 h before 10:30 on the 7th
    expect(await starts(t)).toEqual(["10:30", "11:00", "11:30", "12:00"]);
  });
});

describe("the finished slot body", () => {
  const week = "/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-14";

  it("is served again byte for byte until a write through any connection changes the office's free time", async () => {
    const reader = await bookingApp();
    const writer = makeApp({ file: reader.file });
    apps.push(reader, writer);
    const first = await reader.get(week);
    const again = await reader.get(week);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toBe("application/json");
    expect(again.text).toBe(first.text);
    expect(JSON.parse(first.text)).toEqual({ timeZone: "America/Bogota", slots: expect.any(Array) });

    await writer.post("/v1/appointments", booking(await newCase(writer), at("10:00")));
    const after = await reader.get(week);
    expect(after.text).not.toBe(first.text);
    expect(after.json.slots.length).toBe(first.json.slots.length - 3);
    // A configuration write (time off) is seen at once too.
    await writer.post("/v1/staff/ana/time-off", { start: at("09:00", "2026-12-09"), end: at("13:00", "2026-12-09"), reason: "Training" });
    expect((await reader.get(week)).json.slots.length).toBe(after.json.slots.length - 7);
  });

  it("follows the clock and the case's window, not only the versions", async () => {
    const t = await bookingApp();
    apps.push(t);
    const all = (await t.get(week)).json.slots.length;
    t.clock.set(Date.parse("2026-11-28T15:00:00Z")); // a case is screened by today at its office
    const caseId = await newCase(t, { screenedAt: "2026-11-28" }); // window from 2026-12-12: none of this week's weekdays
    t.clock.set(Date.parse("2026-11-23T12:00:00Z"));
    expect((await t.get(`${week}&case=${caseId}`)).json.slots).toEqual([]);
    expect((await t.get(week)).json.slots).toHaveLength(all);
    t.clock.set(Date.parse("2026-12-08T15:30:00Z")); // 24 h ahead is the 9th at 10:30 Bogotá (the 8th is a holiday)
    const later = (await t.get(week)).json.slots.map((s: { localStart: string }) => s.localStart);
    expect(later[0]).toBe("2026-12-09T10:30:00-05:00");
    t.clock.set(Date.parse("2026-11-23T12:00:00Z")); // a clock set back offers them again
    expect((await t.get(week)).json.slots).toHaveLength(all);
  });
});

describe("slots for moving an appointment", () => {
  it("offers the times next to the appointment's own, which it would free", async () => {
    const t = await bookingApp();
    apps.push(t);
    const { json } = await t.post("/v1/appointments", booking(await newCase(t), at("10:00")));
    const ctx = { deps: t.deps, actor: { id: "applicant", role: "applicant" as const, officeIds: [], staffId: null, appointmentId: json.id } };
    const row = await findAppointment(ctx, json.id);
    const request = { serviceId: "iom-counseling", officeId: "bogota", from: "2026-12-07", to: "2026-12-08", caseId: row.caseId };
    const without = (await listSlots(ctx, request)).slots.length;
    const moving = (await listSlots(ctx, { ...request, moving: row })).slots.map((s) => new Date(s.start).toISOString().slice(11, 16));
    expect(without).toBe(4);
    expect(moving).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"]);
  });
});
