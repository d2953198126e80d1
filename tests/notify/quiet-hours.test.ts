// Text messages about a booking, a change or a cancellation keep out of the office's quiet hours
// (20:00–08:00 local by default), like reminders; email goes at once.
import { afterEach, describe, expect, it } from "vitest";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { depsFor } from "./deps.js";

let t: TestApp;
afterEach(() => t?.close());

type Row = { kind: string; channel: string; sendAfter: string };
const CONTACT = { contact: { email: "applicant@example.org", phone: "+573001234567" } };

async function book(start = at("10:00"), caseId?: string) {
  const res = await t.post("/v1/appointments", booking(caseId ?? (await newCase(t, CONTACT)), start));
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string };
}

/** When the invite/update/cancel of `kind` goes, per channel. */
async function sendAfter(appointmentId: string, kind: string) {
  const rows = (await t.get(`/v1/notifications?appointmentId=${appointmentId}`)).json.items as Row[];
  const of = (channel: string) => rows.find((n) => n.kind === kind && n.channel === channel)!.sendAfter;
  return { email: of("email"), sms: of("sms") };
}

describe("quiet hours for text messages", () => {
  // Bogotá is UTC−5 all year.
  it.each([
    ["19:59 local: at once", "2026-11-24T00:59:00Z", "2026-11-24T00:59:00Z"],
    ["20:00 local: the next morning at 08:00", "2026-11-24T01:00:00Z", "2026-11-24T13:00:00Z"],
    ["07:59 local: at 08:00", "2026-11-24T12:59:00Z", "2026-11-24T13:00:00Z"],
    ["08:00 local: at once", "2026-11-24T13:00:00Z", "2026-11-24T13:00:00Z"],
  ])("an invite booked at %s", async (_, now, smsAt) => {
    t = await bookingApp();
    t.clock.set(Date.parse(now));
    const a = await book();
    expect(await sendAfter(a.id, "invite")).toEqual({ email: now, sms: smsAt });
  });

  it("holds the text of a reschedule and of a cancellation too, and follows the office's own quiet hours", async () => {
    t = await bookingApp();
    const moved = await book(at("10:00"));
    const cancelled = await book(at("11:00"));
    t.clock.set(Date.parse("2026-11-24T02:30:00Z")); // 21:30 local
    expect((await t.post(`/v1/appointments/${moved.id}/reschedule`, { start: at("09:00", "2026-12-09") })).status).toBe(200);
    expect(await sendAfter(moved.id, "update")).toEqual({ email: "2026-11-24T02:30:00Z", sms: "2026-11-24T13:00:00Z" });
    await t.patch("/v1/offices/bogota", { settings: { quietHoursStart: "22:00", quietHoursEnd: "07:00" } });
    expect((await t.post(`/v1/appointments/${cancelled.id}/cancel`, { reason: "Asked to" })).status).toBe(200);
    expect(await sendAfter(cancelled.id, "cancel")).toEqual({ email: "2026-11-24T02:30:00Z", sms: "2026-11-24T02:30:00Z" }); // 21:30 is not quiet here any more
  });

  it("sends at once when holding the text back would reach the appointment itself", async () => {
    t = await bookingApp();
    await t.patch("/v1/offices/bogota", { settings: { quietHoursEnd: "10:00" } });
    const a = await book(at("09:00"));
    t.clock.set(Date.parse("2026-12-07T02:00:00Z")); // 21:00 the evening before; quiet until 10:00, after the 09:00 start
    expect((await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Office closed" })).status).toBe(200);
    expect(await sendAfter(a.id, "cancel")).toEqual({ email: "2026-12-07T02:00:00Z", sms: "2026-12-07T02:00:00Z" });
  });

  it("counts 08:00 in the office's zone across a DST change", async () => {
    t = await bookingApp();
    expect((await t.patch("/v1/offices/bogota", { timeZone: "America/New_York" })).status).toBe(200);
    // The case is screened first: on 31 October its screening date would still lie ahead.
    const caseId = await newCase(t, CONTACT);
    // 21:00 EDT on 31 October; New York falls back at 02:00, so 08:00 the next morning is EST (UTC−5).
    t.clock.set(Date.parse("2026-11-01T01:00:00Z"));
    const a = await book(at("10:00"), caseId);
    expect(await sendAfter(a.id, "invite")).toEqual({ email: "2026-11-01T01:00:00Z", sms: "2026-11-01T13:00:00Z" });
  });

  it("moves a failed invite text's retry out of the quiet hours", async () => {
    t = await bookingApp();
    t.clock.set(Date.parse("2026-11-24T00:00:00Z")); // 19:00 local
    const a = await book();
    const down = { send: async () => Promise.reject(new Error("provider down")) };
    expect(await dispatchDue(depsFor(t, { sms: down }), { baseDelayMs: 2 * 3_600_000 })).toMatchObject({ leased: 1, retried: 1 });
    // 21:00 would be quiet: the retry waits for 08:00.
    expect((await sendAfter(a.id, "invite")).sms).toBe("2026-11-24T13:00:00Z");
  });
});
