// Mail and SMS providers down together for a long stretch, the clock moved a minute at a time:
// every step keeps "sent" for what a provider accepted, retries back off, and once the providers
// return each message goes out exactly once (or, past the last attempt, is failed and never sent).
import { afterEach, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.js";
import { DISPATCH_DEFAULTS, backoff, dispatchDue } from "../../src/notify/dispatcher.js";
import { smtpMailer } from "../../src/notify/smtp.node.js";
import { twilioSender } from "../../src/notify/sms.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { depsFor } from "../notify/deps.js";
import { startSmtpSink, startTwilioFake, type SmtpSink, type TwilioFake } from "../notify/sinks.js";

let t: TestApp;
let sink: SmtpSink;
let fake: TwilioFake;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  t?.close();
});

const MINUTE = 60_000;

/** Six bookings with email and phone, real SMTP and Twilio-style senders, both providers down. */
async function outage() {
  t = await bookingApp({ staff: ["bea", "cy"] });
  t.clock.set(Date.parse("2026-11-23T15:00:00Z")); // 10:00 in Bogotá: every try falls outside the quiet hours
  const links = new Map<string, string>();
  for (const hhmm of ["09:00", "11:00"]) {
    for (let i = 0; i < 3; i++) {
      const res = await t.post("/v1/appointments", booking(await newCase(t, { contact: { email: `a${hhmm.slice(0, 2)}${i}@example.org`, phone: `+57300123456${i}` } }), at(hhmm)));
      expect(res.status).toBe(201);
      links.set(res.json.id, res.json.selfServiceUrl);
    }
  }
  sink = await startSmtpSink();
  fake = await startTwilioFake();
  const mailer = smtpMailer({ url: sink.url, timeoutMs: 3000 });
  closers.push(
    () => mailer.close(),
    () => sink.close(),
    () => fake.close(),
  );
  const sms = twilioSender({ url: fake.url, accountSid: fake.account.sid, authToken: fake.account.token, from: "+15005550006", timeoutMs: 3000 });
  await sink.close();
  fake.fail(503);
  return { deps: depsFor(t, { mailer, sms }), links };
}

const invites = async () => (await t.database.db.select().from(notifications)).filter((n) => n.kind === "invite");

/** Every row marked sent was accepted by its provider: the mail by Message-ID, the text by number and link. */
function checkSentWasAccepted(rows: Awaited<ReturnType<typeof invites>>, links: Map<string, string>) {
  const mailIds = sink.received.map((m) => /^Message-ID:\s*<([^@>]+)@cita>/im.exec(m.raw)?.[1]);
  for (const row of rows.filter((r) => r.status === "sent")) {
    if (row.channel === "email") expect(mailIds).toContain(row.id);
    else expect(fake.accepted.some((r) => r.form.To === row.to && r.form.Body!.includes(links.get(row.appointmentId)!))).toBe(true);
  }
}

/** Moves the clock a minute at a time to `until` (minutes after the start), dispatching at every step. */
async function steps(deps: Parameters<typeof dispatchDue>[0], links: Map<string, string>, from: number, until: number, start: number, onStep?: (minute: number) => Promise<void>) {
  let before = new Map((await invites()).map((r) => [r.id, r]));
  for (let minute = from; minute <= until; minute++) {
    t.clock.set(start + minute * MINUTE);
    await onStep?.(minute);
    await dispatchDue(deps);
    const rows = await invites();
    checkSentWasAccepted(rows, links);
    for (const row of rows) {
      const prev = before.get(row.id)!;
      expect(row.attempts).toBeGreaterThanOrEqual(prev.attempts);
      // A failed try is rescheduled after the backoff for its attempt count: 1, 2, 4 … 60 minutes.
      if (row.status === "pending" && row.attempts > prev.attempts) expect(row.sendAfter).toBe(t.clock.now() + backoff(row.attempts, DISPATCH_DEFAULTS));
    }
    before = new Map(rows.map((r) => [r.id, r]));
  }
}

describe("a long outage of both providers", () => {
  it("retries with growing delays, marks nothing sent while down, and delivers each message once after", async () => {
    const { deps, links } = await outage();
    const start = t.clock.now();
    // Both down for 45 minutes: tries at minutes 0, 1, 3, 7, 15, 31.
    await steps(deps, links, 0, 45, start);
    let rows = await invites();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "pending" && r.attempts === 6 && r.sendAfter === start + 63 * MINUTE)).toBe(true);
    expect(sink.received.length + fake.accepted.length).toBe(0);
    expect(fake.requests.length).toBe(6 * 6);

    // Text messages return at minute 46 and go at the 7th try (minute 63); mail returns at 90 and
    // goes at the 8th and last (minute 123).
    const port = sink.port;
    await steps(deps, links, 46, 150, start, async (minute) => {
      if (minute === 46) fake.fail(null);
      if (minute === 90) sink = await startSmtpSink(port);
    });
    rows = await invites();
    expect(rows.filter((r) => r.channel === "sms").map((r) => [r.status, r.attempts, r.sentAt])).toEqual(Array(6).fill(["sent", 7, start + 63 * MINUTE]));
    expect(rows.filter((r) => r.channel === "email").map((r) => [r.status, r.attempts, r.sentAt])).toEqual(Array(6).fill(["sent", 8, start + 123 * MINUTE]));
    const mailIds = sink.received.map((m) => /^Message-ID:\s*<([^@>]+)@cita>/im.exec(m.raw)?.[1]);
    expect(mailIds.sort()).toEqual(
      rows
        .filter((r) => r.channel === "email")
        .map((r) => r.id)
        .sort(),
    );
    expect(fake.accepted.map((r) => r.form.To).sort()).toEqual(
      rows
        .filter((r) => r.channel === "sms")
        .map((r) => r.to)
        .sort(),
    );
    console.log(
      JSON.stringify({
        name: "outage.messages_delivered",
        value: sink.received.length + fake.accepted.length,
        unit: "messages",
        sms: fake.accepted.length,
        mail: sink.received.length,
        smsRequests: fake.requests.length,
      }),
    );
  });

  it("fails each message after its last attempt, and sends none of them when the providers return", async () => {
    const { deps, links } = await outage();
    const start = t.clock.now();
    await steps(deps, links, 0, 130, start);
    const rows = await invites();
    expect(rows.every((r) => r.status === "failed" && r.attempts === DISPATCH_DEFAULTS.maxAttempts && r.sentAt === null)).toBe(true);
    fake.fail(null);
    sink = await startSmtpSink(sink.port);
    await steps(deps, links, 131, 200, start);
    expect(sink.received.length + fake.accepted.length).toBe(0);
    expect((await invites()).every((r) => r.status === "failed")).toBe(true);
  });
});
