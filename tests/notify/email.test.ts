// The dispatcher sending mail through nodemailer to a real SMTP server on 127.0.0.1.
import { afterEach, describe, expect, it } from "vitest";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { smtpMailer } from "../../src/notify/smtp.node.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { freePort } from "../helpers/server.js";
import { parseCalendar, value } from "../calendar/ical.js";
import { depsFor } from "./deps.js";
import { decodeWords, leaves } from "./mime.js";
import { startSmtpSink, type SmtpSink } from "./sinks.js";

let t: TestApp;
let sink: SmtpSink | undefined;
const mailers: { close(): void }[] = [];
afterEach(async () => {
  t?.close();
  await sink?.close();
  sink = undefined;
  for (const m of mailers.splice(0)) m.close();
});

const mailerFor = (url: string) => {
  const m = smtpMailer({ url, timeoutMs: 3000 });
  mailers.push(m);
  return m;
};

async function booked(caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, { contact: { email: "applicant@example.org" }, ...caseOver }), at("10:00")));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

const outbox = async (id: string) =>
  (await t.get(`/v1/notifications?appointmentId=${id}`)).json.items as {
    id: string;
    kind: string;
    channel: string;
    status: string;
    attempts: number;
    sendAfter: string;
    sentAt: string | null;
    lastError: string | null;
  }[];
const inviteRow = async (id: string) => (await outbox(id)).find((n) => n.kind === "invite")!;

describe("email through SMTP", () => {
  it("sends an iMIP invite: text and HTML in the case's language, a text/calendar part with its method and the .ics attached", async () => {
    t = await bookingApp();
    await t.patch("/v1/offices/bogota", { email: "bogota@movilidad.example" });
    sink = await startSmtpSink();
    const a = await booked();
    const deps = depsFor(t, { mailer: mailerFor(sink.url) });
    const report = await dispatchDue(deps);
    expect(report).toMatchObject({ leased: 1, sent: 1 });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual(["applicant@example.org"]);
    expect(mail.from).toBe("bogota@movilidad.example");
    const row = await inviteRow(a.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, sentAt: "2026-11-23T12:00:00Z", lastError: null });
    expect(mail.message.headers["message-id"]).toBe(`<${row.id}@cita>`);
    expect(decodeWords(mail.message.headers.subject!)).toBe("Su cita: lunes 7 de diciembre, 10:00");
    expect(decodeWords(mail.message.headers.from!)).toContain("SMO Bogotá");

    const parts = leaves(mail.message);
    const text = parts.find((p) => p.type === "text/plain")!;
    const html = parts.find((p) => p.type === "text/html")!;
    const calendar = parts.find((p) => p.type === "text/calendar")!;
    const attachment = parts.find((p) => p.type === "application/ics")!;
    expect(text.body).toContain("Tiene una cita en SMO Bogotá.");
    expect(text.body).toContain("Fecha y hora: lunes 7 de diciembre, 10:00 (hora de la oficina)");
    expect(text.body).toContain(a.selfServiceUrl);
    expect(html.body).toContain('<html lang="es">');
    expect(html.body).toContain(`<a href="${a.selfServiceUrl}">`);
    expect(calendar.params.method).toBe("REQUEST");
    expect(attachment.params.name ?? attachment.headers["content-disposition"]).toContain("invite.ics");
    expect(attachment.body).toBe(calendar.body);
    const ics = parseCalendar(calendar.body);
    expect(ics.method).toBe("REQUEST");
    expect(value(ics.events[0]!, "uid")).toBe(a.uid);
    expect(value(ics.events[0]!, "dtstart")).toBe("2026-12-07T15:00:00Z");
    expect(deps.logs.join("\n")).not.toContain("applicant@example.org");
  });

  it("sends the cancellation as METHOD:CANCEL in the case's language, and skips the invite it supersedes", async () => {
    t = await bookingApp();
    sink = await startSmtpSink();
    const a = await booked({ language: "ht" });
    await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Asked to" });
    const report = await dispatchDue(depsFor(t, { mailer: mailerFor(sink.url) }));
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
    expect(sink.received).toHaveLength(1);
    const message = sink.received[0]!.message;
    expect(decodeWords(message.headers.subject!)).toBe("Randevou anile: lendi 7 desanm, 10:00");
    const calendar = leaves(message).find((p) => p.type === "text/calendar")!;
    expect(calendar.params.method).toBe("CANCEL");
    const e = parseCalendar(calendar.body).events[0]!;
    expect([value(e, "uid"), value(e, "sequence"), value(e, "status")]).toEqual([a.uid, "1", "CANCELLED"]);
    const rows = await outbox(a.id);
    expect(rows.find((n) => n.kind === "invite")).toMatchObject({ status: "failed", lastError: "skipped: the appointment was cancelled" });
    expect(rows.find((n) => n.kind === "cancel")).toMatchObject({ status: "sent" });
  });

  it("retries while the SMTP server is down, backing off, then delivers exactly once when it is back", async () => {
    t = await bookingApp();
    const port = await freePort();
    const a = await booked();
    const deps = depsFor(t, { mailer: mailerFor(`smtp://127.0.0.1:${port}`) });
    expect(await dispatchDue(deps)).toMatchObject({ leased: 1, retried: 1 });
    let row = await inviteRow(a.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, sendAfter: "2026-11-23T12:01:00Z" });
    expect(row.lastError).toMatch(/^SMTP: /);

    t.clock.advance(30_000); // not yet due
    expect((await dispatchDue(deps)).leased).toBe(0);
    t.clock.advance(30_000);
    expect(await dispatchDue(deps)).toMatchObject({ leased: 1, retried: 1 });
    expect((await inviteRow(a.id)).sendAfter).toBe("2026-11-23T12:03:00Z"); // 2 minutes after the second try

    sink = await startSmtpSink(port);
    t.clock.advance(2 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ leased: 1, sent: 1 });
    t.clock.advance(60 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ leased: 0 });
    row = await inviteRow(a.id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, sentAt: "2026-11-23T12:03:00Z", lastError: null });
    expect(sink.received).toHaveLength(1);
  });

  it("retries a 4xx answer from the server but fails a 5xx at once, without the address in lastError", async () => {
    t = await bookingApp();
    sink = await startSmtpSink();
    const a = await booked();
    const deps = depsFor(t, { mailer: mailerFor(sink.url) });
    sink.reject(451);
    expect(await dispatchDue(deps)).toMatchObject({ retried: 1 });
    sink.reject(550);
    t.clock.advance(60_000);
    expect(await dispatchDue(deps)).toMatchObject({ failed: 1 });
    const row = await inviteRow(a.id);
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row.lastError).toContain("550");
    expect(row.lastError).not.toContain("applicant@example.org");
    expect(deps.logs.join("\n")).not.toContain("applicant@example.org");
    expect(sink.received).toHaveLength(0);
    const failed = await t.get("/v1/notifications?status=failed");
    expect(failed.json.items.map((n: { id: string }) => n.id)).toEqual([row.id]);
  });

  it("gives up after the maximum of attempts: failed, with lastError, in GET /v1/notifications", async () => {
    t = await bookingApp();
    const a = await booked();
    const deps = depsFor(t, { mailer: mailerFor(`smtp://127.0.0.1:${await freePort()}`) });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = t.clock.now();
      expect((await dispatchDue(deps, { maxAttempts: 4 })).leased).toBe(1);
      const row = await inviteRow(a.id);
      if (row.status === "pending") waits.push((Date.parse(row.sendAfter) - before) / 60_000);
      t.clock.set(Date.parse(row.sendAfter));
    }
    expect(waits).toEqual([1, 2, 4]);
    const row = await inviteRow(a.id);
    expect(row).toMatchObject({ status: "failed", attempts: 4 });
    expect(row.lastError).toMatch(/^SMTP: /);
    t.clock.set(Date.parse("2026-12-04T15:00:00Z")); // 72 hours before: the first reminder
    const later = await dispatchDue(deps);
    expect(later.leased).toBe(1); // the reminder, not the failed invite
    expect((await outbox(a.id)).find((n) => n.kind === "reminder" && n.attempts === 1)).toBeDefined();
    const listed = await t.get("/v1/notifications?status=failed");
    expect(listed.json.items.find((n: { id: string }) => n.id === row.id)).toMatchObject({ status: "failed", attempts: 4, lastError: row.lastError });
  });
});
