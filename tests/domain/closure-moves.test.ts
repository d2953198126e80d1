// Moving a closed day's appointments: where each goes, which are flagged, what is written.
// Counselors work weekdays 09:00–13:00 in Bogotá (UTC−5); cases screened 2026-11-20 have the
// window 2026-12-04 … 2026-12-18; 2026-12-10 is a Thursday.
import { afterEach, describe, expect, it } from "vitest";
import { closeDay, moveAppointmentsOff, stillOnDay } from "../../src/domain/closure-moves.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { bogota } from "../helpers/fixtures.js";
import type { Actor, Ctx } from "../../src/domain/context.js";
import { DomainError } from "../../src/domain/errors.js";
import { cachesOf } from "../../src/domain/versioned-cache.js";

const CLOSED = "2026-12-10";
const scheduler: Actor = { id: "sched-1", role: "scheduler", officeIds: ["bogota"], staffId: null };

let t: TestApp;
afterEach(() => t?.close());

const ctx = (actor: Actor = scheduler): Ctx => ({ deps: t.deps, actor });

async function book(caseId: string, start: string, staffId?: string) {
  const res = await t.post("/v1/appointments", booking(caseId, start, staffId ? { staffId } : {}));
  if (res.status !== 201) throw new Error(`book: ${res.status} ${res.text}`);
  return res.json.id as string;
}

const read = async (id: string) => (await t.get(`/v1/appointments/${id}`)).json;
const closeIt = () => closeDay(ctx(), "bogota", { date: CLOSED, reason: "Water cut" });

async function extend(caseId: string, days: number) {
  const res = await t.post(`/v1/cases/${caseId}/extensions`, { days, reason: "Looking for a sponsor" });
  if (res.status !== 201) throw new Error(`extend: ${res.status} ${res.text}`);
}

describe("moveAppointmentsOff", () => {
  it("moves each to the first free time after the closed day, keeping the interviewer when free", async () => {
    t = await bookingApp({ staff: ["bob"] });
    const busyFriday = await book(await newCase(t), at("09:00", "2026-12-11"), "ana");
    const first = await book(await newCase(t), at("09:00", CLOSED), "ana");
    const second = await book(await newCase(t), at("10:00", CLOSED), "bob");
    const third = await book(await newCase(t), at("12:00", CLOSED), "ana");
    await closeIt();

    const result = await moveAppointmentsOff(ctx(), "bogota", CLOSED);

    // Start order: Friday 09:00 has only Bob free; then 10:00 (09:30 overlaps both) for Bob, and
    // for Ana, who is free at 10:00 too.
    expect(result.flagged).toEqual([]);
    expect(result.moved.map((m) => [m.appointmentId, m.to.start, m.to.staffId])).toEqual([
      [first, Date.parse("2026-12-11T14:00:00Z"), "bob"],
      [second, Date.parse("2026-12-11T15:00:00Z"), "bob"],
      [third, Date.parse("2026-12-11T15:00:00Z"), "ana"],
    ]);
    expect(result.moved[0]!.from).toEqual({ start: Date.parse("2026-12-10T14:00:00Z"), staffId: "ana" });
    for (const [id, start, staffId] of [
      [first, "2026-12-11T14:00:00Z", "bob"],
      [second, "2026-12-11T15:00:00Z", "bob"],
      [third, "2026-12-11T15:00:00Z", "ana"],
    ]) {
      const a = await read(id!);
      expect([a.start, a.staffId, a.status, a.sequence]).toEqual([start, staffId, "scheduled", 1]);
    }
    expect((await read(busyFriday)).start).toBe("2026-12-11T14:00:00Z");

    // Each move wrote its history entry (the scheduler as actor) and queued its "update" messages.
    const history = (await t.get(`/v1/appointments/${first}/history`)).json;
    const last = history.items.at(-1);
    expect([last.actor, last.action, last.from.start, last.to.start]).toEqual(["user:sched-1", "reschedule", "2026-12-10T14:00:00Z", "2026-12-11T14:00:00Z"]);
    const outbox = (await t.get(`/v1/notifications?appointmentId=${first}`)).json.items;
    expect(
      outbox
        .filter((n: any) => n.kind === "update")
        .map((n: any) => n.channel)
        .sort(),
    ).toEqual(["email", "sms"]);

    // A second run finds nothing left on the day and writes nothing.
    const before = await t.get(`/v1/appointments/${first}/history`);
    expect(await moveAppointmentsOff(ctx(), "bogota", CLOSED)).toEqual({ moved: [], flagged: [] });
    expect((await t.get(`/v1/appointments/${first}/history`)).text).toBe(before.text);
    expect((await read(first)).sequence).toBe(1);
  });

  it("flags one with no free time left in its window, and moves others back inside their window", async () => {
    t = await bookingApp({ service: { window: { minDays: 20, maxDays: 20 } } });
    // Windows: 12-10 only; 12-10 … 12-11; 12-09 … 12-10.
    const stuckCase = await newCase(t);
    const laterCase = await newCase(t);
    await extend(laterCase, 1);
    const earlierCase = await newCase(t, { screenedAt: "2026-11-19" });
    await extend(earlierCase, 1);
    const stuck = await book(stuckCase, at("09:00", CLOSED));
    const later = await book(laterCase, at("10:00", CLOSED));
    const earlier = await book(earlierCase, at("11:00", CLOSED));
    await closeIt();

    const result = await moveAppointmentsOff(ctx(), "bogota", CLOSED);

    expect(result.flagged.map((f) => [f.appointment.id, f.reason])).toEqual([[stuck, "No free time is left in the case's window (2026-12-10 to 2026-12-10)."]]);
    expect(result.moved.map((m) => [m.appointmentId, m.to.start])).toEqual([
      [later, Date.parse("2026-12-11T14:00:00Z")],
      [earlier, Date.parse("2026-12-09T14:00:00Z")],
    ]);
    const left = await read(stuck);
    expect([left.start, left.status, left.sequence]).toEqual(["2026-12-10T14:00:00Z", "scheduled", 0]);
    expect((await t.get(`/v1/notifications?appointmentId=${stuck}`)).json.items.map((n: any) => n.kind)).not.toContain("update");
    // The page's view agrees with what the move did.
    expect((await stillOnDay(ctx(), "bogota", CLOSED)).map((r) => [r.appointment.id, r.reason])).toEqual([[stuck, result.flagged[0]!.reason]]);
  });

  it("asks the slot engine once for the day's cases whatever their windows, and never about days already past", async () => {
    t = await bookingApp();
    const engineRuns = () => cachesOf(t.deps).get("slots")?.misses ?? 0;
    const ids = [];
    for (const [i, screenedAt] of ["2026-11-20", "2026-11-21", "2026-11-22"].entries())
      ids.push(await book(await newCase(t, { screenedAt }), at(`${String(9 + i).padStart(2, "0")}:00`, CLOSED)));
    // Booked outside a window that ended in June 2025.
    const old = await newCase(t, { screenedAt: "2025-06-01" });
    const outside = await t.post("/v1/appointments", booking(old, at("12:00", CLOSED), { overrideWindow: { reason: "Came back after a year" } }));
    expect(outside.status).toBe(201);
    await closeIt();

    const before = engineRuns();
    const remaining = await stillOnDay(ctx(), "bogota", CLOSED);
    expect(remaining.map((r) => [r.appointment.id, r.reason])).toEqual([
      ...ids.map((id) => [id, null]),
      [outside.json.id, "No free time is left in the case's window (2025-06-15 to 2025-06-29)."],
    ]);
    // One run from the day after the closure (shared by the three windows) and one from today.
    expect(engineRuns() - before).toBe(2);
  });

  it("flags what the office may no longer move: checked in, already started, at the reschedule limit", async () => {
    t = await bookingApp({ staff: ["bob", "eva"] });
    await t.patch("/v1/offices/bogota", { settings: { rescheduleLimit: 1 } });
    const checkedIn = await book(await newCase(t), at("09:00", CLOSED), "ana");
    const started = await book(await newCase(t), at("09:00", CLOSED), "bob");
    const limited = await book(await newCase(t), at("09:00", "2026-12-09"), "eva");
    expect((await t.post(`/v1/appointments/${limited}/reschedule`, { start: at("11:00", CLOSED) })).status).toBe(200);
    const movable = await book(await newCase(t), at("12:00", CLOSED), "ana");
    await closeIt();
    t.clock.set(Date.parse("2026-12-10T14:30:00Z")); // 09:30 on the closed day
    expect((await t.post(`/v1/appointments/${checkedIn}/check-in`)).status).toBe(200);

    const result = await moveAppointmentsOff(ctx(), "bogota", CLOSED);

    expect(result.flagged.map((f) => [f.appointment.id, f.reason])).toEqual([
      [checkedIn, "The applicant has already checked in."],
      [started, "It has already started."],
      [limited, "It has been moved 1 time already, the office's limit."],
    ]);
    // 24 hours' notice from 09:30: Friday 09:30 is the first start (a 30-minute grid).
    expect(result.moved.map((m) => [m.appointmentId, m.to.start, m.to.staffId])).toEqual([[movable, Date.parse("2026-12-11T14:30:00Z"), "ana"]]);
    expect((await read(checkedIn)).status).toBe("checked_in");
    expect((await read(limited)).start).toBe("2026-12-10T16:00:00Z");
  });

  it("tries the next free time when another booking takes the first one meanwhile", async () => {
    t = await bookingApp();
    const id = await book(await newCase(t), at("09:00", CLOSED));
    const rival = await newCase(t);
    await closeIt();
    // Just before the move is written, someone books Friday 09:00 with the same interviewer.
    const database = t.deps.database;
    const write = database.batch.bind(database);
    let raced = false;
    database.batch = async (statements) => {
      if (!raced) {
        raced = true;
        await book(rival, at("09:00", "2026-12-11"), "ana");
      }
      return write(statements);
    };

    const result = await moveAppointmentsOff(ctx(), "bogota", CLOSED);

    // 09:00 and 09:30 overlap the rival's hour; 10:00 is the first still free.
    expect(result.moved.map((m) => [m.appointmentId, m.to.start])).toEqual([[id, Date.parse("2026-12-11T15:00:00Z")]]);
    expect(result.flagged).toEqual([]);
    expect((await read(id)).start).toBe("2026-12-11T15:00:00Z");
  });

  it("refuses a day that is not closed, and another office's scheduler, changing nothing", async () => {
    t = await bookingApp();
    const id = await book(await newCase(t), at("09:00", CLOSED));
    await expect(moveAppointmentsOff(ctx(), "bogota", CLOSED)).rejects.toMatchObject({ kind: "conflict" });
    await closeIt();
    await t.post("/v1/offices", bogota({ id: "quito", name: "SMO Quito", country: "EC", timeZone: "America/Guayaquil" }));
    const foreign: Actor = { ...scheduler, id: "sched-q", officeIds: ["quito"] };
    for (const attempt of [
      () => moveAppointmentsOff(ctx(foreign), "bogota", CLOSED),
      () => closeDay(ctx(foreign), "bogota", { date: "2026-12-11", reason: "x" }),
      () => stillOnDay(ctx(foreign), "bogota", CLOSED),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe("forbidden");
    }
    expect((await read(id)).sequence).toBe(0);
    expect((await t.get("/v1/offices/bogota/closures")).json.items.map((c: any) => c.date)).toEqual([CLOSED]);
    await expect(moveAppointmentsOff(ctx(), "bogota", "2026-02-30")).rejects.toMatchObject({ kind: "validation" });
  });
});

describe("closeDay", () => {
  it("closes a day with no appointments, once however often it is sent, and the slot engine then offers nothing", async () => {
    t = await bookingApp();
    const slots = () => t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${CLOSED}&to=2026-12-11`);
    expect((await slots()).json.slots).toHaveLength(7);
    const first = await closeIt();
    const again = await closeIt();
    expect(first.created).toBe(true);
    expect(again).toEqual({ closure: first.closure, created: false });
    expect((await slots()).json.slots).toEqual([]);
    expect((await t.get("/v1/offices/bogota/closures")).json.items).toHaveLength(1);
  });

  it("refuses a past date, a missing reason, and a day marked as worked", async () => {
    t = await bookingApp();
    await expect(closeDay(ctx(), "bogota", { date: "2026-11-22", reason: "Late" })).rejects.toMatchObject({
      kind: "validation",
      extra: { errors: [{ path: "date", message: "must be today (2026-11-23) or later" }] },
    });
    await expect(closeDay(ctx(), "bogota", { date: "tomorrow", reason: " " })).rejects.toMatchObject({
      kind: "validation",
      extra: { errors: [{ path: "date" }, { path: "reason" }] },
    });
    expect((await t.post("/v1/offices/bogota/closures", { date: "2026-12-08", reason: "Holiday worked", open: true })).status).toBe(201);
    await expect(closeDay(ctx(), "bogota", { date: "2026-12-08", reason: "Closed after all" })).rejects.toMatchObject({ kind: "conflict" });
    expect((await t.get("/v1/offices/bogota/closures")).json.items).toHaveLength(1);
  });
});
