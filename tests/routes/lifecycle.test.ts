import { afterEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";

let t: TestApp;
afterEach(() => t?.close());

async function booked(start = at("10:00"), caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

const notifications = async (id: string) => (await t.get(`/v1/notifications?appointmentId=${id}`)).json.items;

describe("appointment life cycle", () => {
  it("goes scheduled → confirmed → checked_in → completed, checking in only on its local day", async () => {
    t = await bookingApp();
    const a = await booked();
    expect((await t.post(`/v1/appointments/${a.id}/confirm`)).json.status).toBe("confirmed");
    const again = await t.post(`/v1/appointments/${a.id}/confirm`);
    expect(again.status).toBe(409);
    expect(again.json.type).toBe("/problems/conflict");
    expect((await t.post(`/v1/appointments/${a.id}/complete`)).status).toBe(409);
    expect((await t.post(`/v1/appointments/${a.id}/check-in`)).status).toBe(409);
    t.clock.set(Date.parse("2026-12-07T04:30:00Z")); // 23:30 on the 6th in Bogotá: not yet its day
    expect((await t.post(`/v1/appointments/${a.id}/check-in`)).status).toBe(409);
    t.clock.set(Date.parse("2026-12-07T14:50:00Z"));
    expect((await t.post(`/v1/appointments/${a.id}/check-in`)).json.status).toBe("checked_in");
    expect((await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "x" })).status).toBe(409);
    expect((await t.post(`/v1/appointments/${a.id}/complete`)).json.status).toBe("completed");
    const history = (await t.get(`/v1/appointments/${a.id}/history`)).json.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["booked", "confirm", "check_in", "complete"]);
    expect(history[1]).toMatchObject({ actor: "admin-token", from: { status: "scheduled" }, to: { status: "confirmed" } });
  });

  it("records a no-show only after the start", async () => {
    t = await bookingApp();
    const a = await booked();
    expect((await t.post(`/v1/appointments/${a.id}/no-show`)).status).toBe(409);
    t.clock.set(Date.parse("2026-12-07T15:20:00Z"));
    expect((await t.post(`/v1/appointments/${a.id}/no-show`)).json.status).toBe("no_show");
    expect((await t.post(`/v1/appointments/${a.id}/check-in`)).status).toBe(409);
  });

  it("cancels: frees the time at once, withdraws reminders and queues a cancel message", async () => {
    t = await bookingApp();
    const a = await booked();
    const before = await notifications(a.id);
    expect(before.map((n: { kind: string; channel: string }) => `${n.kind}/${n.channel}`).sort()).toEqual([
      "invite/email",
      "invite/sms",
      "reminder/email",
      "reminder/email",
      "reminder/sms",
      "reminder/sms",
    ]);
    const res = await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Applicant asked" });
    expect(res.json).toMatchObject({ status: "cancelled", sequence: 1, uid: a.uid });
    const after = await notifications(a.id);
    expect(after.map((n: { kind: string }) => n.kind).sort()).toEqual(["cancel", "cancel", "invite", "invite"]);
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:00")))).status).toBe(201);
    expect((await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "again" })).status).toBe(409);
    expect((await t.post(`/v1/appointments/${a.id}/cancel`, {})).json.errors[0].path).toBe("reason");
  });

  it("reschedules with the same id and uid, a higher sequence, the old time freed", async () => {
    t = await bookingApp();
    const a = await booked();
    await t.post(`/v1/appointments/${a.id}/confirm`);
    const res = await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("12:00") });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: a.id, uid: a.uid, sequence: 1, status: "scheduled", localStart: at("12:00"), rescheduleCount: 1 });
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("10:00")))).status).toBe(201);
    expect((await t.post("/v1/appointments", booking(await newCase(t), at("11:30")))).status).toBe(409);
    const history = (await t.get(`/v1/appointments/${a.id}/history`)).json.items.at(-1);
    expect(history).toMatchObject({ action: "reschedule", from: { start: "2026-12-07T15:00:00Z" }, to: { start: "2026-12-07T17:00:00Z" } });
    const kinds = (await notifications(a.id)).map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k === "update")).toHaveLength(2);
  });

  it("moves an appointment by 30 minutes onto its own old time", async () => {
    t = await bookingApp();
    const a = await booked(at("10:00"));
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("10:30") })).status).toBe(200);
  });

  it("refuses a reschedule onto a taken time, outside the window, or past the office's limit", async () => {
    t = await bookingApp();
    const a = await booked(at("10:00"));
    await booked(at("12:00"));
    const taken = await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("12:00") });
    expect(taken.status).toBe(409);
    expect(taken.json.type).toBe("/problems/slot-taken");
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("10:00", "2026-12-28") })).json.type).toBe("/problems/outside-window");
    expect((await t.get(`/v1/appointments/${a.id}`)).json.localStart).toBe(at("10:00"));
    await t.patch("/v1/offices/bogota", { settings: { rescheduleLimit: 2 } });
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("09:00") })).status).toBe(200);
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("10:00") })).status).toBe(200);
    const third = await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("09:00") });
    expect(third.status).toBe(409);
    expect(third.json.detail).toContain("limit");
  });

  it("lets an interviewer record attendance of their own appointments only", async () => {
    t = await bookingApp({ staff: ["bea"] });
    const a = await booked(at("10:00"));
    const ana = await token(t, { role: "interviewer", staffId: a.staffId });
    const bea = await token(t, { role: "interviewer", staffId: a.staffId === "ana" ? "bea" : "ana" });
    t.clock.set(Date.parse("2026-12-07T14:55:00Z"));
    expect((await t.post(`/v1/appointments/${a.id}/check-in`, undefined, { token: bea })).status).toBe(403);
    expect((await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "x" }, { token: ana })).status).toBe(403);
    expect((await t.post(`/v1/appointments/${a.id}/check-in`, undefined, { token: ana })).json.status).toBe("checked_in");
  });

  it("writes reminders 72 and 24 hours ahead, moved out of the office's night", async () => {
    t = await bookingApp();
    const a = await booked(at("09:00"));
    const reminders = (await notifications(a.id)).filter((n: { kind: string; channel: string }) => n.kind === "reminder" && n.channel === "sms");
    // 09:00 minus 72 h and 24 h is 09:00 on the 4th and the 6th (Bogotá): outside 20:00–08:00.
    expect(reminders.map((n: { sendAfter: string }) => n.sendAfter)).toEqual(["2026-12-04T14:00:00Z", "2026-12-06T14:00:00Z"]);
    await t.patch("/v1/offices/bogota", { settings: { reminderHours: [26] } });
    const b = await booked(at("09:00", "2026-12-09"));
    const moved = (await notifications(b.id)).filter((n: { kind: string; channel: string }) => n.kind === "reminder" && n.channel === "sms");
    // 26 h before 09:00 is 07:00 the day before: moved to 08:00.
    expect(moved.map((n: { sendAfter: string }) => n.sendAfter)).toEqual(["2026-12-08T13:00:00Z"]);
  });
});
