// The book page: one week of free times in the case's window, one-click booking, and every way
// a booking can be refused, with office scopes held.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, weekdays, type TestApp } from "../helpers/booking.js";
import { counselor } from "../helpers/fixtures.js";
import { quitoScheduler, session, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let desk: Session;
let deskUser: string;
let caseId: string;

beforeEach(async () => {
  t = await bookingApp();
  // Bob serves the same office and service, on Mondays only.
  expect((await t.post("/v1/staff", counselor({ id: "bob", name: "Bob Interviewer", email: "bob@example.org" }))).status).toBe(201);
  await t.put("/v1/staff/bob/availability", [{ ...weekdays, rrule: "FREQ=WEEKLY;BYDAY=MO" }]);
  const user = await t.post("/v1/users", { name: "Desk", email: "desk@example.org", role: "scheduler", officeIds: ["bogota"] });
  deskUser = user.json.id;
  desk = session(t, user.json.token);
  caseId = await newCase(t, { reference: "K-1" }); // window 2026-12-04 … 2026-12-18
});
afterEach(() => t.close());

const bookPath = (id = caseId) => `/console/cases/${id}/book`;

/** Each slot form of a page: its start, service, and the staffId each button sends ("" = auto). */
function slotForms(html: string) {
  return [...html.matchAll(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/g)]
    .filter((m) => m[2]!.includes('name="start"'))
    .map((m) => ({
      action: m[1]!,
      start: /name="start" value="([^"]*)"/.exec(m[2]!)![1]!,
      service: /name="service" value="([^"]*)"/.exec(m[2]!)![1]!,
      buttons: [...m[2]!.matchAll(/<button type="submit"([^>]*)>([^<]*)<\/button>/g)].map((b) => [/name="staffId" value="([^"]*)"/.exec(b[1]!)?.[1] ?? "", b[2]!]),
    }));
}

const appointmentsOf = async (id = caseId) => (await t.get(`/v1/appointments?caseId=${id}`)).json.items as { id: string; status: string; start: string; staffId: string }[];

describe("the week shown", () => {
  it("opens on the first week with a free time, by day, in office time, with the interviewers to choose", async () => {
    const res = await desk.get(bookPath());
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain("Reference K-1");
    expect(text).toContain("Window 2026-12-04 – 2026-12-18 Opens in 11 days · 25 days left");
    expect(text).toContain("Monday 30 November 2026 – Sunday 6 December 2026");
    expect(text).toContain("Times in office time (America/Bogota)");
    expect(text).toContain("Friday 4 December 2026 09:00 –10:00 Any interviewer Ana Counselor 09:30");
    const forms = slotForms(res.text);
    // Ana works 09:00–13:00 on Friday the 4th: hourly sessions on a 30-minute grid.
    expect(forms.map((f) => f.start)).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"].map((h) => `2026-12-04T${h}:00Z`));
    expect(forms[0]).toEqual({
      action: bookPath(),
      start: "2026-12-04T14:00:00Z",
      service: "iom-counseling",
      buttons: [
        ["", "Any interviewer"],
        ["ana", "Ana Counselor"],
      ],
    });
    expect(res.text).not.toContain("Previous week");
    expect(res.text).toContain(`href="${bookPath()}?service=iom-counseling&amp;week=2026-12-07"`);
  });

  it("moves week by week inside the window only", async () => {
    const middle = await desk.get(`${bookPath()}?service=iom-counseling&week=2026-12-09`);
    expect(middle.status).toBe(200);
    const text = textOf(middle.text);
    expect(text).toContain("Monday 7 December 2026 – Sunday 13 December 2026");
    // The 8th is a Colombian holiday. Bob works Mondays only; with nobody booked, the order is by id.
    expect(text).not.toContain("Tuesday 8 December");
    expect(text).toMatch(/Monday 7 December 2026 09:00 –10:00 Any interviewer Ana Counselor Bob Interviewer/);
    expect(slotForms(middle.text).find((f) => f.start === "2026-12-09T14:00:00Z")!.buttons).toEqual([
      ["", "Any interviewer"],
      ["ana", "Ana Counselor"],
    ]);
    expect(middle.text).toContain(`href="${bookPath()}?service=iom-counseling&amp;week=2026-11-30"`);
    expect(middle.text).toContain(`href="${bookPath()}?service=iom-counseling&amp;week=2026-12-14"`);

    const last = await desk.get(`${bookPath()}?week=2026-12-14`);
    expect(textOf(last.text)).toContain("Monday 14 December 2026 – Sunday 20 December 2026");
    expect(last.text).not.toContain("Next week");
    expect(
      slotForms(last.text)
        .map((f) => f.start.slice(0, 10))
        .at(-1),
    ).toBe("2026-12-18");

    // Asking past either end shows the nearest week of the window.
    expect(textOf((await desk.get(`${bookPath()}?week=2027-03-01`)).text)).toContain("Monday 14 December 2026 – Sunday 20 December 2026");
    expect(textOf((await desk.get(`${bookPath()}?week=2026-01-01`)).text)).toContain("Monday 30 November 2026 – Sunday 6 December 2026");
  });

  it("lists the least busy interviewer first", async () => {
    const other = await newCase(t, { reference: "K-2" });
    expect((await t.post("/v1/appointments", booking(other, at("11:00"), { staffId: "ana" }))).status).toBe(201);
    const res = await desk.get(`${bookPath()}?week=2026-12-07`);
    expect(slotForms(res.text).find((f) => f.start === "2026-12-07T14:00:00Z")!.buttons).toEqual([
      ["", "Any interviewer"],
      ["bob", "Bob Interviewer"],
      ["ana", "Ana Counselor"],
    ]);
  });

  it("refuses a week that is not a date with a 422 page naming it", async () => {
    const res = await desk.get(`${bookPath()}?week=next`);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("week: must be a date (YYYY-MM-DD)");
  });

  it("says when the window is over", async () => {
    t.clock.set(Date.parse("2026-12-19T05:00:00Z"));
    const res = await desk.get(bookPath());
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("The case's window ended on 2026-12-18: no time inside it is left.");
    expect(slotForms(res.text)).toEqual([]);
  });

  it("says when nothing in the window is free", async () => {
    for (const id of ["ana", "bob"]) {
      expect((await t.post(`/v1/staff/${id}/time-off`, { start: "2026-12-01T00:00:00Z", end: "2026-12-20T00:00:00Z", reason: "training" })).status).toBe(201);
    }
    const res = await desk.get(bookPath());
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("No free time is left in the case's window.");
    expect(slotForms(res.text)).toEqual([]);
  });

  it("shows a live appointment with a link instead of the times", async () => {
    const apt = await t.post("/v1/appointments", booking(caseId, at("10:00")));
    const res = await desk.get(bookPath());
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain(
      "Case K-1 already has an appointment for IOM counseling session: Monday 7 December 2026, 10:00–11:00 (America/Bogota) with Ana Counselor, Scheduled",
    );
    expect(res.text).toContain(`href="/console/appointments/${apt.json.id}"`);
    expect(slotForms(res.text)).toEqual([]);
  });

  it("answers an unknown case or service with a page, never a 500", async () => {
    const unknown = await desk.get(bookPath("case_nope"));
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.text)).toContain("No case with id 'case_nope'.");
    const service = await desk.get(`${bookPath()}?service=unhcr-interview`);
    expect(service.status).toBe(422);
    expect(textOf(service.text)).toContain("service: no service 'unhcr-interview' books the case's IOM track");
  });
});

describe("booking", () => {
  it("books in one click with automatic assignment and goes to the appointment; history names the scheduler", async () => {
    const form = slotForms((await desk.get(`${bookPath()}?week=2026-12-07`)).text).find((f) => f.start === "2026-12-07T15:00:00Z")!;
    const res = await desk.post(form.action, { service: form.service, start: form.start });
    expect(res.status).toBe(303);
    const [apt] = await appointmentsOf();
    expect(res.location).toBe(`/console/appointments/${apt!.id}`);
    expect(apt).toMatchObject({ start: "2026-12-07T15:00:00Z", status: "scheduled", staffId: "ana" });
    const history = (await t.get(`/v1/appointments/${apt!.id}/history`)).json.items ?? (await t.get(`/v1/appointments/${apt!.id}/history`)).json;
    expect(history.map((h: { actor: string; action: string }) => [h.actor, h.action])).toEqual([[`user:${deskUser}`, "booked"]]);
    // The invite waits in the outbox.
    expect((await t.get(`/v1/notifications?appointmentId=${apt!.id}`)).json.items.some((n: { kind: string }) => n.kind === "invite")).toBe(true);
  });

  it("books the interviewer whose button was pressed", async () => {
    const res = await desk.post(bookPath(), { service: "iom-counseling", start: "2026-12-07T14:00:00Z", staffId: "bob" });
    expect(res.status).toBe(303);
    expect((await appointmentsOf())[0]).toMatchObject({ staffId: "bob", start: "2026-12-07T14:00:00Z" });
  });

  it("after someone else took the time: 409, the book page again, and the next free times as one-click forms", async () => {
    const page = await desk.get(`${bookPath()}?week=2026-12-09`);
    const form = slotForms(page.text).find((f) => f.start === "2026-12-09T14:00:00Z")!;
    // Between showing the page and sending the form, another case gets Ana's 09:00 through the API.
    const other = await newCase(t, { reference: "K-2" });
    expect((await t.post("/v1/appointments", booking(other, at("09:00", "2026-12-09")))).status).toBe(201);

    const res = await desk.post(form.action, { service: form.service, start: form.start });
    expect(res.status).toBe(409);
    const text = textOf(res.text);
    expect(text).toContain("Someone booked that time first. Pick one of the next free times below: one click books it.");
    expect(text).toContain("Next free times Wednesday 9 December 2026, 10:00 –11:00 Any interviewer Ana Counselor");
    const next = slotForms(res.text);
    expect(next.slice(0, 5).map((f) => f.start)).toEqual(["15:00", "15:30", "16:00", "16:30", "17:00"].map((h) => `2026-12-09T${h}:00Z`));
    // The week of the time tried is shown below them, without it.
    expect(text).toContain("Monday 7 December 2026 – Sunday 13 December 2026");
    expect(next.some((f) => f.start === "2026-12-09T14:00:00Z")).toBe(false);
    expect(await appointmentsOf()).toEqual([]);

    const retry = await desk.post(next[0]!.action, { service: next[0]!.service, start: next[0]!.start });
    expect(retry.status).toBe(303);
    expect((await appointmentsOf()).map((a) => a.start)).toEqual(["2026-12-09T15:00:00Z"]);
  });

  it("the same form sent twice books once; the second answer is a clear 409", async () => {
    const fields = { service: "iom-counseling", start: "2026-12-07T14:00:00Z" };
    expect((await desk.post(bookPath(), fields)).status).toBe(303);
    const again = await desk.post(bookPath(), fields);
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain("Case K-1 already has an appointment for IOM counseling session. Nothing new was booked.");
    const apts = await appointmentsOf();
    expect(apts).toHaveLength(1);
    expect(again.text).toContain(`href="/console/appointments/${apts[0]!.id}"`);
    // Another free time is refused the same way (one live appointment per case and service).
    const other = await desk.post(bookPath(), { ...fields, start: "2026-12-10T16:00:00Z" });
    expect(other.status).toBe(409);
    expect(await appointmentsOf()).toHaveLength(1);
  });

  it("refuses a missing or bad field with a 422 page that names it, and writes nothing", async () => {
    for (const [fields, status, words] of [
      [{ service: "iom-counseling" }, 422, "start: choose a time to book."],
      [{ service: "iom-counseling", start: "" }, 422, "start: choose a time to book."],
      [{ service: "iom-counseling", start: "tomorrow" }, 422, "start: 'tomorrow' is not a time"],
      [{ service: "iom-counseling", start: "2026-12-07T09:00:00" }, 422, "start: '2026-12-07T09:00:00' is not a time"],
      [{ service: "iom-counseling", start: "2026-12-07T14:10:00Z" }, 422, "start: 2026-12-07T09:10:00-05:00 is not a start that can be booked"],
      [{ service: "iom-counseling", start: "2026-12-21T14:00:00Z" }, 422, "The case's window runs from 2026-12-04 to 2026-12-18"],
      [{ service: "iom-counseling", start: "2026-12-08T14:00:00Z" }, 422, "start: 2026-12-08T09:00:00-05:00 is not a start"],
      [{ service: "iom-counseling", start: "2026-12-07T14:00:00Z", staffId: "nobody" }, 422, "staffId: 'nobody' is not an interviewer of SMO Bogotá for IOM counseling session."],
      [{ start: "2026-12-07T14:00:00Z" }, 422, "service: is missing"],
      [{ service: "unhcr-interview", start: "2026-12-07T14:00:00Z" }, 422, "service: no service 'unhcr-interview'"],
    ] as const) {
      const res = await desk.post(bookPath(), fields);
      expect(res.status, JSON.stringify(fields)).toBe(status);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(textOf(res.text)).toContain(words);
    }
    expect(await appointmentsOf()).toEqual([]);
  });

  it("keeps the times on the page after a refusal", async () => {
    const res = await desk.post(bookPath(), { service: "iom-counseling", start: "2026-12-07T14:10:00Z" });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("Monday 7 December 2026 – Sunday 13 December 2026");
    expect(slotForms(res.text).length).toBeGreaterThan(0);
  });

  it("answers an unknown case with a 404 page", async () => {
    const res = await desk.post(bookPath("case_nope"), { service: "iom-counseling", start: "2026-12-07T14:00:00Z" });
    expect(res.status).toBe(404);
    expect(textOf(res.text)).toContain("No case with id 'case_nope'.");
  });

  it("needs the session's form token", async () => {
    const res = await desk.post(bookPath(), { service: "iom-counseling", start: "2026-12-07T14:00:00Z" }, { csrf: null });
    expect(res.status).toBe(403);
    expect(await appointmentsOf()).toEqual([]);
  });
});

describe("another office's case", () => {
  let quitoCase: string;
  let quitoDesk: Session;

  beforeEach(async () => {
    quitoDesk = await quitoScheduler(t);
    quitoCase = await newCase(t, { reference: "UIO-1", officeId: "quito" });
  });

  it("is a 403 page for a scheduler of another office, who books nothing", async () => {
    const page = await quitoDesk.get(bookPath());
    expect(page.status).toBe(403);
    expect(textOf(page.text)).toContain("Office 'bogota' is not one of yours.");
    expect(page.text).not.toContain("K-1");
    for (const staffId of ["", "ana"]) {
      const res = await quitoDesk.post(bookPath(), { service: "iom-counseling", start: "2026-12-07T14:00:00Z", staffId });
      expect(res.status).toBe(403);
    }
    expect(await appointmentsOf()).toEqual([]);
    expect((await desk.get(bookPath(quitoCase))).status).toBe(403);
  });
});
