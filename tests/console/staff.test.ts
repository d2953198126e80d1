// The interviewers pages: add one, save the week grid as the API's rules, preview the next four
// weeks (equal to what the slot API answers once saved), strand and move appointments, time off,
// and the scheduler's limits. Bogotá (UTC−5), clock at 2026-11-23T12:00Z (a Monday).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, bookingApp, weekdays, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";
import { freedTimes } from "../../src/db/schema.js";
import { bookAt, quito, schedulerOf, session, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let admin: Session;

beforeEach(async () => {
  t = await bookingApp();
  admin = session(t, await token(t, { role: "admin" }));
});
afterEach(() => t.close());

const rulesOf = async (id = "ana") => (await t.get(`/v1/staff/${id}/availability`)).json as Record<string, unknown>[];
/** Grid cells of the member's office number `office`: day 0 = Monday. */
const cells = (office: number, days: number[], from: string, to: string, range = 0) =>
  Object.fromEntries(
    days.flatMap((d) => [
      [`h.${office}.${d}.${range}.from`, from],
      [`h.${office}.${d}.${range}.to`, to],
    ]),
  );

describe("adding an interviewer", () => {
  it("creates the staff member the API then returns", async () => {
    const res = await admin.post("/console/staff/new", {
      id: "bea",
      name: "Bea Counselor",
      email: "bea@example.org",
      agency: "IOM",
      timeZone: "America/Bogota",
      languages: "es, ht",
      officeIds: "bogota",
      serviceIds: "iom-counseling",
    });
    expect([res.status, res.location]).toEqual([303, "/console/staff/bea?done=created"]);
    expect((await t.get("/v1/staff/bea")).json).toMatchObject({ name: "Bea Counselor", languages: ["es", "ht"], officeIds: ["bogota"], serviceIds: ["iom-counseling"] });
  });

  it("names each wrong field and adds nobody", async () => {
    const res = await admin.post("/console/staff/new", { name: "Bea", email: "bea", agency: "IOM", timeZone: "Mars/Olympus", languages: "es" });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    for (const field of ["Email:", "Time zone:", "Offices:"]) expect(text).toContain(field);
    expect((await t.get("/v1/staff")).json.items).toHaveLength(1);
  });

  it("is an admin's: a scheduler cannot open the form nor send it", async () => {
    const desk = await schedulerOf(t);
    expect((await desk.get("/console/staff/new")).status).toBe(403);
    const res = await desk.post("/console/staff/new", { name: "Bea", email: "bea@example.org", agency: "IOM", timeZone: "America/Bogota", languages: "es", officeIds: "bogota" });
    expect(res.status).toBe(403);
    expect((await t.get("/v1/staff")).json.items).toHaveLength(1);
  });
});

describe("the week grid", () => {
  it("shows the saved rules, and saves the grid as weekly rules in the interviewer's zone", async () => {
    const page = await admin.get("/console/staff/ana");
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="h.0.0.0.from" value="09:00"');
    expect(page.text).toContain('name="h.0.4.0.to" value="13:00"');

    const res = await admin.post("/console/staff/ana/hours", { action: "save", ...cells(0, [0, 1], "10:00", "12:00"), ...cells(0, [2], "14:00", "16:30") });
    expect([res.status, res.location]).toEqual([303, "/console/staff/ana?done=hours#hours"]);
    expect((await rulesOf()).map((r) => [r.rrule, r.start, r.end, r.timeZone, r.officeId])).toEqual([
      ["FREQ=WEEKLY;BYDAY=MO,TU", "10:00", "12:00", "America/Bogota", "bogota"],
      ["FREQ=WEEKLY;BYDAY=WE", "14:00", "16:30", "America/Bogota", "bogota"],
    ]);
  });

  it("refuses a range that ends before it starts, naming the cell, and keeps the saved rules", async () => {
    const before = await rulesOf();
    const res = await admin.post("/console/staff/ana/hours", { action: "save", ...cells(0, [0], "12:00", "10:00") });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("SMO Bogotá, Monday, range 1: To: must be after start.");
    expect(res.text).toContain('name="h.0.0.0.from" value="12:00"');
    expect(await rulesOf()).toEqual(before);
  });

  it("keeps the rules the grid does not show", async () => {
    const dated = { rrule: "FREQ=DAILY", start: "14:00", end: "16:00", officeId: "bogota", validFrom: "2026-12-12", validUntil: "2026-12-12" };
    await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO", start: "09:00", end: "13:00", officeId: "bogota" }, dated]);
    expect(textOf((await admin.get("/console/staff/ana")).text)).toContain("FREQ=DAILY 14:00–16:00 (America/Bogota) 2026-12-12 – 2026-12-12");
    const res = await admin.post("/console/staff/ana/hours", { action: "save", ...cells(0, [1], "09:00", "12:00") });
    expect(res.status).toBe(303);
    expect((await rulesOf()).map((r) => r.rrule)).toEqual(["FREQ=WEEKLY;BYDAY=TU", "FREQ=DAILY"]);
    // Removing it leaves the grid's rules.
    const page = await admin.get("/console/staff/ana");
    const remove = /action="(\/console\/staff\/ana\/rules\/\d+\/delete)"/.exec(page.text)![1]!;
    expect((await admin.post(remove)).status).toBe(303);
    expect((await rulesOf()).map((r) => r.rrule)).toEqual(["FREQ=WEEKLY;BYDAY=TU"]);
  });
});

describe("hours on one date", () => {
  it("adds a rule valid that day only, keeping the week; a range that ends first is refused by field", async () => {
    const res = await admin.post("/console/staff/ana/rules", { office: "bogota", date: "2026-12-12", from: "10:00", to: "12:00" });
    expect([res.status, res.location]).toEqual([303, "/console/staff/ana?done=dated"]);
    const added = { rrule: "FREQ=DAILY", start: "10:00", end: "12:00", timeZone: "America/Bogota", officeId: "bogota", validFrom: "2026-12-12", validUntil: "2026-12-12" };
    expect(await rulesOf()).toEqual([{ ...weekdays, timeZone: "America/Bogota", validFrom: null, validUntil: null }, added]);

    const wrong = await admin.post("/console/staff/ana/rules", { office: "bogota", date: "2026-12-13", from: "12:00", to: "10:00" });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.text)).toContain("To: must be after start.");
    expect(await rulesOf()).toHaveLength(2);
  });
});

describe("preview and stranded appointments", () => {
  it("lists the appointments the new hours strand, writes nothing, and after saving moves them", async () => {
    const early = await bookAt(t, at("09:00"));
    const late = await bookAt(t, at("11:00"));
    const before = await rulesOf();
    const form = { ...cells(0, [0], "11:00", "13:00"), ...cells(0, [1, 2, 3, 4], "09:00", "13:00") };

    const preview = await admin.post("/console/staff/ana/hours", { action: "preview", ...form });
    expect(preview.status).toBe(200);
    const text = textOf(preview.text);
    expect(text).toContain("1 booked appointment is outside these hours:");
    expect(text).toContain(`2026-12-07 09:00 ${early.reference}`);
    expect(text).not.toContain(late.reference);
    expect(preview.text).not.toContain("/stranded/move");
    expect(await rulesOf()).toEqual(before);

    await admin.post("/console/staff/ana/hours", { action: "save", ...form });
    const saved = await admin.get("/console/staff/ana");
    expect(textOf(saved.text)).toContain(`2026-12-07 09:00 ${early.reference}`);
    const moved = await admin.post("/console/staff/ana/stranded/move");
    expect([moved.status, moved.location]).toEqual([303, "/console/staff/ana?moved=1#hours"]);
    // The first free time in the case's window (2026-12-04 … 2026-12-18) under the new hours.
    expect((await t.get(`/v1/appointments/${early.id}`)).json).toMatchObject({ start: "2026-12-04T14:00:00Z", staffId: "ana" });
    expect((await t.get(`/v1/appointments/${late.id}`)).json.start).toBe("2026-12-07T16:00:00Z");
    const after = textOf((await admin.get(moved.location!)).text);
    expect(after).toContain("1 appointment moved.");
    expect(after).not.toContain("outside these hours");
  });
});

describe("stranded appointments that cannot move", () => {
  it("are flagged and left as they are when no free time is left in the case's window", async () => {
    const booked = await bookAt(t, at("09:00"));
    // No hours at all: nothing is free anywhere in the window.
    expect((await admin.post("/console/staff/ana/hours", { action: "save" })).status).toBe(303);
    expect(await rulesOf()).toEqual([]);
    const moved = await admin.post("/console/staff/ana/stranded/move");
    expect(moved.location).toBe("/console/staff/ana?moved=0#hours");
    expect((await t.get(`/v1/appointments/${booked.id}`)).json).toMatchObject({ start: "2026-12-07T14:00:00Z", status: "scheduled" });
    const text = textOf((await admin.get(moved.location!)).text);
    expect(text).toContain("0 appointments moved. 1 could not be moved and needs a call (listed below).");
    expect(text).toContain(`2026-12-07 09:00 ${booked.reference}`);
  });
});

/** Starts per preview week as the page shows them, and as the slot API answers for the same weeks. */
async function previewAgainstSlots(t: TestApp, s: Session, staffId: string, officeId: string, form: Record<string, string>) {
  const page = await s.post(`/console/staff/${staffId}/hours`, { action: "preview", ...form });
  expect(page.status).toBe(200);
  const rows = [...textOf(page.text).matchAll(/(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2}) \S[^:]*? ([\d.,]+) IOM counseling session: (\d+)/g)];
  expect(rows).toHaveLength(4);
  const saved = await s.post(`/console/staff/${staffId}/hours`, { action: "save", ...form });
  expect(saved.status).toBe(303);
  for (const [, first, last, , starts] of rows) {
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const api = await t.get(`/v1/slots?service=iom-counseling&office=${officeId}&from=${first}&to=${next}&staff=${staffId}`);
    expect(api.status).toBe(200);
    expect([first, api.json.slots.length]).toEqual([first, Number(starts)]);
  }
  return rows;
}

describe("an interviewer in another zone than the office", () => {
  it("Bogotá interviewer, Lima office: both zones shown, and the preview equals the slot API after saving", async () => {
    await t.post("/v1/offices", { ...quito(), id: "lima", name: "SMO Lima", country: "PE", timeZone: "America/Lima", address: "Lima" });
    await t.post("/v1/staff", {
      id: "luis",
      name: "Luis",
      email: "luis@example.org",
      agency: "IOM",
      timeZone: "America/Bogota",
      languages: ["es"],
      officeIds: ["lima"],
      serviceIds: ["iom-counseling"],
    });
    const form = cells(0, [0, 2], "09:00", "12:00");
    const rows = await previewAgainstSlots(t, admin, "luis", "lima", form);
    // Five starts a day (09:00 … 11:00); the first week from Wednesday (a day's notice), and
    // 9 December is a public holiday in Peru (Battle of Ayacucho).
    expect(rows.map((r) => r[4])).toEqual(["5", "10", "5", "10"]);
    const page = textOf((await admin.get("/console/staff/luis")).text);
    expect(page).toContain("The interviewer works in America/Bogota, the office in SMO Lima (America/Lima)");
    expect(page).toContain("At the office (America/Lima)");
    expect(page).toContain("Monday 2026-11-23 09:00–12:00 Tuesday — Wednesday 2026-11-25 09:00–12:00");
    expect((await rulesOf("luis")).map((r) => r.timeZone)).toEqual(["America/Bogota"]);
  });

  it("New York interviewer, Santiago office, across the end of US summer time", async () => {
    t.clock.set(Date.parse("2026-10-28T12:00:00Z"));
    await t.post("/v1/offices", {
      ...quito(),
      id: "santiago",
      name: "SMO Santiago",
      country: "CL",
      timeZone: "America/Santiago",
      address: "Santiago",
      hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "18:00" }],
    });
    await t.post("/v1/staff", {
      id: "nora",
      name: "Nora",
      email: "nora@example.org",
      agency: "IOM",
      timeZone: "America/New_York",
      languages: ["es"],
      officeIds: ["santiago"],
      serviceIds: ["iom-counseling"],
    });
    const nora = session(t, await token(t, { role: "admin" }));
    const form = cells(0, [0, 3], "09:00", "13:00");
    await previewAgainstSlots(t, nora, "nora", "santiago", form);
    const page = textOf((await nora.get("/console/staff/nora")).text);
    // Thursday 29 October: New York UTC−4, Santiago UTC−3; Monday 2 November: New York UTC−5.
    expect(page).toContain("Thursday 2026-10-29 10:00–14:00");
    expect(page).toContain("Monday 2026-11-02 11:00–15:00");
  });
});

describe("a scheduler", () => {
  beforeEach(async () => {
    await t.post("/v1/offices", quito());
    await t.patch("/v1/staff/ana", { officeIds: ["bogota", "quito"] });
    await t.put("/v1/staff/ana/availability", [
      { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" },
      { rrule: "FREQ=WEEKLY;BYDAY=SA", start: "09:00", end: "12:00", officeId: "quito" },
    ]);
  });

  it("saves the hours of their office only; the other office's stay as they are", async () => {
    const desk = await schedulerOf(t);
    const page = await desk.get("/console/staff/ana");
    expect(page.text).not.toContain('name="h.1.');
    expect(textOf(page.text)).toContain("Only this office's schedulers or an admin change these hours.");
    const res = await desk.post("/console/staff/ana/hours", { action: "save", ...cells(0, [0], "10:00", "12:00") });
    expect(res.status).toBe(303);
    expect((await rulesOf()).map((r) => [r.rrule, r.officeId])).toEqual([
      ["FREQ=WEEKLY;BYDAY=SA", "quito"],
      ["FREQ=WEEKLY;BYDAY=MO", "bogota"],
    ]);
  });

  it("is refused hours for a foreign office, with the cell named, and nothing changes", async () => {
    const desk = await schedulerOf(t);
    const before = await rulesOf();
    for (const action of ["preview", "save"]) {
      const res = await desk.post("/console/staff/ana/hours", { action, ...cells(0, [0], "09:00", "13:00"), ...cells(1, [0], "09:00", "12:00") });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain("SMO Quito, Monday, range 1: office 'quito' is not one of yours.");
    }
    expect(await rulesOf()).toEqual(before);
  });

  it("cannot see an interviewer of other offices only, nor change their time off", async () => {
    const stranger = await schedulerOf(t, "quito");
    await t.post("/v1/staff", {
      id: "bea",
      name: "Bea",
      email: "bea@example.org",
      agency: "IOM",
      timeZone: "America/Bogota",
      languages: ["es"],
      officeIds: ["bogota"],
      serviceIds: [],
    });
    expect((await stranger.get("/console/staff/bea")).status).toBe(403);
    // Ana works in Bogotá too: her time off is hers or an admin's.
    const res = await stranger.post("/console/staff/ana/time-off", { start: "2026-12-08T09:00", end: "2026-12-08T13:00", reason: "Training" });
    expect(res.status).toBe(403);
    expect((await t.get("/v1/staff/ana/time-off")).json.items).toEqual([]);
  });
});

describe("time off", () => {
  it("adds time off typed in the interviewer's zone, refuses an end before the start, and removes it", async () => {
    const res = await admin.post("/console/staff/ana/time-off", { start: "2026-12-08T09:00", end: "2026-12-08T13:00", reason: "Training" });
    expect([res.status, res.location]).toEqual([303, "/console/staff/ana?done=timeOff#time-off"]);
    const [added] = (await t.get("/v1/staff/ana/time-off")).json.items;
    expect(added).toMatchObject({ start: "2026-12-08T14:00:00Z", end: "2026-12-08T18:00:00Z", reason: "Training" });
    expect(textOf((await admin.get("/console/staff/ana")).text)).toContain("2026-12-08 09:00 – 2026-12-08 13:00: Training");

    const wrong = await admin.post("/console/staff/ana/time-off", { start: "2026-12-09T13:00", end: "2026-12-09T09:00", reason: "Training" });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.text)).toContain("End: must be after start.");
    expect((await t.get("/v1/staff/ana/time-off")).json.items).toHaveLength(1);

    const removed = await admin.post(`/console/staff/ana/time-off/${added.id}/delete`);
    expect(removed.status).toBe(303);
    expect((await t.get("/v1/staff/ana/time-off")).json.items).toEqual([]);
  });
});

describe("time the pages open, for the earlier-time offers", () => {
  const freed = async () =>
    (await t.database.db.select().from(freedTimes).orderBy(freedTimes.startAt, freedTimes.source)).map((f) => [
      new Date(f.startAt).toISOString(),
      f.source.split(":")[0],
      f.status,
    ]);
  const utc = (local: string) => new Date(local).toISOString();

  it("records the first start of each stretch the week grid or a dated rule adds; a preview records nothing", async () => {
    const week = { ...cells(0, [0, 1, 2, 3, 4], "09:00", "13:00"), ...cells(0, [2], "14:00", "16:00", 1) };
    expect((await admin.post("/console/staff/ana/hours", { action: "preview", ...week })).status).toBe(200);
    expect(await freed()).toEqual([]);
    expect((await admin.post("/console/staff/ana/hours", { action: "save", ...week })).status).toBe(303);
    // Wednesday afternoons from the service's notice (24 h) to 14 days ahead.
    expect(await freed()).toEqual([
      [utc(at("14:00", "2026-11-25")), "hours", "open"],
      [utc(at("14:00", "2026-12-02")), "hours", "open"],
    ]);
    expect((await admin.post("/console/staff/ana/rules", { office: "bogota", date: "2026-12-04", from: "14:00", to: "15:00" })).status).toBe(303);
    expect((await freed()).at(-1)).toEqual([utc(at("14:00", "2026-12-04")), "hours", "open"]);
  });

  it("records the time a removed time off gives back, and nothing for adding it", async () => {
    await admin.post("/console/staff/ana/time-off", { start: "2026-12-01T11:00", end: "2026-12-01T13:00", reason: "Training" });
    expect(await freed()).toEqual([]);
    const [added] = (await t.get("/v1/staff/ana/time-off")).json.items;
    expect((await admin.post(`/console/staff/ana/time-off/${added.id}/delete`)).status).toBe(303);
    // 10:30 was not free either: its hour ran into the time off.
    expect(await freed()).toEqual([[utc(at("10:30", "2026-12-01")), "time-off", "open"]]);
  });
});
