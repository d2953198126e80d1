// The capacity page against a small office worked out by hand: Ana (es, en) free Wednesdays
// 09:00–12:00, Ben (ht, fr) Thursdays 09:00–10:00, one-hour sessions on a 30-minute grid, and
// waiting cases whose windows (14–21 days after screening) overlap. The clock stands at Monday
// 2026-11-23 07:00 in Bogotá, so the 8 weeks are those of 23 November … 11 January.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, bogota, counseling, counselor, token } from "../helpers/fixtures.js";
import { quitoScheduler, schedulerOf, session, textOf, type Session } from "../helpers/console.js";
import { newYorkApp } from "../helpers/new-york.js";
import { addDays } from "../../src/domain/dates.js";

const ANA = { rrule: "FREQ=WEEKLY;BYDAY=WE", start: "09:00", end: "12:00", officeId: "bogota" };
const BEN = { rrule: "FREQ=WEEKLY;BYDAY=TH", start: "09:00", end: "10:00", officeId: "bogota" };
const SERVICE = { durationMinutes: 60, bufferMinutes: 0, slotStepMinutes: 30, window: { minDays: 14, maxDays: 21 } };
const MONDAYS = ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"];

/** Free starts of a one-hour session on a 30-minute grid inside `hours` free hours: (60h − 60) / 30 + 1. */
const startsIn = (hours: number) => (hours * 60 - SERVICE.durationMinutes) / SERVICE.slotStepMinutes + 1;

async function office() {
  const t = makeApp({ now: "2026-11-23T12:00:00Z" });
  const setup = [
    await t.post("/v1/offices", bogota()),
    await t.post("/v1/services", counseling(SERVICE)),
    await t.post("/v1/staff", counselor()),
    await t.post("/v1/staff", counselor({ id: "ben", name: "Ben Counselor", email: "ben@example.org", languages: ["ht", "fr"] })),
    await t.put("/v1/staff/ana/availability", [ANA]),
    await t.put("/v1/staff/ben/availability", [BEN]),
  ];
  for (const r of setup) if (r.status >= 300) throw new Error(r.text);
  const cases: Record<string, { id: string; reference: string }> = {};
  // screenedAt 2026-11-20: window 4–11 December (Wednesday 9th, Thursday 10th inside it).
  const wanted: [string, Record<string, unknown>][] = [
    ["past", { screenedAt: "2026-10-01" }], // window 15–22 October: already over
    ["z", { screenedAt: "2026-11-18" }], // window 2–9 December: ends first, chooses first
    ["e1", {}],
    ["e2", {}],
    ["h1", { language: "ht" }],
    ["h2", { language: "ht" }],
    ["later", {}], // extended below past the 8 weeks
  ];
  for (const [name, over] of wanted) {
    const res = await t.post("/v1/cases", applicantCase(over));
    if (res.status !== 201) throw new Error(res.text);
    cases[name] = { id: res.json.id, reference: res.json.reference };
  }
  const extended = await t.post(`/v1/cases/${cases.later!.id}/extensions`, { days: 60, reason: "Looking for a sponsor" });
  if (extended.status !== 201) throw new Error(extended.text);
  return { t, cases };
}

/** The cells of the weeks table, one row per week, as the page shows them in English. */
function weekRows(html: string) {
  const table = /<caption>Free time and waiting cases per week<\/caption>[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]!)));
}

/** How many starts /v1/slots gives in the local week of `monday`, from today on. */
async function slotsInWeek(t: TestApp, monday: string, officeId = "bogota", today = "2026-11-23") {
  const from = monday < today ? today : monday;
  const res = await t.get(`/v1/slots?service=iom-counseling&office=${officeId}&from=${from}&to=${addDays(monday, 7)}`);
  expect(res.status, res.text).toBe(200);
  return res.json.slots.length as number;
}

describe("capacity of the hand-worked office", () => {
  let t: TestApp;
  let cases: Awaited<ReturnType<typeof office>>["cases"];
  let desk: Session;

  beforeAll(async () => {
    ({ t, cases } = await office());
    desk = await schedulerOf(t);
  }, 30_000);
  afterAll(() => t.close());

  it("places the cases whose window ends first, and lists those left with the earliest time left", async () => {
    const res = await desk.get("/console/capacity?office=bogota&service=iom-counseling");
    expect(res.status).toBe(200);
    const free = 3 + 1; // Ana's three Wednesday hours and Ben's Thursday hour
    const starts = startsIn(3) + startsIn(1);
    // Windows end: "past" (over, first week), z on 9 Dec and e1, e2, h1, h2 on 11 Dec (week of 7 Dec).
    // z takes Wed 2 Dec 09:00; e1, e2 Wed 9 Dec 09:00 and 10:00; h1 Ben's Thu 10 Dec. Ana's 11:00
    // stays free, yet h2 speaks only Haitian Creole: it cannot be booked in time, nor can "past".
    const expected = MONDAYS.map((monday, k) => [
      `Week of ${new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.parse(monday)).replace(",", "")}`,
      `${free.toFixed(1)} h`,
      String(starts),
      String(k === 0 ? 1 : k === 2 ? 5 : 0),
      String(k === 0 || k === 2 ? 1 : 0),
      k === 0 ? "1.0 h speaking es" : k === 2 ? "1.0 h speaking ht" : "None",
    ]);
    expect(weekRows(res.text)).toEqual(expected);
    for (const k of [0, 2]) expect(await slotsInWeek(t, MONDAYS[k]!)).toBe(starts);
    const text = textOf(res.text);
    expect(text).toContain("7 cases wait for this service. 1 of them has a window that ends after these 8 weeks.");
    // "past" from today: Ana's first hour (Wed 25 Nov); h2 from its window's first day: Ben's
    // Thursday after the one h1 took.
    expect(text).toContain(`${cases.past!.reference} es 2026-10-15 – 2026-10-22 Wednesday 25 November 2026, 09:00 Book`);
    expect(text).toContain(`${cases.h2!.reference} ht 2026-12-04 – 2026-12-11 Thursday 17 December 2026, 09:00 Book`);
    expect(text).not.toContain(`${cases.e1!.reference} es`);
  });

  it("changes after a booking: less free time and fewer starts that week, one case fewer waiting", async () => {
    const before = weekRows((await desk.get("/console/capacity?office=bogota&service=iom-counseling")).text);
    const booked = await t.post("/v1/appointments", { caseId: cases.e1!.id, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-09T09:00:00-05:00" });
    expect(booked.status).toBe(201);
    const res = await desk.get("/console/capacity?office=bogota&service=iom-counseling");
    const after = weekRows(res.text);
    expect(after[2]![1]).toBe(`${(4 - 1).toFixed(1)} h`);
    // 09:00 and 09:30 overlap the booking: Ana keeps 10:00, 10:30, 11:00.
    expect(after[2]![2]).toBe(String(Number(before[2]![2]) - 2));
    expect(after[2]![2]).toBe(String(await slotsInWeek(t, MONDAYS[2]!)));
    expect(after[2]![3]).toBe(String(Number(before[2]![3]) - 1));
    expect(after.filter((_, k) => k !== 2)).toEqual(before.filter((_, k) => k !== 2));
    expect(textOf(res.text)).toContain("6 cases wait for this service.");
  });

  it("refuses a scheduler another office's page with 403, and an unknown service with 422 naming it", async () => {
    const stranger = await quitoScheduler(t);
    const res = await stranger.get("/console/capacity?office=bogota&service=iom-counseling");
    expect(res.status).toBe(403);
    expect(textOf(res.text)).not.toContain("Week of");
    const unknown = await desk.get("/console/capacity?office=bogota&service=nope");
    expect(unknown.status).toBe(422);
    expect(textOf(unknown.text)).toContain("Service: there is no service 'nope'.");
    const admin = session(t, await token(t, { role: "admin" }));
    expect((await admin.get("/console/capacity?office=quito&service=iom-counseling")).status).toBe(200);
  });

  it("is in Spanish with the locale's numbers", async () => {
    const spanish = await t.app.request("/console/capacity?office=bogota&service=iom-counseling", { headers: { cookie: `${await desk.cookie()}; cita_console_lang=es` } });
    const text = textOf(await spanish.text());
    expect(text).toContain("Semana del lunes 7 de diciembre de 2026");
    expect(text).toContain("1,0 h en ht");
  });
});

describe("capacity over New York's spring-forward week", () => {
  it("counts the week of 8 March 2026 one hour short of the others", async () => {
    const t = await newYorkApp(); // Ana free every hour of every day; the clock at Friday 20 February, 07:00
    try {
      const desk = await schedulerOf(t, "nyc");
      const rows = weekRows((await desk.get("/console/capacity?office=nyc&service=iom-counseling")).text);
      expect(rows.map((r) => r[0])).toContain("Week of Monday 2 March 2026");
      expect(rows[0]![1]).toBe(`${(17 + 24 + 24).toFixed(1)} h`); // the rest of Friday, Saturday, Sunday
      expect(rows[1]![1]).toBe(`${(7 * 24).toFixed(1)} h`);
      expect(rows[2]![1]).toBe(`${(7 * 24 - 1).toFixed(1)} h`);
      expect(rows[3]![1]).toBe(`${(7 * 24).toFixed(1)} h`);
      for (const k of [1, 2, 3]) expect(rows[k]![2]).toBe(String(await slotsInWeek(t, ["2026-02-23", "2026-03-02", "2026-03-09"][k - 1]!, "nyc", "2026-02-20")));
    } finally {
      t.close();
    }
  });
});
