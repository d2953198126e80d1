// End to end: the real server process texts an invitation to the local Twilio-speaking server,
// then receives the applicant's reply as Twilio's webhook, signed over the public URL the
// provider is given (CITA_PUBLIC_URL), not the address the process listens on.
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";
import { startTwilioFake, type TwilioFake } from "./sinks.js";
import { OUR_NUMBER, PHONE, inboundForm, messageOf, twilioSignature } from "./inbound.js";

let server: RunningServer | undefined;
let fake: TwilioFake | undefined;
afterEach(async () => {
  await server?.stop("SIGKILL");
  await fake?.close();
  server = fake = undefined;
});

const ADMIN = "e2e-sms-admin";
const PUBLIC_URL = "https://cita.example.org";

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server!.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const post = (form: Record<string, string>, signature: string | null) =>
  fetch(`${server!.url}/sms/inbound`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(signature ? { "x-twilio-signature": signature } : {}) },
    body: new URLSearchParams(form).toString(),
  });

describe("the server's SMS webhook", () => {
  it("answers a signed reply to a text it sent, and refuses one signed for another URL", async () => {
    fake = await startTwilioFake();
    server = await startServer({
      CITA_ADMIN_TOKEN: ADMIN,
      CITA_NOW: "2026-11-23T15:00:00Z",
      CITA_PUBLIC_URL: PUBLIC_URL,
      CITA_SMS_URL: fake.url,
      CITA_SMS_ACCOUNT_SID: fake.account.sid,
      CITA_SMS_AUTH_TOKEN: fake.account.token,
      CITA_SMS_FROM: OUR_NUMBER,
      CITA_DISPATCH_INTERVAL_MS: "200",
    });
    await call("POST", "/v1/offices", bogota());
    await call("POST", "/v1/services", counseling());
    await call("POST", "/v1/staff", counselor());
    await call("PUT", "/v1/staff/ana/availability", [weekdays]);
    const c = await call("POST", "/v1/cases", applicantCase({ contact: { phone: PHONE } }));
    const a = await call("POST", "/v1/appointments", { caseId: c.id, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    for (const end = Date.now() + 8000; fake.accepted.length === 0;) {
      if (Date.now() > end) throw new Error(`no text was sent: ${server.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const form = inboundForm("1");
    const local = await post(form, twilioSignature(fake.account.token, `${server.url}/sms/inbound`, form));
    expect(local.status).toBe(403);
    expect((await post(form, null)).status).toBe(403);
    expect((await call("GET", `/v1/appointments/${a.id}`)).status).toBe("scheduled");

    const res = await post(form, twilioSignature(fake.account.token, `${PUBLIC_URL}/sms/inbound`, form));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(messageOf(await res.text())).toMatch(/^Cita confirmada: lunes 7 de diciembre, 10:00/);
    expect((await call("GET", `/v1/appointments/${a.id}`)).status).toBe("confirmed");
    // Log lines are written a turn after the answer; all of them are out once the process has stopped.
    await server.stop();
    expect(server.output()).toContain('"message":"text reply answered"');
    expect(server.output()).not.toMatch(/3001234567|Cita confirmada/);
  });
});
