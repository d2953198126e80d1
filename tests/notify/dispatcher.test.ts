// The outbox dispatcher: leases, concurrent dispatchers, what it skips, and what it never sends.
import { afterEach, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.js";
import type { MailMessage, TextMessage } from "../../src/deps.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { at, booking, newCase, type TestApp } from "../helpers/booking.js";
import { daytimeApp, depsFor, secondConnection } from "./deps.js";

let t: TestApp;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Senders that record what they were given, after a short random delay. */
function recorder(maxDelayMs = 0) {
  const mail: MailMessage[] = [];
  const texts: TextMessage[] = [];
  const pause = () => sleep(Math.random() * maxDelayMs);
  return {
    mail,
    texts,
    mailer: { send: async (m: MailMessage) => void (await pause(), mail.push(m)) },
    sms: { send: async (m: TextMessage) => void (await pause(), texts.push(m)) },
  };
}

async function booked(start = at("10:00"), caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

const rows = async (appointmentId?: string) => (await t.database.db.select().from(notifications)).filter((n) => !appointmentId || n.appointmentId === appointmentId);

describe("the dispatcher", () => {
  it("never sends a row twice when two dispatchers on two connections run at once", async () => {
    t = await daytimeApp({ staff: ["bea", "cy"] });
    for (const hhmm of ["09:00", "10:00", "11:00", "12:00"]) for (let i = 0; i < 3; i++) await booked(at(hhmm));
    const due = (await rows()).filter((n) => n.kind === "invite");
    expect(due).toHaveLength(24);
    const sink = recorder(15);
    const other = secondConnection(t);
    cleanups.push(other.close);
    const first = depsFor(t, { mailer: sink.mailer, sms: sink.sms });
    const second = { ...depsFor(t, { mailer: sink.mailer, sms: sink.sms }), database: other.database };
    const drain = async (deps: typeof first) => {
      while ((await dispatchDue(deps, { limit: 3 })).leased > 0);
    };
    await Promise.all([drain(first), drain(second), drain(first), drain(second)]);
    const sent = [...sink.mail, ...sink.texts].map((m) => m.id!);
    expect(sent.sort()).toEqual(due.map((n) => n.id).sort());
    expect(new Set(sent).size).toBe(sent.length);
    expect((await rows()).filter((n) => n.kind === "invite").every((n) => n.status === "sent" && n.attempts === 1)).toBe(true);
  });

  it("lets a row whose lease ran out go to another dispatcher, and a late sender cannot overwrite its result", async () => {
    t = await daytimeApp();
    const a = await booked(at("10:00"), { contact: { email: "applicant@example.org" } });
    let finishSlowSend!: () => void;
    let slowStarted!: () => void;
    const started = new Promise<void>((r) => (slowStarted = r));
    const slow = { send: () => (slowStarted(), new Promise<void>((done) => (finishSlowSend = done))) };
    const firstRun = dispatchDue(depsFor(t, { mailer: slow }));
    await started;
    t.clock.advance(5 * 60_000); // the lease has run out
    let fails = true;
    const flaky = {
      send: async () => {
        if (fails) throw new Error("connection reset");
      },
    };
    const second = depsFor(t, { mailer: flaky });
    expect(await dispatchDue(second)).toMatchObject({ leased: 1, retried: 1 });
    finishSlowSend();
    expect(await firstRun).toMatchObject({ leased: 1, lost: 1 });
    // The first sender finished late: it may not mark the row sent, which is still waiting for a retry.
    let [row] = (await rows(a.id)).filter((n) => n.kind === "invite");
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastError: "connection reset" });
    fails = false;
    t.clock.advance(2 * 60_000);
    expect(await dispatchDue(second)).toMatchObject({ sent: 1 });
    [row] = (await rows(a.id)).filter((n) => n.kind === "invite");
    expect(row).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("sends nothing for a cancelled appointment's reminders, even one left behind", async () => {
    t = await daytimeApp();
    const sink = recorder();
    const deps = depsFor(t, { mailer: sink.mailer, sms: sink.sms });
    const a = await booked();
    await dispatchDue(deps);
    await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Asked to" });
    // A reminder that escaped the withdrawal (say, written by a change that raced the cancel).
    await t.database.db.insert(notifications).values({
      id: "ntf_left_behind",
      appointmentId: a.id,
      channel: "email",
      kind: "reminder",
      to: "applicant@example.org",
      status: "pending",
      attempts: 0,
      sendAfter: Date.parse("2026-12-04T15:00:00Z"),
      sequence: 0,
      createdAt: t.clock.now(),
    });
    await dispatchDue(deps);
    for (const when of ["2026-12-04T15:00:00Z", "2026-12-06T15:00:00Z", "2026-12-07T14:59:00Z"]) {
      t.clock.set(Date.parse(when));
      await dispatchDue(deps);
    }
    expect(sink.mail.map((m) => m.subject)).toEqual(["Su cita: lunes 7 de diciembre, 10:00", "Cita cancelada: lunes 7 de diciembre, 10:00"]);
    expect(sink.texts.map((m) => m.body.slice(0, 14))).toEqual(["Su cita: lunes", "Su cita del lu"]);
    expect((await rows(a.id)).find((n) => n.id === "ntf_left_behind")).toMatchObject({ status: "failed", lastError: "skipped: the appointment was cancelled" });
  });

  it("sends reminders at their time for the appointment as rescheduled, without an invite attached", async () => {
    t = await daytimeApp();
    const sink = recorder();
    const deps = depsFor(t, { mailer: sink.mailer, sms: sink.sms });
    const a = await booked();
    await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00", "2026-12-09") });
    await dispatchDue(deps);
    // The first invite is superseded by the update: only the update goes out.
    expect(sink.mail.map((m) => [m.subject, m.calendar?.method])).toEqual([["Su cita cambió: miércoles 9 de diciembre, 11:00", "REQUEST"]]);
    expect(sink.mail[0]!.calendar!.content).toContain("SEQUENCE:1");
    t.clock.set(Date.parse("2026-12-04T15:00:00Z")); // when the old reminder would have gone
    expect((await dispatchDue(deps)).leased).toBe(0);
    t.clock.set(Date.parse("2026-12-06T16:00:00Z")); // 72 hours before the new time
    expect(await dispatchDue(deps)).toMatchObject({ leased: 2, sent: 2 });
    const reminder = sink.mail.at(-1)!;
    expect(reminder.subject).toBe("Recordatorio de su cita: miércoles 9 de diciembre, 11:00");
    expect(reminder.calendar).toBeUndefined();
    expect(reminder.text).toContain(a.selfServiceUrl.split("/a/")[0]);
    expect(sink.texts.at(-1)!.body).toMatch(/^Recordatorio: miércoles 9 de diciembre, 11:00, SMO Bogota: http:\/\/cita\.test\/a\//);
  });

  it("retries a failed reminder outside the office's quiet hours", async () => {
    t = await daytimeApp();
    await t.patch("/v1/offices/bogota", { settings: { reminderHours: [14] } });
    const a = await booked(at("09:00"), { contact: { phone: "+573001234567" } });
    const [reminder] = (await rows(a.id)).filter((n) => n.kind === "reminder");
    expect(new Date(reminder!.sendAfter).toISOString()).toBe("2026-12-07T00:00:00.000Z"); // 19:00 the evening before
    t.clock.set(reminder!.sendAfter);
    const down = { send: async () => Promise.reject(new Error("provider down")) };
    expect(await dispatchDue(depsFor(t, { sms: down }), { baseDelayMs: 2 * 3_600_000 })).toMatchObject({ leased: 2, retried: 2 }); // the invite too
    const [retry] = (await rows(a.id)).filter((n) => n.kind === "reminder");
    // 21:00 would be inside 20:00–08:00: moved to 08:00 office time.
    expect(new Date(retry!.sendAfter).toISOString()).toBe("2026-12-07T13:00:00.000Z");
  });

  it("skips what comes too late: the appointment has already started", async () => {
    t = await daytimeApp();
    const sink = recorder();
    const a = await booked();
    t.clock.set(Date.parse("2026-12-07T15:00:00Z"));
    expect(await dispatchDue(depsFor(t, { mailer: sink.mailer, sms: sink.sms }))).toMatchObject({ leased: 6, skipped: 6, sent: 0 }); // invites and the reminders
    expect(sink.mail).toHaveLength(0);
    expect((await rows(a.id)).filter((n) => n.kind === "invite").map((n) => n.lastError)).toEqual([
      "skipped: the appointment has already started",
      "skipped: the appointment has already started",
    ]);
  });

  it("keeps mail in the outbox without a mailer, logging each row once and no address", async () => {
    t = await daytimeApp();
    const a = await booked();
    const deps = depsFor(t);
    expect(await dispatchDue(deps)).toMatchObject({ held: 1, leased: 0 });
    await dispatchDue(deps);
    const held = deps.logs.map((l) => JSON.parse(l)).filter((l) => l.message.startsWith("mail held"));
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ appointmentId: a.id, kind: "invite" });
    expect(deps.logs.join("\n")).not.toMatch(/applicant@example\.org|3001234567/);
    expect((await rows(a.id)).filter((n) => n.kind === "invite").every((n) => n.status === "pending" && n.attempts === 0)).toBe(true);
  });
});
