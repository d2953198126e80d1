// End to end: the real server process sends a booking's invite by itself, by email to a loopback
// SMTP server and by text to a loopback Twilio-style API; two processes on one file never send a row twice.
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { parseCalendar, value } from "../calendar/ical.js";
import { leaves } from "./mime.js";
import { startSmtpSink, startTwilioFake, type SmtpSink, type TwilioFake } from "./sinks.js";

let servers: RunningServer[] = [];
let sink: SmtpSink | undefined;
let fake: TwilioFake | undefined;
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  servers = [];
  await sink?.close();
  await fake?.close();
  sink = fake = undefined;
});

const ADMIN = "e2e-notify-admin";
const headers = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
const weekdays = { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" };

async function call(server: RunningServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function seed(server: RunningServer) {
  await call(server, "POST", "/v1/offices", bogota({ email: "bogota@movilidad.example" }));
  await call(server, "POST", "/v1/services", counseling());
  await call(server, "POST", "/v1/staff", counselor());
  await call(server, "PUT", "/v1/staff/ana/availability", [weekdays]);
}

async function book(server: RunningServer, start: string, contact: Record<string, string>) {
  const c = await call(server, "POST", "/v1/cases", applicantCase({ contact }));
  return call(server, "POST", "/v1/appointments", { caseId: c.id, serviceId: "iom-counseling", officeId: "bogota", start });
}

async function until(check: () => boolean, server: RunningServer, ms = 8000) {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error(`timed out waiting; the server said:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the server's dispatcher", () => {
  it("delivers a booking's invite by itself, by email and by text, and stops cleanly on SIGTERM", async () => {
    sink = await startSmtpSink();
    fake = await startTwilioFake();
    const server = await startServer({
      CITA_ADMIN_TOKEN: ADMIN,
      CITA_NOW: "2026-11-23T15:00:00Z", // 10:00 in Bogotá: out of the quiet hours for text messages
      CITA_SMTP_URL: sink.url,
      CITA_SMS_URL: fake.url,
      CITA_SMS_ACCOUNT_SID: fake.account.sid,
      CITA_SMS_AUTH_TOKEN: fake.account.token,
      CITA_SMS_FROM: "+15005550006",
      CITA_DISPATCH_INTERVAL_MS: "200",
    });
    servers.push(server);
    await seed(server);
    const a = await book(server, "2026-12-07T10:00:00-05:00", { email: "applicant@example.org", phone: "+573001234567" });
    await until(() => sink!.received.length >= 1 && fake!.accepted.length >= 1, server);

    const mail = sink.received[0]!;
    expect(mail.to).toEqual(["applicant@example.org"]);
    const calendar = leaves(mail.message).find((p) => p.type === "text/calendar")!;
    expect(calendar.params.method).toBe("REQUEST");
    const event = parseCalendar(calendar.body).events[0]!;
    expect([value(event, "uid"), value(event, "dtstart")]).toEqual([a.uid, "2026-12-07T15:00:00Z"]);
    expect(fake.accepted[0]!.form).toMatchObject({ To: "+573001234567", From: "+15005550006" });
    expect(fake.accepted[0]!.form.Body).toContain(a.selfServiceUrl);

    const outbox = await call(server, "GET", `/v1/notifications?appointmentId=${a.id}`);
    const invites = outbox.items.filter((n: { kind: string }) => n.kind === "invite");
    expect(invites.map((n: { status: string }) => n.status)).toEqual(["sent", "sent"]);

    await server.stop("SIGTERM");
    expect(server.child.exitCode).toBe(0);
    const output = server.output();
    expect(output).toContain('"message":"notification sent"');
    expect(output).not.toMatch(/applicant@example\.org|3001234567|test-auth-token|e2e-notify-admin/);
  });

  it("never sends a row twice with two server processes dispatching from one database file", async () => {
    sink = await startSmtpSink();
    const env = { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z", CITA_SMTP_URL: sink.url, CITA_DISPATCH_INTERVAL_MS: "20" };
    const b = await startServer(env);
    const c = await startServer(env, { db: b.db });
    servers.push(b, c);
    await seed(b);
    const starts = ["2026-12-07", "2026-12-09"].flatMap((d) => ["09:00", "10:00", "11:00", "12:00"].map((h) => `${d}T${h}:00-05:00`));
    // Both processes poll every 20 ms while the rows arrive through both.
    await Promise.all(starts.map((start, i) => book(i % 2 ? b : c, start, { email: `applicant${i}@example.org` })));
    await until(() => sink!.received.length >= starts.length, b);
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to arrive, if there were one
    const ids = sink.received.map((m) => m.message.headers["message-id"]);
    expect(ids).toHaveLength(starts.length);
    expect(new Set(ids).size).toBe(starts.length);
    expect(new Set(sink.received.map((m) => m.to[0])).size).toBe(starts.length);
    const senders = [b, c].map((s) => (s.output().match(/"notification sent"/g) ?? []).length);
    expect(senders[0]! + senders[1]!).toBe(starts.length);
  });
});
