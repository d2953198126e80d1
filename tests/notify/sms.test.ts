// The dispatcher sending text messages to a local server that speaks the Twilio Messages API.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { smsFromConfig } from "../../src/notify/senders.js";
import { messagesUrl, twilioSender } from "../../src/notify/sms.js";
import { jsonLogger } from "../../src/lib/logger.js";
import { at, booking, newCase, type TestApp } from "../helpers/booking.js";
import { freePort } from "../helpers/server.js";
import { daytimeApp, depsFor, testConfig } from "./deps.js";
import { startTwilioFake, type TwilioFake } from "./sinks.js";

let t: TestApp;
let fake: TwilioFake | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
  fake = undefined;
});

const PHONE = "+573001234567";
const FROM = "+15005550006";

async function booked(caseOver: Record<string, unknown> = {}, start = at("10:00")) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, { contact: { phone: PHONE }, ...caseOver }), start));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

const senderFor = (f: TwilioFake, over: Partial<Parameters<typeof twilioSender>[0]> = {}) =>
  twilioSender({ url: f.url, accountSid: f.account.sid, authToken: f.account.token, from: FROM, timeoutMs: 3000, ...over });

const smsRow = async (id: string, kind = "invite") => (await t.get(`/v1/notifications?appointmentId=${id}`)).json.items.find((n: { kind: string }) => n.kind === kind);

describe("text messages through a Twilio-compatible API", () => {
  it("posts To, From and Body form-encoded with basic auth, and records the send", async () => {
    t = await daytimeApp();
    fake = await startTwilioFake();
    const a = await booked();
    const deps = depsFor(t, { sms: senderFor(fake) });
    expect(await dispatchDue(deps)).toMatchObject({ leased: 1, sent: 1 });
    expect(fake.accepted).toHaveLength(1);
    const request = fake.accepted[0]!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${fake.account.sid}/Messages.json`);
    expect(request.contentType).toBe("application/x-www-form-urlencoded");
    expect(request.authorization).toBe(`Basic ${Buffer.from(`${fake.account.sid}:${fake.account.token}`).toString("base64")}`);
    expect(request.form.To).toBe(PHONE);
    expect(request.form.From).toBe(FROM);
    expect(request.form.Body).toBe(`Su cita: lunes 7 de diciembre, 10:00, SMO Bogota. Confirmar o cambiar: ${a.selfServiceUrl}`);
    expect(await smsRow(a.id)).toMatchObject({ status: "sent", attempts: 1, channel: "sms" });
    const log = deps.logs.map((l) => JSON.parse(l)).find((l) => l.message === "notification sent");
    expect(log).toMatchObject({ channel: "sms", segments: 1, providerId: expect.stringMatching(/^SM/) });
    expect(deps.logs.join("\n")).not.toContain("3001234567");
  });

  it("retries 5xx answers with backoff, then sends exactly once", async () => {
    t = await daytimeApp();
    fake = await startTwilioFake();
    const a = await booked({ language: "fr" });
    const deps = depsFor(t, { sms: senderFor(fake) });
    fake.fail(503);
    expect(await dispatchDue(deps)).toMatchObject({ retried: 1 });
    expect(await smsRow(a.id)).toMatchObject({ status: "pending", attempts: 1, sendAfter: "2026-11-23T15:01:00Z", lastError: expect.stringContaining("503") });
    fake.fail(null);
    expect((await dispatchDue(deps)).leased).toBe(0);
    t.clock.advance(60_000);
    expect(await dispatchDue(deps)).toMatchObject({ sent: 1 });
    t.clock.advance(3_600_000);
    await dispatchDue(deps);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]!.form.Body).toMatch(/^RDV lundi 7 décembre, 10:00, SMO Bogota : http:\/\/cita\.test\/a\//); // the fuller wording would take two segments
    expect(await smsRow(a.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("fails at once on a 4xx answer or wrong credentials: retrying cannot help", async () => {
    t = await daytimeApp();
    fake = await startTwilioFake();
    const a = await booked();
    fake.fail(400);
    expect(await dispatchDue(depsFor(t, { sms: senderFor(fake) }))).toMatchObject({ failed: 1 });
    const row = await smsRow(a.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("400") });
    expect(row.lastError).not.toContain("3001234567");

    fake.fail(null);
    const b = await booked({}, at("11:00"));
    expect(await dispatchDue(depsFor(t, { sms: senderFor(fake, { authToken: "wrong" }) }))).toMatchObject({ failed: 1 });
    expect(await smsRow(b.id)).toMatchObject({ status: "failed", lastError: expect.stringContaining("401") });
    expect(fake.accepted).toHaveLength(0);
  });

  it("fails a number that is not E.164 without calling the provider", async () => {
    t = await daytimeApp();
    fake = await startTwilioFake();
    const a = await booked();
    // A number stored before validation was as strict as it is now: the case is where it is read.
    await t.database.db.update(cases).set({ contactPhone: "300 123 4567" }).where(eq(cases.id, a.caseId));
    expect(await dispatchDue(depsFor(t, { sms: senderFor(fake) }))).toMatchObject({ failed: 1 });
    expect(fake.requests).toHaveLength(0);
    expect(await smsRow(a.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "the recipient is not an E.164 phone number" });
  });

  it("retries when the provider cannot be reached", async () => {
    t = await daytimeApp();
    const a = await booked();
    const deps = depsFor(t, { sms: twilioSender({ url: `http://127.0.0.1:${await freePort()}`, accountSid: "AC1", authToken: "x", from: FROM, timeoutMs: 2000 }) });
    expect(await dispatchDue(deps)).toMatchObject({ retried: 1 });
    expect(await smsRow(a.id)).toMatchObject({ status: "pending", lastError: expect.stringMatching(/^SMS provider unreachable/) });
  });

  it("is not sent at all without CITA_SMS_URL: the rows stay pending", async () => {
    t = await daytimeApp();
    const a = await booked();
    expect(await dispatchDue(depsFor(t))).toMatchObject({ leased: 0 });
    expect(await smsRow(a.id)).toMatchObject({ status: "pending", attempts: 0 });
  });
});

describe("the SMS configuration", () => {
  it("builds the Messages.json URL from a base URL, or takes a full one as it is", () => {
    expect(messagesUrl("https://api.twilio.com", "AC1")).toBe("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
    expect(messagesUrl("http://127.0.0.1:9999/sms/", "AC1")).toBe("http://127.0.0.1:9999/sms/2010-04-01/Accounts/AC1/Messages.json");
    expect(messagesUrl("https://u:p@x.example/2010-04-01/Accounts/AC9/Messages.json", "AC1")).toBe("https://x.example/2010-04-01/Accounts/AC9/Messages.json");
  });

  it("takes the account from the URL or the variables, and says what is missing without any secret", async () => {
    const lines: string[] = [];
    const logger = jsonLogger((l) => lines.push(l));
    expect(smsFromConfig({ ...testConfig(), smsUrl: null }, logger)).toBeNull();
    expect(smsFromConfig({ ...testConfig(), smsUrl: "https://api.example", smsAuthToken: "s3cret" }, logger)).toBeNull();
    expect(JSON.parse(lines[0]!).missing).toEqual(["CITA_SMS_ACCOUNT_SID", "CITA_SMS_FROM"]);
    expect(lines.join("")).not.toContain("s3cret");

    t = await daytimeApp();
    fake = await startTwilioFake();
    const url = fake.url.replace("http://", `http://${fake.account.sid}:${fake.account.token}@`);
    const sender = smsFromConfig({ ...testConfig(), smsUrl: url, smsFrom: FROM }, logger)!;
    await booked();
    expect(await dispatchDue(depsFor(t, { sms: sender }))).toMatchObject({ sent: 1 });
    expect(fake.accepted).toHaveLength(1);
  });
});
