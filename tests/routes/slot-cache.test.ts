// Slot answers are cached per process; a write through any other process must still show at once.
import { afterEach, describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { listSlots } from "../../src/domain/slots.js";
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

  it("applies the notice period and a case's window to a cached answer", async () => {
    const t = await bookingApp();
    apps.push(t);
    const caseId = await newCase(t, { screenedAt: "2026-11-30" }); // window from 2026-12-14
    expect(await starts(t)).toHaveLength(7);
    const withCase = await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-08&case=${caseId}`);
    expect(withCase.json.slots).toEqual([]);
    t.clock.set(Date.parse("2026-12-06T15:30:00Z")); // 24 h before 10:30 on the 7th
    expect(await starts(t)).toEqual(["10:30", "11:00", "11:30", "12:00"]);
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
