// The closures pages: close a day, see its appointments, move them all, reopen; and who may.
// Counselor Ana works weekdays 09:00–13:00 in Bogotá (UTC−5); the cases' window is
// 2026-12-04 … 2026-12-18; 2026-12-10 is a Thursday.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, bookingApp, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";
import { bookAt, postForms, quitoScheduler, session, textOf, type Session } from "../helpers/console.js";

const CLOSED = "2026-12-10";
const DAY_PAGE = `/console/closures/bogota/${CLOSED}`;

let t: TestApp;
let s: Session;
let schedulerId: string;

beforeEach(async () => {
  t = await bookingApp();
  const res = await t.post("/v1/users", { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
  schedulerId = res.json.id;
  s = session(t, res.json.token);
});
afterEach(() => t.close());

const closuresOf = async () => (await t.get("/v1/offices/bogota/closures")).json.items as { id: string; date: string; reason: string }[];
const slotsOn = async (date: string, to: string) => (await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${date}&to=${to}`)).json.slots as unknown[];
const closeDay = (fields: Record<string, string>) => s.post("/console/closures", { office: "bogota", ...fields });

describe("closing a day", () => {
  it("shows the form with the date asked for, and the coming closures", async () => {
    await t.post("/v1/offices/bogota/closures", { date: "2026-12-24", reason: "Christmas Eve" });
    await t.post("/v1/offices/bogota/closures", { date: "2026-11-02", reason: "Long past" });
    const res = await s.get(`/console/closures?date=${CLOSED}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`name="date" type="date" min="2026-11-23" value="${CLOSED}"`);
    const text = textOf(res.text);
    expect(text).toContain("Close a day at SMO Bogotá");
    expect(text).toContain("Date (America/Bogota)");
    expect(text).toContain("Thursday 24 December (2026-12-24) Christmas Eve Closed");
    expect(text).not.toContain("Long past");
    const forms = postForms(res.text);
    expect(forms.map((f) => f.action)).toEqual([
      "/console/sign-out",
      "/console/closures",
      `/console/closures/bogota/${(await closuresOf()).find((c) => c.date === "2026-12-24")!.id}/delete`,
    ]);
    expect(new Set(forms.map((f) => f.csrf)).size).toBe(1);
    expect(forms[0]!.csrf).not.toBe("");
  });

  it("closes the day, after which the slot engine offers nothing on it, and lists its appointments", async () => {
    const a = await bookAt(t, at("09:00", CLOSED));
    const b = await bookAt(t, at("11:00", CLOSED));
    expect(await slotsOn(CLOSED, "2026-12-11")).toHaveLength(2); // 10:00 and 12:00

    const res = await closeDay({ date: CLOSED, reason: "Water cut in the building" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(DAY_PAGE);
    expect((await closuresOf()).map((c) => [c.date, c.reason])).toEqual([[CLOSED, "Water cut in the building"]]);
    expect(await slotsOn(CLOSED, "2026-12-11")).toEqual([]);

    const page = await s.get(DAY_PAGE);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain("SMO Bogotá is closed on Thursday 10 December (2026-12-10): Water cut in the building.");
    expect(text).toContain("Still on this day (times in America/Bogota)");
    expect(text).toContain(`Thursday 10 December, 09:00 ${a.reference} Ana Counselor Scheduled Will move to the first free time`);
    expect(text).toContain(`Thursday 10 December, 11:00 ${b.reference} Ana Counselor Scheduled Will move to the first free time`);
    expect(page.text).toContain(`href="/console/appointments/${a.id}"`);
    expect(postForms(page.text).map((f) => f.action)).toContain(`${DAY_PAGE}/move`);
  });

  it("closes a day without appointments, and a form sent twice makes one closure", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await closeDay({ date: "2026-12-14", reason: "Staff training" });
      expect([res.status, res.location]).toEqual([303, "/console/closures/bogota/2026-12-14"]);
    }
    expect(await closuresOf()).toHaveLength(1);
    const page = await s.get("/console/closures/bogota/2026-12-14");
    expect(textOf(page.text)).toContain("No appointments are left on this day.");
    expect(postForms(page.text).map((f) => f.action)).not.toContain("/console/closures/bogota/2026-12-14/move");
  });

  it("refuses a missing reason or a bad date with the form again, naming the field, and closes nothing", async () => {
    for (const [fields, words] of [
      [{ date: CLOSED, reason: "  " }, "Reason is required: say why the office is closed."],
      [{ date: CLOSED }, "Reason is required"],
      [{ date: "10/12/2026", reason: "Water cut" }, "Date must be a date written YYYY-MM-DD."],
      [{ date: "2026-02-30", reason: "Water cut" }, "Date must be a date written YYYY-MM-DD."],
      [{ date: "2026-11-20", reason: "Water cut" }, "Date must be today (2026-11-23) or later."],
      [{ reason: "Water cut" }, "Date must be a date written YYYY-MM-DD."],
    ] as const) {
      const res = await closeDay(fields);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(textOf(res.text)).toContain(words);
      expect(res.text).toContain('role="alert"');
    }
    // What was typed is kept.
    const res = await closeDay({ date: CLOSED, reason: "" });
    expect(res.text).toContain(`value="${CLOSED}"`);
    expect(await closuresOf()).toEqual([]);
    expect((await s.get("/console/closures?date=someday")).status).toBe(422);
    expect((await s.get("/console/closures/bogota/2026-13-01")).status).toBe(422);
  });

  it("answers 404 pages for an unknown office, an open day and an unknown closure", async () => {
    expect((await s.get("/console/closures/bogota/2026-12-11")).status).toBe(404);
    expect((await s.post(`/console/closures/bogota/${CLOSED}/move`)).status).toBe(409);
    expect((await s.post("/console/closures/bogota/clo_nothing/delete")).status).toBe(404);
    const admin = session(t, await token(t, { role: "admin" }));
    expect((await admin.get("/console/closures?office=nowhere")).status).toBe(404);
  });
});

describe("moving a closed day's appointments", () => {
  it("moves each to the first free time in its window, flags the one that cannot move, and says so", async () => {
    await t.patch("/v1/services/iom-counseling", { window: { minDays: 20, maxDays: 20 } });
    // Windows: 2026-12-10 only (stuck), and 2026-12-10 … 2026-12-13 (extended by three days).
    const stuck = await bookAt(t, at("09:00", CLOSED));
    const first = await bookAt(t, at("10:00", CLOSED));
    const second = await bookAt(t, at("12:00", CLOSED));
    for (const c of [first, second]) await t.post(`/v1/cases/${c.caseId}/extensions`, { days: 3, reason: "Looking for a sponsor" });
    await closeDay({ date: CLOSED, reason: "Water cut" });

    const res = await s.post(`${DAY_PAGE}/move`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${DAY_PAGE}?moved=${first.id},${second.id}`);

    // Friday 09:00 and then 10:00 (09:30 overlaps the first), with Ana, the only counselor.
    const now = await Promise.all([stuck, first, second].map(async (a) => (await t.get(`/v1/appointments/${a.id}`)).json));
    expect(now.map((a) => [a.start, a.status, a.sequence])).toEqual([
      ["2026-12-10T14:00:00Z", "scheduled", 0],
      ["2026-12-11T14:00:00Z", "scheduled", 1],
      ["2026-12-11T15:00:00Z", "scheduled", 1],
    ]);
    for (const a of [first, second]) {
      const outbox = (await t.get(`/v1/notifications?appointmentId=${a.id}`)).json.items;
      expect(
        outbox
          .filter((n: any) => n.kind === "update")
          .map((n: any) => `${n.channel}:${n.status}`)
          .sort(),
      ).toEqual(["email:pending", "sms:pending"]);
      const history = (await t.get(`/v1/appointments/${a.id}/history`)).json.items;
      expect(history.map((h: any) => [h.action, h.actor])).toEqual([
        ["booked", "admin-token"],
        ["reschedule", `user:${schedulerId}`],
      ]);
    }
    expect((await t.get(`/v1/notifications?appointmentId=${stuck.id}`)).json.items.some((n: any) => n.kind === "update")).toBe(false);

    const page = await s.get(res.location!);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain("Moved 2 appointments; the new times are on their way to the applicants. 1 could not be moved: call them.");
    expect(text).toContain("Moved off this day (times in America/Bogota)");
    expect(text).toContain(`${first.reference} Thursday 10 December, 10:00 Friday 11 December, 09:00 Ana Counselor`);
    expect(text).toContain(`${second.reference} Thursday 10 December, 12:00 Friday 11 December, 10:00 Ana Counselor`);
    expect(text).toContain(
      `Thursday 10 December, 09:00 ${stuck.reference} Ana Counselor Scheduled Needs a call: No free time is left in the case's window (2026-12-10 to 2026-12-10).`,
    );
    for (const a of [stuck, first, second]) expect(page.text).toContain(`href="/console/appointments/${a.id}"`);
    expect(postForms(page.text).map((f) => f.action)).not.toContain(`${DAY_PAGE}/move`);

    // Pressed again: nothing more moves, nothing more is written.
    const before = await t.get(`/v1/appointments/${first.id}/history`);
    const again = await s.post(`${DAY_PAGE}/move`);
    expect([again.status, again.location]).toEqual([303, `${DAY_PAGE}?moved=`]);
    expect((await t.get(`/v1/appointments/${first.id}/history`)).text).toBe(before.text);
    expect((await t.get(`/v1/appointments/${stuck.id}`)).json.sequence).toBe(0);
    expect(textOf((await s.get(again.location!)).text)).toContain("Moved 0 appointments");
  });

  it("shows only this office's moves, whatever ids the address names", async () => {
    const a = await bookAt(t, at("09:00", CLOSED));
    const elsewhere = await bookAt(t, at("09:00", "2026-12-09"));
    await t.post(`/v1/appointments/${elsewhere.id}/reschedule`, { start: at("11:00", "2026-12-09") });
    await closeDay({ date: CLOSED, reason: "Water cut" });
    await s.post(`${DAY_PAGE}/move`);
    const page = await s.get(`${DAY_PAGE}?moved=${a.id},${elsewhere.id},apt_unknown,<script>`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain(a.reference);
    expect(text).not.toContain(elsewhere.reference);
  });
});

describe("reopening", () => {
  it("removes the closure: the day can be booked again and moved appointments stay moved", async () => {
    const a = await bookAt(t, at("09:00", CLOSED));
    await closeDay({ date: CLOSED, reason: "Water cut" });
    await s.post(`${DAY_PAGE}/move`);
    const [closure] = await closuresOf();
    const res = await s.post(`/console/closures/bogota/${closure!.id}/delete`);
    expect([res.status, res.location]).toEqual([303, "/console/closures?office=bogota&reopened=1"]);
    expect(await closuresOf()).toEqual([]);
    expect(await slotsOn(CLOSED, "2026-12-11")).toHaveLength(7);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.start).toBe("2026-12-11T14:00:00Z");
    expect(textOf((await s.get(res.location!)).text)).toContain("The closure was removed: the day can be booked again.");
  });
});

describe("office scope", () => {
  it("refuses another office's scheduler on every route with a 403 page, and changes nothing", async () => {
    const other = await quitoScheduler(t);
    const a = await bookAt(t, at("09:00", CLOSED));
    await closeDay({ date: CLOSED, reason: "Water cut" });
    const [closure] = await closuresOf();

    const answers = [
      await other.get("/console/closures?office=bogota"),
      await other.post("/console/closures", { office: "bogota", date: "2026-12-11", reason: "Not mine to close" }),
      await other.get(DAY_PAGE),
      await other.post(`${DAY_PAGE}/move`),
      await other.get(`${DAY_PAGE}?moved=${a.id}`),
      await other.post(`/console/closures/bogota/${closure!.id}/delete`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain("Office 'bogota' is not one of yours.");
    }
    expect((await closuresOf()).map((c) => c.date)).toEqual([CLOSED]);
    expect((await t.get(`/v1/appointments/${a.id}`)).json).toMatchObject({ start: "2026-12-10T14:00:00Z", sequence: 0 });

    // Their own page shows their office only.
    const own = await other.get("/console/closures");
    expect(own.status).toBe(200);
    expect(textOf(own.text)).toContain("Close a day at SMO Quito");
    expect(own.text).toContain('name="office" value="quito"');
  });
});
