// The appointment page: details, history, messages, and the changes staff make from it
// (cancel, move within the window, move outside it with a reason), refusals included.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, type TestApp } from "../helpers/booking.js";
import { appointmentState, bookAt, deskApp, postForms, quitoScheduler, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let desk: Session;
let apt: { id: string; reference: string };
let page: string;

beforeEach(async () => {
  ({ t, desk } = await deskApp());
  apt = await bookAt(t, at("09:00"));
  page = `/console/appointments/${apt.id}`;
});
afterEach(() => t.close());

const state = (id = apt.id) => appointmentState(t, id);

describe("the appointment page", () => {
  it("shows the details, the history and every message with its status", async () => {
    await t.post(`/v1/appointments/${apt.id}/confirm`);
    const res = await desk.get(page);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(
      `Case reference ${apt.reference} Queue number A-01 Status Confirmed When Monday 7 December 2026, 09:00–10:00 (America/Bogota) Service IOM counseling session Office SMO Bogotá Interviewer Ana Counselor Room — Case window 2026-12-04 to 2026-12-18 Invite sequence 0 Rescheduled 0 of at most 3 times`,
    );
    expect(text).toContain("2026-11-23 07:00 Admin booked — Scheduled · 2026-12-07 09:00 · Ana Counselor");
    expect(text).toContain("2026-11-23 07:00 Admin confirm Scheduled · 2026-12-07 09:00 · Ana Counselor Confirmed · 2026-12-07 09:00 · Ana Counselor");
    expect(text).toContain("invite email 2026-11-23 07:00 pending 0 —");
    expect(text).toContain("invite sms 2026-11-23 08:00 pending 0 —"); // held until the office's quiet hours end
    const outbox = (await t.get(`/v1/notifications?appointmentId=${apt.id}`)).json.items;
    expect(text.match(/ (invite|reminder|update|cancel) (email|sms) /g)).toHaveLength(outbox.length);
    // Confirmed: check in and no-show remain, confirm does not.
    expect(postForms(res.text).filter((f) => f.action === `${page}/status`)).toHaveLength(2);
    expect(res.text).toContain(`href="${page}/slip"`);
  });

  it("answers an unknown appointment with a 404 page", async () => {
    const res = await desk.get("/console/appointments/apt-nothing");
    expect(res.status).toBe(404);
    expect(textOf(res.text)).toContain("No appointment with id 'apt-nothing'.");
  });
});

describe("cancelling", () => {
  it("refuses without a reason, naming the field, and changes nothing", async () => {
    const before = await state();
    for (const reason of [undefined, "", "   "]) {
      const res = await desk.post(`${page}/cancel`, reason === undefined ? {} : { reason });
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain("reason: say why the appointment is cancelled");
    }
    expect(await state()).toEqual(before);
  });

  it("cancels with a reason kept in the history, and says so", async () => {
    const res = await desk.post(`${page}/cancel`, { reason: "Family emergency, will call back" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${page}?done=cancelled`);
    const after = await state();
    expect(after.apt.status).toBe("cancelled");
    expect(after.history.at(-1)).toMatchObject({ action: "cancel", to: { status: "cancelled", reason: "Family emergency, will call back" } });
    const shown = textOf((await desk.get(res.location!)).text);
    expect(shown).toContain("Cancelled. The applicant is sent the cancellation.");
    expect(shown).toContain("reason: Family emergency, will call back");
    expect(shown).not.toContain("Cancel the appointment");
  });
});

describe("rescheduling within the window", () => {
  it("offers a week of free starts without the appointment's own, and moves it in one click", async () => {
    const week = await desk.get(`${page}?week=2026-12-09`);
    expect(week.status).toBe(200);
    expect(textOf(week.text)).toContain("Monday 7 December 2026 to Sunday 13 December 2026 Monday 7 December 2026 09:30 10:00");
    expect(week.text).not.toContain('value="2026-12-07T14:00:00Z"');
    expect(week.text).toContain('name="start" value="2026-12-09T14:00:00Z"');
    expect(week.text).not.toContain("2026-12-08T"); // a public holiday in Colombia

    const res = await desk.post(`${page}/reschedule`, { start: "2026-12-09T14:00:00Z" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${page}?done=rescheduled`);
    const after = await state();
    expect(after.apt).toMatchObject({ start: "2026-12-09T14:00:00Z", status: "scheduled", rescheduleCount: 1, sequence: 1 });
    expect(after.history.at(-1)).toMatchObject({ action: "reschedule", actor: expect.stringMatching(/^user:/) });
    // The same form sent again (a retry) finds it moved and moves nothing.
    const again = await desk.post(`${page}/reschedule`, { start: "2026-12-09T14:00:00Z" });
    expect(again.status).toBe(303);
    expect((await state()).apt.rescheduleCount).toBe(1);
    const shown = textOf((await desk.get(res.location!)).text);
    expect(shown).toContain("Moved. The applicant is sent the new time and needs to confirm it.");
    expect(shown).toContain("Wednesday 9 December 2026, 09:00–10:00 (America/Bogota)");
  });

  it("keeps the week inside the window and refuses a week that is not a date", async () => {
    const early = await desk.get(`${page}?week=2026-01-01`);
    expect(textOf(early.text)).toContain("Friday 4 December 2026 to Sunday 6 December 2026");
    expect(early.text).toContain(`href="${page}?week=2026-12-07"`);
    // Without a week asked for: the first week with a free start, not an empty one.
    t.clock.set(Date.parse("2026-12-06T15:00:00Z"));
    expect(textOf((await desk.get(page)).text)).toContain("Monday 7 December 2026 to Sunday 13 December 2026 Monday 7 December 2026 10:00 10:30");
    const ana = await desk.get(`${page}?week=2026-12-07&staff=ana`);
    expect(ana.status).toBe(200);
    expect(ana.text).toContain('<option value="ana" selected="">Ana Counselor</option>');
    expect(ana.text).toContain('name="staffId" value="ana"');
    const nobody = await desk.get(`${page}?staff=nobody`);
    expect(nobody.status).toBe(422);
    expect(textOf(nobody.text)).toContain("staff: no interviewer 'nobody' gives this service at SMO Bogotá.");
    const bad = await desk.get(`${page}?week=soon`);
    expect(bad.status).toBe(422);
    expect(textOf(bad.text)).toContain("week: 'soon' is not a date");
  });

  it("shows the next free starts when someone took the time first, and changes nothing", async () => {
    await bookAt(t, at("09:00", "2026-12-09"));
    const before = await state();
    const res = await desk.post(`${page}/reschedule`, { start: "2026-12-09T14:00:00Z" });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain("Someone booked this time first. The next free times: Wednesday 9 December 2026, 10:00");
    expect(res.text).toContain('name="start" value="2026-12-09T15:00:00Z"');
    expect(
      postForms(res.text)
        .filter((f) => f.action === `${page}/reschedule`)
        .every((f) => f.csrf !== ""),
    ).toBe(true);
    expect(await state()).toEqual(before);
  });

  it("refuses a start outside the window without an override, pointing to it", async () => {
    const before = await state();
    const res = await desk.post(`${page}/reschedule`, { start: "2026-12-21T14:00:00Z" });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(
      "The case's window runs from 2026-12-04 to 2026-12-18 (America/Bogota); 2026-12-21 is outside it. To move it there anyway, use “Move outside the window” with a reason.",
    );
    expect(await state()).toEqual(before);
  });

  it("refuses a start that is not one, naming the field", async () => {
    const before = await state();
    for (const start of ["", "next monday", "2026-12-09T25:00", "2026-12-32T09:00:00Z", "2026-12-07T14:00:00Z"]) {
      const res = await desk.post(`${page}/reschedule`, { start });
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toMatch(/start: /);
    }
    const unknown = await desk.post(`${page}/reschedule`, { start: "2026-12-09T14:00:00Z", staffId: "nobody" });
    expect(unknown.status).toBe(422);
    expect(textOf(unknown.text)).toContain("staffId: no interviewer 'nobody' gives this service at SMO Bogotá.");
    expect(await state()).toEqual(before);
  });

  it("stops at the office's limit, and says so on the page", async () => {
    await t.patch("/v1/offices/bogota", { settings: { rescheduleLimit: 1 } });
    expect((await desk.post(`${page}/reschedule`, { start: "2026-12-09T14:00:00Z" })).status).toBe(303);
    const before = await state();
    const res = await desk.post(`${page}/reschedule`, { start: "2026-12-10T14:00:00Z" });
    expect(res.status).toBe(409);
    const text = textOf(res.text);
    expect(text).toContain("This appointment has been rescheduled 1 times, the office's limit.");
    expect(text).toContain("This appointment has been rescheduled once, the office's limit: it cannot be moved again.");
    expect(text).not.toContain("Move outside the window");
    expect(await state()).toEqual(before);
  });
});

describe("moving outside the window", () => {
  it("moves with a reason, given as office time, and keeps the reason", async () => {
    const res = await desk.post(`${page}/reschedule`, { override: "1", start: "2026-12-21T09:00", reason: "Waiting for a sponsor's documents" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${page}?done=rescheduled`);
    const after = await state();
    expect(after.apt).toMatchObject({ start: "2026-12-21T14:00:00Z", windowOverride: { reason: "Waiting for a sponsor's documents" } });
    expect(textOf((await desk.get(page)).text)).toContain("Outside the window because Waiting for a sponsor's documents");
  });

  it("refuses without a reason, naming the field, keeping what was typed, and changes nothing", async () => {
    const before = await state();
    const res = await desk.post(`${page}/reschedule`, { override: "1", start: "2026-12-21T09:00", reason: " " });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("reason: say why the appointment moves outside the case's window");
    expect(res.text).toContain('name="start" value="2026-12-21T09:00"');
    expect(await state()).toEqual(before);
  });
});

describe("another office's scheduler", () => {
  it("gets a 403 for the page and every form, and nothing changes", async () => {
    const stranger = await quitoScheduler(t);
    const before = await state();
    for (const path of [page, `${page}?week=2026-12-07`, `${page}/slip`]) {
      const res = await stranger.get(path);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(apt.reference);
    }
    const forms: [string, Record<string, string>][] = [
      [`${page}/status`, { action: "confirm", back: page }],
      [`${page}/cancel`, { reason: "Not mine to cancel" }],
      [`${page}/cancel`, {}],
      [`${page}/reschedule`, { start: "2026-12-09T14:00:00Z" }],
      [`${page}/reschedule`, { override: "1", start: "2026-12-21T09:00", reason: "Because" }],
      [`${page}/reschedule`, { override: "1", start: "2026-12-21T09:00" }],
    ];
    for (const [path, fields] of forms) {
      const res = await stranger.post(path, fields);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(apt.reference);
    }
    expect(await state()).toEqual(before);
  });
});
