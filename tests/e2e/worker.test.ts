// The Worker on workerd with a local D1: the API contract and the booking guarantees, unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type RunningWorker } from "../helpers/worker.js";
import { applicantCase, bogota, counselor, counseling } from "../helpers/fixtures.js";

let worker: RunningWorker;
const headers = { authorization: "Bearer worker-admin", "content-type": "application/json" };
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(worker.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })() as any,
    type: res.headers.get("content-type"),
  };
};

beforeAll(async () => {
  worker = await startWorker({ CITA_ADMIN_TOKEN: "worker-admin", CITA_NOW: "2026-11-23T12:00:00Z", CITA_LINK_SECRET: "worker-link-secret" });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});

describe("Cita on Workers + D1", () => {
  it("serves the API contract: office, staff, case, slots, book, reschedule, cancel, invite", async () => {
    expect((await call("POST", "/v1/offices", bogota())).status).toBe(201);
    expect((await call("POST", "/v1/services", counseling())).status).toBe(201);
    expect((await call("POST", "/v1/staff", counselor())).status).toBe(201);
    const rules = await call("PUT", "/v1/staff/ana/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
    expect(rules.status).toBe(200);
    const created = await call("POST", "/v1/cases", applicantCase());
    expect(created.status).toBe(201);
    const caseId = created.json.id;

    const slots = await call("GET", `/v1/slots?service=iom-counseling&office=bogota&case=${caseId}&from=2026-12-07&to=2026-12-08`);
    expect(slots.json.slots.map((s: { localStart: string }) => s.localStart.slice(11, 16))).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"]);

    const booked = await call("POST", "/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({ staffId: "ana", start: "2026-12-07T15:00:00Z", localStart: "2026-12-07T10:00:00-05:00", status: "scheduled", sequence: 0 });
    const id = booked.json.id;

    const moved = await call("POST", `/v1/appointments/${id}/reschedule`, { start: "2026-12-07T12:00:00-05:00" });
    expect(moved.json).toMatchObject({ id, uid: booked.json.uid, sequence: 1, localStart: "2026-12-07T12:00:00-05:00" });
    const invite = await call("GET", `/v1/appointments/${id}/invite.ics`);
    expect(invite.status).toBe(200);
    expect(invite.text).toContain(`UID:${booked.json.uid}`);
    expect(invite.text).toMatch(/SEQUENCE:1\r\n/);

    const cancelled = await call("POST", `/v1/appointments/${id}/cancel`, { reason: "Asked to" });
    expect(cancelled.json).toMatchObject({ status: "cancelled", sequence: 2 });
    const history = await call("GET", `/v1/appointments/${id}/history`);
    expect(history.json.items.map((h: { action: string }) => h.action)).toEqual(["booked", "reschedule", "cancel"]);
    expect((await call("POST", "/v1/offices", { nope: 1 })).status).toBe(422);
  });

  // D1 has no interactive transactions: the key is claimed by one INSERT … ON CONFLICT statement.
  it("makes one case for one Idempotency-Key sent at once with two bodies; the other body gets a 422", async () => {
    const bodies = [applicantCase({ householdSize: 2 }), applicantCase({ householdSize: 5 })];
    const send = (body: unknown) =>
      fetch(`${worker.url}/v1/cases`, { method: "POST", headers: { ...headers, "idempotency-key": "d1-claim" }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as any,
      }));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(bodies[i % 2])));
    // Only these cases have 2 or 5 people. Read through the API: a blocking `d1 execute` here
    // would let the client's kept-alive sockets time out under the next test's requests.
    const listed = await call("GET", "/v1/cases?limit=200");
    expect(listed.json.nextCursor).toBeNull();
    expect(listed.json.items.filter((c: { householdSize: number }) => c.householdSize !== 3)).toHaveLength(1);
    const won = answers.filter((r) => r.status === 201);
    expect(new Set(won.map((r) => r.json.householdSize)).size).toBe(1);
    expect(new Set(won.map((r) => r.json.id)).size).toBe(1);
    for (const r of answers.filter((r) => r.status !== 201)) expect([r.status, r.json.errors?.[0]?.path]).toEqual([422, "Idempotency-Key"]);
  });

  it("lets exactly one of 50 concurrent bookings of one slot through, and D1 holds no overlap", async () => {
    const cases: string[] = [];
    for (let i = 0; i < 50; i++) cases.push((await call("POST", "/v1/cases", applicantCase())).json.id);
    const results = await Promise.all(
      cases.map((caseId) => call("POST", "/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", staffId: "ana", start: "2026-12-09T09:00:00-05:00" })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const [overlaps] = worker.sql(`SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.staff_id = y.staff_id AND x.id < y.id
      WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`);
    expect(overlaps!.n).toBe(0);
  });
});
