// A corrected contact: messages not yet sent follow it, and a re-issued link never reaches the
// contact it replaced. Real SMTP on loopback and a server speaking the Twilio Messages API.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.js";
import type { Deps } from "../../src/deps.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { smtpMailer } from "../../src/notify/smtp.node.js";
import { twilioSender } from "../../src/notify/sms.js";
import { at, booking, newCase, type TestApp } from "../helpers/booking.js";
import { daytimeApp, depsFor } from "./deps.js";
import { startSmtpSink, startTwilioFake, type SmtpSink, type TwilioFake } from "./sinks.js";

const OLD = { email: "old@example.org", phone: "+573001110000" };
const NEW = { email: "new@example.org", phone: "+573002220000" };
/** 72 and 24 hours before 10:00 on 7 December in Bogotá: when the two reminders are due. */
const REMINDER_TIMES = ["2026-12-04T15:00:00Z", "2026-12-06T15:00:00Z"];

let t: TestApp;
let sink: SmtpSink;
let fake: TwilioFake;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  t?.close();
  for (const close of closers.splice(0).reverse()) await close();
});

type Row = { id: string; kind: string; channel: string; to: string; status: string; lastError: string | null };
const outbox = async (id: string) => (await t.get(`/v1/notifications?appointmentId=${id}`)).json.items as Row[];

/** A booking whose case has both contacts, real providers, and the invites already sent to the old ones. */
async function world() {
  t = await daytimeApp();
  sink = await startSmtpSink();
  fake = await startTwilioFake();
  const mailer = smtpMailer({ url: sink.url, timeoutMs: 3000 });
  closers.push(
    () => sink.close(),
    () => fake.close(),
    () => mailer.close(),
  );
  const sms = twilioSender({ url: fake.url, accountSid: fake.account.sid, authToken: fake.account.token, from: "+15005550006", timeoutMs: 3000 });
  const caseId = await newCase(t, { contact: OLD });
  const res = await t.post("/v1/appointments", booking(caseId, at("10:00")));
  expect(res.status).toBe(201);
  const deps = depsFor(t, { mailer, sms });
  expect(await dispatchDue(deps)).toMatchObject({ sent: 2 });
  return { caseId, appointment: res.json as { id: string; selfServiceUrl: string }, deps };
}

async function dispatchAtReminderTimes(deps: Deps) {
  for (const when of REMINDER_TIMES) {
    t.clock.set(Date.parse(when));
    await dispatchDue(deps);
  }
}

/** Every message delivered (or those after the first `skip` mails and texts), with where it went and what it said. */
const delivered = (skip = { mail: 0, sms: 0 }) => [
  ...sink.received.slice(skip.mail).map((m) => ({ to: m.to.join(","), body: m.raw })),
  ...fake.accepted.slice(skip.sms).map((r) => ({ to: r.form.To!, body: r.form.Body! })),
];

const tokenOf = (url: string) => url.split("/a/")[1]!;

describe("a corrected contact", () => {
  it("re-addresses the reminders still waiting, and the re-issued link reaches only the new phone and address", async () => {
    const { caseId, appointment, deps } = await world();
    const before = { mail: sink.received.length, sms: fake.accepted.length };
    expect((await t.patch(`/v1/cases/${caseId}`, { contact: NEW })).status).toBe(200);
    // The outbox shows the truth at once: what waits is addressed to the new contact.
    const waiting = (await outbox(appointment.id)).filter((n) => n.status === "pending");
    expect(waiting.map((n) => `${n.kind}/${n.channel}/${n.to}`).sort()).toEqual([
      `reminder/email/${NEW.email}`,
      `reminder/email/${NEW.email}`,
      `reminder/sms/${NEW.phone}`,
      `reminder/sms/${NEW.phone}`,
    ]);
    const link = await t.post(`/v1/appointments/${appointment.id}/link`);
    expect(link.status).toBe(200);
    const fresh = tokenOf(link.json.selfServiceUrl);

    await dispatchAtReminderTimes(deps);
    const after = delivered(before);
    expect(after).toHaveLength(4);
    expect(after.map((m) => m.to).sort()).toEqual([NEW.phone, NEW.phone, NEW.email, NEW.email]);
    expect(after.every((m) => m.body.replace(/=\r?\n/g, "").includes(fresh))).toBe(true);
    // Nothing with the new link ever went to an old contact, and the old ones got nothing more.
    expect(delivered().filter((m) => m.to === OLD.email || m.to === OLD.phone)).toHaveLength(2);
    expect(
      delivered()
        .filter((m) => m.body.replace(/=\r?\n/g, "").includes(fresh))
        .every((m) => m.to === NEW.email || m.to === NEW.phone),
    ).toBe(true);
    const sent = (await outbox(appointment.id)).filter((n) => n.kind === "reminder");
    expect(sent.map((n) => `${n.status}/${n.to}`).sort()).toEqual([`sent/${NEW.phone}`, `sent/${NEW.phone}`, `sent/${NEW.email}`, `sent/${NEW.email}`]);
  });

  it("closes a removed channel's waiting messages as failed (skipped) and sends none of them", async () => {
    const { caseId, appointment, deps } = await world();
    const res = await t.patch(`/v1/cases/${caseId}`, { contact: { phone: null } });
    expect(res.status).toBe(200);
    expect(res.json.contact).toEqual({ email: OLD.email, phone: null });
    const rows = await outbox(appointment.id);
    expect(rows.filter((n) => n.kind === "reminder" && n.channel === "sms").map((n) => [n.status, n.lastError])).toEqual([
      ["failed", "skipped: the case no longer has a phone number"],
      ["failed", "skipped: the case no longer has a phone number"],
    ]);
    expect(rows.filter((n) => n.kind === "reminder" && n.channel === "email").every((n) => n.status === "pending")).toBe(true);
    await dispatchAtReminderTimes(deps);
    expect(fake.requests).toHaveLength(1); // the invite, sent before the removal
    expect(sink.received.map((m) => m.to[0])).toEqual([OLD.email, OLD.email, OLD.email]);
    // A booking change after the removal queues no text message at all.
    t.clock.set(Date.parse("2026-11-24T15:00:00Z"));
    expect((await t.post(`/v1/appointments/${appointment.id}/reschedule`, { start: at("11:00", "2026-12-09") })).status).toBe(200);
    expect((await outbox(appointment.id)).filter((n) => n.channel === "sms" && n.status === "pending")).toEqual([]);
  });

  it("sends a row queued for the old number to the case's number at send time", async () => {
    const { caseId, appointment, deps } = await world();
    expect((await t.patch(`/v1/cases/${caseId}`, { contact: { phone: NEW.phone } })).status).toBe(200);
    // As if the row had been written by a change that raced the correction.
    await t.database.db
      .update(notifications)
      .set({ to: OLD.phone })
      .where(and(eq(notifications.appointmentId, appointment.id), eq(notifications.kind, "reminder")));
    await dispatchAtReminderTimes(deps);
    expect(fake.accepted.slice(1).map((r) => r.form.To)).toEqual([NEW.phone, NEW.phone]);
    expect((await outbox(appointment.id)).filter((n) => n.kind === "reminder" && n.channel === "sms").map((n) => n.to)).toEqual([NEW.phone, NEW.phone]);
  });

  it("leaves a message being sent at that moment to its sender, which records where it really went", async () => {
    const { caseId, appointment } = await world();
    t.clock.set(Date.parse(REMINDER_TIMES[0]!));
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((r) => (started = r));
    const texts: string[] = [];
    const slow = { send: async (m: { to: string }) => (started(), await new Promise<void>((r) => (release = r)), void texts.push(m.to)) };
    const run = dispatchDue(depsFor(t, { sms: slow }));
    await sending; // the reminder was read with the old number and is on its way
    expect((await t.patch(`/v1/cases/${caseId}`, { contact: { phone: null } })).status).toBe(200);
    release();
    expect(await run).toMatchObject({ sent: 1 });
    expect(texts).toEqual([OLD.phone]);
    const sms = (await outbox(appointment.id)).filter((n) => n.kind === "reminder" && n.channel === "sms");
    expect(sms.map((n) => `${n.status}/${n.to}`).sort()).toEqual([`failed/${OLD.phone}`, `sent/${OLD.phone}`]);
  });

  it("refuses a malformed contact with a 422 naming the field, and changes nothing", async () => {
    const { caseId, appointment } = await world();
    const before = await outbox(appointment.id);
    const res = await t.patch(`/v1/cases/${caseId}`, { contact: { phone: "300 222 0000" } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(["contact.phone"]);
    expect(await outbox(appointment.id)).toEqual(before);
    expect((await t.get(`/v1/cases/${caseId}`)).json.contact).toEqual(OLD);
  });
});
