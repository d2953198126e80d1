// The provider's side of inbound text messages: a Twilio-style webhook delivery, form-encoded,
// signed as Twilio signs it (HMAC-SHA1 of the URL followed by the POST fields sorted by name,
// as name+value, keyed with the auth token, base64). Computed here with node:crypto, apart
// from the code under test. Also the setup most tests share: an appointment whose invitation
// went out by text through the local Twilio-speaking server.
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { cases, smsReplies } from "../../src/db/schema.js";
import type { TestApp } from "../helpers/app.js";
import { at, booking, newCase } from "../helpers/booking.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { twilioSender } from "../../src/notify/sms.js";
import { depsFor } from "./deps.js";
import type { TwilioFake } from "./sinks.js";

export const AUTH_TOKEN = "test-auth-token";
export const PHONE = "+573001234567";
export const OUR_NUMBER = "+15005550006";
export const INBOUND_URL = "http://cita.test/sms/inbound";

export function twilioSignature(token: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + key + params[key], url);
  return createHmac("sha1", token).update(Buffer.from(data, "utf-8")).digest("base64");
}

let sids = 0;
/** The fields Twilio posts for an incoming SMS. */
export const inboundForm = (body: string, over: Record<string, string> = {}): Record<string, string> => ({
  ToCountry: "US",
  SmsMessageSid: "",
  NumMedia: "0",
  Body: body,
  From: PHONE,
  To: OUR_NUMBER,
  NumSegments: "1",
  MessageSid: `SM${String(++sids).padStart(32, "0")}`,
  AccountSid: "ACtest00000000000000000000000000",
  ApiVersion: "2010-04-01",
  ...over,
});

/** POSTs the form to the app, signed (or with the signature given, or none when null). */
export function deliver(t: TestApp, form: Record<string, string>, signature?: string | null) {
  const sig = signature === undefined ? twilioSignature(AUTH_TOKEN, INBOUND_URL, form) : signature;
  return t.call("POST", "/sms/inbound", {
    token: null,
    body: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...(sig === null ? {} : { "x-twilio-signature": sig }) },
  });
}

/** The <Message> of a TwiML answer, or null for an empty <Response/>. */
export function messageOf(twiml: string): string | null {
  const match = /<Message>([\s\S]*)<\/Message>/.exec(twiml);
  return match
    ? match[1]!
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
    : null;
}

/** Gives the app the auth token its webhook is signed with. */
export function acceptTexts(t: TestApp) {
  Object.assign(t.deps.config, { smsAuthToken: AUTH_TOKEN });
}

/** A case with PHONE, booked at `start`, its invitation sent by text through the fake. */
export async function textedAppointment(t: TestApp, fake: TwilioFake, caseOver: Record<string, unknown> = {}, start = at("10:00")) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, { contact: { phone: PHONE }, ...caseOver }), start));
  if (res.status !== 201) throw new Error(res.text);
  await sendDue(t, fake);
  return res.json as { id: string; caseId: string; sequence: number; status: string };
}

export const sendDue = (t: TestApp, fake: TwilioFake) =>
  dispatchDue(depsFor(t, { sms: twilioSender({ url: fake.url, accountSid: fake.account.sid, authToken: fake.account.token, from: OUR_NUMBER, timeoutMs: 3000 }) }));

/** What the webhook recorded, straight from the database. */
export const recordedReplies = (t: TestApp) => t.database.db.select().from(smsReplies);

export async function stoppedAt(t: TestApp, caseId: string): Promise<number | null> {
  const [row] = await t.database.db.select({ at: cases.smsStoppedAt }).from(cases).where(eq(cases.id, caseId));
  return row!.at;
}
