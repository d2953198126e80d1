// Rescheduling to the time an appointment already has is no change: no count, no history, no
// message, no new sequence, for staff and for applicants. Another interviewer at the same time is.
import { afterEach, describe, expect, it } from "vitest";
import { act, at, book, history, linkApp, open, textOf, type TestApp } from "../applicant/helpers.js";
import { bookingApp } from "../helpers/booking.js";

let t: TestApp;
afterEach(() => t?.close());

/** Everything a reschedule would change: the row, its history, its outbox and the day counts. */
async function footprint(id: string) {
  const { sqlite } = t.database;
  return {
    appointment: sqlite.prepare("SELECT * FROM appointments WHERE id = ?").get(id),
    history: (await history(t, id)).length,
    outbox: sqlite.prepare("SELECT count(*) AS n FROM notifications").get(),
    dayCounts: sqlite.prepare("SELECT * FROM day_counts ORDER BY day").all(),
  };
}

describe("reschedule to the same time", () => {
  it.each([
    ["as written by the slot search (Z)", "2026-12-07T15:00:00Z", {}],
    ["in office time, with the same interviewer named", at("10:00"), { staffId: "ana" }],
  ])("is a no-op for staff, %s: 200 with the appointment unchanged", async (_, start, over) => {
    t = await bookingApp({ staff: ["bea"] });
    const { appointment } = await book(t, at("10:00"));
    await t.post(`/v1/appointments/${appointment.id}/confirm`);
    const before = await footprint(appointment.id);
    const res = await t.post(`/v1/appointments/${appointment.id}/reschedule`, { start, ...over });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: appointment.id, status: "confirmed", sequence: 0, rescheduleCount: 0, start: "2026-12-07T15:00:00Z", staffId: "ana" });
    expect(await footprint(appointment.id)).toEqual(before);
  });

  it("with another interviewer named is a real change", async () => {
    t = await bookingApp({ staff: ["bea"] });
    const { appointment } = await book(t, at("10:00"));
    const res = await t.post(`/v1/appointments/${appointment.id}/reschedule`, { start: at("10:00"), staffId: "bea" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ staffId: "bea", sequence: 1, rescheduleCount: 1, start: "2026-12-07T15:00:00Z" });
    expect((await history(t, appointment.id)).at(-1)).toMatchObject({ action: "reschedule", from: { staffId: "ana" }, to: { staffId: "bea" } });
  });

  it("still refuses a cancelled appointment", async () => {
    t = await bookingApp();
    const { appointment } = await book(t, at("10:00"));
    await t.post(`/v1/appointments/${appointment.id}/cancel`, { reason: "Applicant asked" });
    const res = await t.post(`/v1/appointments/${appointment.id}/reschedule`, { start: at("10:00") });
    expect(res.status).toBe(409);
    expect(res.json.type).toBe("/problems/conflict");
  });

  it("is a no-op for an applicant: the appointment page as it is, nothing counted or sent", async () => {
    const app = await linkApp();
    t = app.t;
    const before = await footprint(app.appointment.id);
    const res = await act(t, app.path, `${app.path}/reschedule`, { start: "2026-12-07T15:00:00Z" });
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("Lunes 7 de diciembre, 10:00");
    expect(await footprint(app.appointment.id)).toEqual(before);
    // Both moves the office allows are still there.
    expect(textOf((await open(t, app.path)).text)).not.toContain("Ya no puede cambiar la fecha");
    expect((await act(t, `${app.path}/slots?week=2026-12-07`, `${app.path}/reschedule`, { start: "2026-12-09T16:00:00Z" })).status).toBe(303);
    expect((await act(t, app.path, `${app.path}/reschedule`, { start: "2026-12-10T16:00:00Z" })).status).toBe(303);
  });
});
