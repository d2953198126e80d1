// A contact correction on the Worker and D1, where a write is one batch: the outbox follows the
// case at once, and the cron run sends only to the contact as it now stands.
import { afterAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../helpers/worker.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { startMailApiFake, startTwilioFake } from "./sinks.js";

const running: { stop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
});

const admin = { authorization: "Bearer d1-admin", "content-type": "application/json" };

async function waitFor(check: () => boolean, ms = 15_000) {
  for (const until = Date.now() + ms; Date.now() < until && !check();) await new Promise((r) => setTimeout(r, 200));
}

describe("a corrected contact on D1", () => {
  it("re-addresses and closes the waiting rows in the PATCH's batch, and the cron run follows them", async () => {
    const mail = await startMailApiFake();
    const sms = await startTwilioFake();
    running.push({ stop: mail.close }, { stop: sms.close });
    const vars = {
      CITA_ADMIN_TOKEN: "d1-admin",
      CITA_LINK_SECRET: "d1-link-secret",
      CITA_MAIL_API_URL: mail.url,
      CITA_MAIL_API_KEY: mail.key,
      CITA_SMS_URL: sms.url,
      CITA_SMS_ACCOUNT_SID: sms.account.sid,
      CITA_SMS_AUTH_TOKEN: sms.account.token,
      CITA_SMS_FROM: "+15005550006",
    };
    let worker: RunningWorker = await startWorker({ ...vars, CITA_NOW: "2026-11-23T15:00:00Z" });
    running.push(worker);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(worker.url + path, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as any,
      }));
    await call("POST", "/v1/offices", bogota());
    await call("POST", "/v1/services", counseling());
    await call("POST", "/v1/staff", counselor());
    await call("PUT", "/v1/staff/ana/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
    const caseId = (await call("POST", "/v1/cases", applicantCase({ contact: { email: "old@example.org", phone: "+573001110000" } }))).json.id;
    const booked = await call("POST", "/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    expect(booked.status).toBe(201);

    const patched = await call("PATCH", `/v1/cases/${caseId}`, { contact: { email: "new@example.org", phone: null } });
    expect(patched.status).toBe(200);
    type Row = { kind: string; channel: string; to: string; status: string; lastError: string | null };
    const rows = async () => (await call("GET", `/v1/notifications?appointmentId=${booked.json.id}`)).json.items as Row[];
    const now = await rows();
    expect(now.filter((n) => n.channel === "email").every((n) => n.status === "pending" && n.to === "new@example.org")).toBe(true);
    expect(now.filter((n) => n.channel === "sms").map((n) => [n.status, n.lastError])).toEqual(Array(3).fill(["failed", "skipped: the case no longer has a phone number"]));
    await worker.stop();

    // The 72-hour reminder is due: the cron run sends it and the invite, to the new address only.
    worker = await startWorker({ ...vars, CITA_NOW: "2026-12-04T15:05:00Z" }, worker.persist);
    running.push(worker);
    expect((await fetch(`${worker.url}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
    await waitFor(() => mail.accepted.length >= 2);
    expect(mail.accepted.map((m) => m.body.to)).toEqual([["new@example.org"], ["new@example.org"]]);
    expect(sms.requests).toHaveLength(0);
    expect(
      (await rows())
        .filter((n) => n.status === "sent")
        .map((n) => `${n.kind}/${n.to}`)
        .sort(),
    ).toEqual(["invite/new@example.org", "reminder/new@example.org"]);
  }, 180_000);
});
