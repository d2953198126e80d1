// An office in New York, open around the clock, for starts written on the spring-forward day
// (2026-03-08: the clocks go from 02:00 to 03:00). The clock stands at 2026-02-20.
import { makeApp, type TestApp } from "./app.js";
import { applicantCase, bogota, counseling, counselor } from "./fixtures.js";

export async function newYorkApp(): Promise<TestApp> {
  const t = makeApp({ now: "2026-02-20T12:00:00Z" });
  const everyDay = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  const setup = [
    await t.post("/v1/offices", bogota({ id: "nyc", country: "US", timeZone: "America/New_York", hours: [{ days: everyDay, start: "00:00", end: "24:00" }] })),
    await t.post("/v1/services", counseling({ durationMinutes: 30, slotStepMinutes: 5, window: { minDays: 0, maxDays: 300 } })),
    await t.post("/v1/staff", counselor({ timeZone: "America/New_York", officeIds: ["nyc"] })),
    await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=DAILY", start: "00:00", end: "24:00", officeId: "nyc" }]),
  ];
  for (const r of setup) if (r.status >= 300) throw new Error(r.text);
  return t;
}

/** A new case of the New York office. */
export async function newYorkCase(t: TestApp): Promise<string> {
  const res = await t.post("/v1/cases", applicantCase({ officeId: "nyc", screenedAt: "2026-02-20" }));
  if (res.status !== 201) throw new Error(res.text);
  return res.json.id;
}

/** A case booked at `start` through the API: the appointment as the API shows it. */
export async function newYorkBooking(t: TestApp, start: string) {
  const res = await t.post("/v1/appointments", { caseId: await newYorkCase(t), serviceId: "iom-counseling", officeId: "nyc", start });
  if (res.status !== 201) throw new Error(res.text);
  return res.json as { id: string; start: string; selfServiceUrl: string };
}

/** Office time written with an offset New York uses that day, but not at that instant. */
export const WRONG_SIDE = [
  ["2026-03-08T02:30:00-04:00", "start: 2026-03-08 02:30 does not exist in America/New_York: the clocks skip it that day"],
  ["2026-03-08T02:30:00-05:00", "start: 2026-03-08 02:30 does not exist in America/New_York: the clocks skip it that day"],
  [
    "2026-03-08T03:30:00-05:00",
    "start: 2026-03-08 03:30-05:00 is 2026-03-08T04:30:00-04:00 in America/New_York (the offset there is -04:00 at that time); write the office's offset or UTC (Z)",
  ],
  [
    "2026-03-08T01:30:00-04:00",
    "start: 2026-03-08 01:30-04:00 is 2026-03-08T00:30:00-05:00 in America/New_York (the offset there is -05:00 at that time); write the office's offset or UTC (Z)",
  ],
] as const;
