// A small Bogotá office whose figures for 2026-12-01 … 2026-12-14 are worked out by hand in the
// tests. Everything is made through the API, at known times, moving the clock to record outcomes.
//
// Calendar of the period (office open weekdays 08:00–17:00):
//   Tue 12-01, Wed 12-02, Thu 12-03, Fri 12-04, Mon 12-07, Wed 12-09, Thu 12-10, Mon 12-14 open;
//   Tue 12-08 public holiday (Immaculate Conception); Fri 12-11 closed (closure by date);
//   Mon 12-14 closed 12:00–17:00 (closure by instants); weekends closed.
// ana: weekdays 09:00–13:00, time off Thu 12-10 09:00–11:00.
// ben: Mondays and Wednesdays 16:00–18:00 (the office closes at 17:00).
//
// Appointments (Bogotá time; cases screened on the date given, window = screening + 14 … + 28 days):
//   A  counseling  Mon 12-07 09:00 ana  screened 11-20  17 days  inside   checked in
//   A  follow-up   Fri 12-04 12:00 ana  (30 min, window + 0 … + 60)  14 days  inside   scheduled
//   B  counseling  Wed 12-02 10:00 ana  screened 11-16  16 days  inside   no-show
//   C  counseling  Thu 12-03 09:00 ana  screened 11-10  23 days  inside   completed
//   D  counseling  Tue 12-01 11:00 ana  screened 11-20  11 days  override (before the window)  scheduled
//   E  counseling  Wed 12-09 16:00 ben  screened 11-18  21 days  inside   scheduled
//   F  counseling  Thu 12-10 11:00 ana  screened 11-19  cancelled
//   G  counseling  Mon 12-14 09:00 ana  screened 11-15  29 days  inside only thanks to a 5-day extension
//   H  counseling  Tue 12-15 09:00 ana  after the period
//   I  counseling  Mon 11-30 12:00 ana  before the period
// The clock ends at 2026-12-08T12:00Z.
import { expect } from "vitest";
import { counselor } from "../helpers/fixtures.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";

export const PERIOD = { from: "2026-12-01", to: "2026-12-14" };
export const FINAL_NOW = "2026-12-08T12:00:00Z";

async function ok(res: Promise<{ status: number; text: string; json: any }>, status = 200) {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.json;
}

export async function figuresApp(): Promise<{ t: TestApp; ids: Record<string, string> }> {
  const t = await bookingApp();
  await ok(t.post("/v1/services", { id: "iom-followup", name: "IOM follow-up", agency: "IOM", durationMinutes: 30, bufferMinutes: 0, window: { minDays: 0, maxDays: 60 } }), 201);
  await ok(t.patch("/v1/staff/ana", { serviceIds: ["iom-counseling", "iom-followup"] }));
  await ok(t.post("/v1/staff", counselor({ id: "ben", name: "Ben Counselor", email: "ben@example.org" })), 201);
  await ok(t.put("/v1/staff/ben/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,WE", start: "16:00", end: "18:00", officeId: "bogota" }]));
  await ok(t.post("/v1/offices/bogota/closures", { date: "2026-12-11", reason: "Staff training" }), 201);
  await ok(t.post("/v1/offices/bogota/closures", { start: at("12:00", "2026-12-14"), end: at("17:00", "2026-12-14"), reason: "Power works" }), 201);
  await ok(t.post("/v1/staff/ana/time-off", { start: at("09:00", "2026-12-10"), end: at("11:00", "2026-12-10"), reason: "Medical" }), 201);

  const book = async (caseId: string, start: string, over: Record<string, unknown> = {}) =>
    (await ok(t.post("/v1/appointments", booking(caseId, start, { staffId: "ana", ...over })), 201)).id as string;
  const caseA = await newCase(t, { screenedAt: "2026-11-20", reference: "REF-A" });
  const caseG = await newCase(t, { screenedAt: "2026-11-15", reference: "REF-G" });
  await ok(t.post(`/v1/cases/${caseG}/extensions`, { days: 5, reason: "Looking for a sponsor" }), 201);
  const ids = {
    A: await book(caseA, at("09:00", "2026-12-07")),
    A2: await book(caseA, at("12:00", "2026-12-04"), { serviceId: "iom-followup" }),
    B: await book(await newCase(t, { screenedAt: "2026-11-16", reference: "REF-B" }), at("10:00", "2026-12-02")),
    C: await book(await newCase(t, { screenedAt: "2026-11-10", reference: "REF-C" }), at("09:00", "2026-12-03")),
    D: await book(await newCase(t, { screenedAt: "2026-11-20", reference: "REF-D" }), at("11:00", "2026-12-01"), { overrideWindow: { reason: "Travels early" } }),
    E: await book(await newCase(t, { screenedAt: "2026-11-18", reference: "REF-E" }), at("16:00", "2026-12-09"), { staffId: "ben" }),
    F: await book(await newCase(t, { screenedAt: "2026-11-19", reference: "REF-F" }), at("11:00", "2026-12-10")),
    G: await book(caseG, at("09:00", "2026-12-14")),
    H: await book(await newCase(t, { screenedAt: "2026-11-20", reference: "REF-H" }), at("09:00", "2026-12-15")),
    I: await book(await newCase(t, { screenedAt: "2026-11-10", reference: "REF-I" }), at("12:00", "2026-11-30")),
  };
  await ok(t.post(`/v1/appointments/${ids.F}/cancel`, { reason: "Found work elsewhere" }));

  t.clock.set(Date.parse("2026-12-02T16:00:00Z"));
  await ok(t.post(`/v1/appointments/${ids.B}/no-show`));
  t.clock.set(Date.parse("2026-12-03T14:10:00Z"));
  await ok(t.post(`/v1/appointments/${ids.C}/check-in`));
  await ok(t.post(`/v1/appointments/${ids.C}/complete`));
  t.clock.set(Date.parse("2026-12-07T14:05:00Z"));
  await ok(t.post(`/v1/appointments/${ids.A}/check-in`));
  t.clock.set(Date.parse(FINAL_NOW));
  return { t, ids };
}
