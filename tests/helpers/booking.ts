// A Bogotá office with counselors working weekdays 09:00–13:00 and cases screened on 2026-11-20
// (window 2026-12-04 … 2026-12-18); the clock stands at 2026-11-23T12:00Z.
import { makeApp, type TestApp } from "./app.js";
import { applicantCase, counselor, seedBasics } from "./fixtures.js";

export const weekdays = { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" };

export async function bookingApp(options: { staff?: string[]; service?: Record<string, unknown> } = {}) {
  const t = makeApp({ now: "2026-11-23T12:00:00Z" });
  await seedBasics(t);
  if (options.service) await t.patch("/v1/services/iom-counseling", options.service);
  await t.put("/v1/staff/ana/availability", [weekdays]);
  for (const id of options.staff ?? []) {
    await t.post("/v1/staff", counselor({ id }));
    await t.put(`/v1/staff/${id}/availability`, [weekdays]);
  }
  return t;
}

export async function newCase(t: TestApp, over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.post("/v1/cases", applicantCase(over));
  if (res.status !== 201) throw new Error(`case: ${res.status} ${res.text}`);
  return res.json.id;
}

/** 2026-12-07 (a Monday) at hh:mm in Bogotá. */
export const at = (hhmm: string, date = "2026-12-07") => `${date}T${hhmm}:00-05:00`;

export const booking = (caseId: string, start: string, over: Record<string, unknown> = {}) => ({
  caseId,
  serviceId: "iom-counseling",
  officeId: "bogota",
  start,
  ...over,
});

export type { TestApp };
