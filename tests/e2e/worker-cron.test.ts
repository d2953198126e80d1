// The Worker's cron trigger sends what is due: a booking made on one day, and three days later
// (a restarted Worker on the same D1) the scheduled run delivers its 72-hour reminder.
import { afterAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../helpers/worker.js";
import { startMailApiFake, startTwilioFake } from "../notify/sinks.js";
import { applicantCase, bogota, counselor, counseling } from "../helpers/fixtures.js";

const running: { stop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
});

const admin = { authorization: "Bearer cron-admin", "content-type": "application/json" };

async function waitFor(check: () => boolean, ms = 15_000) {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the Worker's cron trigger", () => {
  it("sends a due reminder by email (HTTP mail API) and text message", async () => {
    const mail = await startMailApiFake();
    const sms = await startTwilioFake();
    running.push({ stop: mail.close }, { stop: sms.close });
    const vars = {
      CITA_ADMIN_TOKEN: "cron-admin",
      CITA_LINK_SECRET: "cron-link-secret",
      CITA_MAIL_API_URL: mail.url,
      CITA_MAIL_API_KEY: mail.key,
      CITA_MAIL_FROM: "citas@example.org",
      CITA_SMS_URL: sms.url,
      CITA_SMS_ACCOUNT_SID: sms.account.sid,
      CITA_SMS_AUTH_TOKEN: sms.account.token,
      CITA_SMS_FROM: "+15005550006",
    };
    let worker: RunningWorker = await startWorker({ ...vars, CITA_NOW: "2026-11-23T12:00:00Z" });
    running.push(worker);
    const post = (path: string, body: unknown) =>
      fetch(worker.url + path, { method: "POST", headers: admin, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
    await post("/v1/offices", bogota());
    await post("/v1/services", counseling());
    await post("/v1/staff", counselor());
    await fetch(`${worker.url}/v1/staff/ana/availability`, {
      method: "PUT",
      headers: admin,
      body: JSON.stringify([{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]),
    });
    const caseId = (await post("/v1/cases", applicantCase())).json.id;
    const booked = await post("/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    expect(booked.status).toBe(201);
    await worker.stop();

    // 72 hours before 10:00 on the 7th is 10:00 on the 4th (15:00Z): a little after it, the run is due.
    worker = await startWorker({ ...vars, CITA_NOW: "2026-12-04T15:05:00Z" }, worker.persist);
    running.push(worker);
    expect((await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
    await waitFor(() => mail.accepted.length >= 2 && sms.accepted.length >= 2);

    const subjects = mail.accepted.map((m) => m.body.subject);
    expect(mail.accepted.every((m) => m.body.to[0] === "applicant@example.org")).toBe(true);
    expect(sms.accepted.map((r) => r.form.To)).toEqual(["+573001234567", "+573001234567"]);
    const invite = mail.accepted.find((m) => m.body.attachments?.length);
    expect(invite!.body.attachments![0]!.content_type).toContain("method=REQUEST");
    expect(atob(invite!.body.attachments![0]!.content)).toContain(`UID:${booked.json.uid}`);
    expect(subjects).toHaveLength(2);
    const rows = (await fetch(`${worker.url}/v1/notifications?appointmentId=${booked.json.id}`, { headers: admin }).then((r) => r.json())) as {
      items: { kind: string; status: string; sendAfter: string }[];
    };
    const sent = rows.items
      .filter((n) => n.status === "sent")
      .map((n) => n.kind)
      .sort();
    expect(sent).toEqual(["invite", "invite", "reminder", "reminder"]);
    expect(rows.items.filter((n) => n.status === "pending").every((n) => n.sendAfter > "2026-12-04T15:05:00Z")).toBe(true);
  }, 180_000);
});
