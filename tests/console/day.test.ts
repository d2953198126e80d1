// The day sheet: an office's local day, queue numbers, the status changes the desk makes, and
// the printable slip.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, type TestApp } from "../helpers/booking.js";
import { appointmentState, bookAt, deskApp, postForms, quitoScheduler, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let desk: Session;

beforeEach(async () => {
  ({ t, desk } = await deskApp());
});
afterEach(() => t.close());

const DAY = "/console/day?office=bogota&date=2026-12-07";

describe("the day sheet", () => {
  it("lists the local day in the office's zone: 23:30 is on it, 00:30 of the next day is not", async () => {
    await t.patch("/v1/offices/bogota", { hours: [{ days: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], start: "00:00", end: "24:00" }] });
    await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=DAILY", start: "00:00", end: "24:00", officeId: "bogota" }]);
    const late = await bookAt(t, "2026-12-09T23:30:00-05:00");
    const morning = await bookAt(t, "2026-12-09T09:00:00-05:00");
    const nextDay = await bookAt(t, "2026-12-10T00:30:00-05:00");
    const justAfterMidnight = await bookAt(t, "2026-12-09T00:00:00-05:00");

    const res = await desk.get("/console/day?office=bogota&date=2026-12-09");
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain("SMO Bogotá · Wednesday 9 December 2026");
    expect(text).toContain("Times in America/Bogota. 3 appointments · 3 scheduled");
    expect(text).toContain(`00:00–01:00 C-01 ${justAfterMidnight.reference}`);
    expect(text).toContain(`09:00–10:00 C-02 ${morning.reference}`);
    expect(text).toContain(`23:30–00:30 C-03 ${late.reference}`);
    expect(text).not.toContain(nextDay.reference);
    // Grouped by local hour, in order.
    expect([...res.text.matchAll(/scope="rowgroup">([^<]+)</g)].map((m) => m[1])).toEqual(["00:00", "09:00", "23:00"]);

    const thursday = textOf((await desk.get("/console/day?office=bogota&date=2026-12-10")).text);
    expect(thursday).toContain(`00:30–01:30 D-01 ${nextDay.reference}`);
    expect(thursday).not.toContain(late.reference);
  });

  it("opens on today's date in the office's zone, not UTC's", async () => {
    t.clock.set(Date.parse("2026-12-10T03:00:00Z")); // 22:00 on 9 December in Bogotá
    const res = await desk.get("/console/day");
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("SMO Bogotá · Wednesday 9 December 2026");
    expect(res.text).toContain('name="date" value="2026-12-09"');
  });

  it("shows each appointment with its number, names, status, buttons and links", async () => {
    const a = await bookAt(t, at("10:00"));
    const res = await desk.get(DAY);
    const text = textOf(res.text);
    expect(text).toContain(`10:00–11:00 A-01 ${a.reference} IOM counseling session Ana Counselor — Scheduled Confirm Check in No-show Slip Open`);
    expect(postForms(res.text).filter((f) => f.action === `/console/appointments/${a.id}/status`)).toHaveLength(3);
    expect(res.text).toContain(`name="back" value="/console/day?office=bogota&amp;date=2026-12-07"`);
    expect(res.text).toContain(`href="/console/appointments/${a.id}/slip"`);
    expect(res.text).toContain(`href="/console/appointments/${a.id}"`);
    expect(res.text).toContain('href="/console/closures?office=bogota&amp;date=2026-12-07"');
    expect(res.text).toContain('href="/console/day?office=bogota&amp;date=2026-12-06"');
    expect(res.text).toContain('href="/console/day?office=bogota&amp;date=2026-12-08"');
    for (const f of postForms(res.text)) expect(f.csrf).not.toBe("");
  });

  it("says so when the day is empty", async () => {
    const res = await desk.get("/console/day?office=bogota&date=2026-12-12");
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("No appointments on this day.");
  });

  it("refuses a date that is not one, naming the field", async () => {
    for (const date of ["2026-13-01", "tomorrow", "2026-02-30"]) {
      const res = await desk.get(`/console/day?office=bogota&date=${date}`);
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain(`date: '${date}' is not a date`);
    }
  });
});

describe("status changes from the day sheet", () => {
  it("checks in on the appointment's day and comes back to the sheet saying so", async () => {
    const a = await bookAt(t, at("09:00"));
    t.clock.set(Date.parse("2026-12-07T14:05:00Z"));
    const res = await desk.post(`/console/appointments/${a.id}/status`, { action: "check_in", back: DAY });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${DAY}&done=check_in&apt=${a.id}`);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("checked_in");
    const page = textOf((await desk.get(res.location!)).text);
    expect(page).toContain(`A-01 (${a.reference}) checked in.`);
    expect(page).toContain("Checked in Completed");

    const again = await desk.post(`/console/appointments/${a.id}/status`, { action: "check_in", back: DAY });
    expect(again.status).toBe(303);
    const history = (await t.get(`/v1/appointments/${a.id}/history`)).json.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["booked", "check_in"]);
  });

  it("refuses check-in the day before: the sheet again with the reason and a 409, nothing changed", async () => {
    const a = await bookAt(t, at("09:00"));
    t.clock.set(Date.parse("2026-12-06T15:00:00Z"));
    const before = await appointmentState(t, a.id);
    const res = await desk.post(`/console/appointments/${a.id}/status`, { action: "check_in", back: DAY });
    expect(res.status).toBe(409);
    const text = textOf(res.text);
    expect(text).toContain("Check-in is only possible on the appointment's day (2026-12-07); today is 2026-12-06 at the office.");
    expect(text).toContain("SMO Bogotá · Monday 7 December 2026");
    expect(res.text).toContain('role="alert"');
    expect(await appointmentState(t, a.id)).toEqual(before);
  });

  it("refuses a no-show before the start, and records one after it", async () => {
    const a = await bookAt(t, at("09:00"));
    t.clock.set(Date.parse("2026-12-07T13:30:00Z"));
    const before = await appointmentState(t, a.id);
    const res = await desk.post(`/console/appointments/${a.id}/status`, { action: "no_show", back: DAY });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain("A no-show can only be recorded after the appointment's start.");
    expect(await appointmentState(t, a.id)).toEqual(before);

    t.clock.set(Date.parse("2026-12-07T14:20:00Z"));
    const later = await desk.post(`/console/appointments/${a.id}/status`, { action: "no_show", back: DAY });
    expect(later.status).toBe(303);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("no_show");
  });

  it("refuses an unknown action naming the field, and never goes back outside the console", async () => {
    const a = await bookAt(t, at("09:00"));
    const before = await appointmentState(t, a.id);
    const bad = await desk.post(`/console/appointments/${a.id}/status`, { action: "delete", back: DAY });
    expect(bad.status).toBe(422);
    expect(textOf(bad.text)).toContain("action: choose one of confirm, check_in, complete or no_show.");
    expect(await appointmentState(t, a.id)).toEqual(before);

    const res = await desk.post(`/console/appointments/${a.id}/status`, { action: "confirm", back: "https://evil.example/console" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/console/appointments/${a.id}?done=confirm`);
    expect(textOf((await desk.get(res.location!)).text)).toContain("Confirmed.");
  });

  it("answers an unknown appointment with a 404 page", async () => {
    const res = await desk.post("/console/appointments/apt-nothing/status", { action: "confirm", back: DAY });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
  });
});

describe("the slip", () => {
  it("shows the queue number, the time in the case's language and the office, never the name, email, phone or service", async () => {
    const ten = await bookAt(t, at("10:00"));
    const nine = await bookAt(t, at("09:00"));
    const eleven = await bookAt(t, at("11:00"), { language: "ht" });
    const res = await desk.get(`/console/appointments/${ten.id}/slip`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<p class="number">A-02</p>');
    expect(res.text).toContain('class="slip" lang="es"');
    const text = textOf(res.text);
    expect(text).toContain("Su número A-02 Cuándo: lunes 7 de diciembre, 10:00 Dura 1 hora.");
    expect(text).toContain("Dónde: SMO Bogotá Calle 100 # 8A-55, Bogotá");
    expect(text).toContain(`Referencia: ${ten.reference}`);
    for (const secret of ["applicant@example.org", "+573001234567", "3001234567", "IOM", "counseling", "Ana Counselor"]) expect(res.text).not.toContain(secret);

    expect((await desk.get(`/console/appointments/${nine.id}/slip`)).text).toContain('<p class="number">A-01</p>');
    const creole = await desk.get(`/console/appointments/${eleven.id}/slip`);
    expect(creole.text).toContain('<p class="number">A-03</p>');
    expect(textOf(creole.text)).toContain("Nimewo ou A-03 Ki lè: lendi 7 desanm, 11:00");
  });

  it("keeps every number when an earlier appointment is cancelled", async () => {
    const nine = await bookAt(t, at("09:00"));
    const ten = await bookAt(t, at("10:00"));
    expect((await t.post(`/v1/appointments/${nine.id}/cancel`, { reason: "Applicant asked" })).status).toBe(200);
    expect((await desk.get(`/console/appointments/${ten.id}/slip`)).text).toContain('<p class="number">A-02</p>');
    const cancelled = await desk.get(`/console/appointments/${nine.id}/slip`);
    expect(textOf(cancelled.text)).toContain("This appointment is cancelled: there is no slip to print.");
    expect(cancelled.text).not.toContain('class="number"');
  });
});

describe("another office's scheduler", () => {
  it("gets a 403 for the sheet, the slip and the status form, and nothing changes", async () => {
    const stranger = await quitoScheduler(t);
    const a = await bookAt(t, at("09:00"));
    t.clock.set(Date.parse("2026-12-07T14:05:00Z"));
    const before = await appointmentState(t, a.id);
    for (const path of [DAY, `/console/appointments/${a.id}/slip`]) {
      const res = await stranger.get(path);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(a.reference);
    }
    for (const action of ["confirm", "check_in", "no_show"]) {
      const res = await stranger.post(`/console/appointments/${a.id}/status`, { action, back: DAY });
      expect(res.status).toBe(403);
    }
    expect(await appointmentState(t, a.id)).toEqual(before);
    // Their own office's sheet is theirs to see.
    const own = await stranger.get("/console/day");
    expect(own.status).toBe(200);
    expect(textOf(own.text)).toContain("SMO Quito · Monday 7 December 2026");
  });
});
