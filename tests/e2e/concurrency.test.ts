// Two server processes on one SQLite file, 400 bookings at once on 50 overlapping starts:
// the database, not the application, must keep every interviewer and room single-booked.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { applicantCase, bogota, counselor, counseling } from "../helpers/fixtures.js";

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

const env = { CITA_ADMIN_TOKEN: "race-admin", CITA_NOW: "2026-11-23T12:00:00Z" };
const headers = { authorization: "Bearer race-admin", "content-type": "application/json" };
const post = async (base: string, path: string, body: unknown) => {
  const res = await fetch(base + path, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
};

describe("two processes, one database", () => {
  it("never double-books an interviewer or a room under 400 concurrent bookings", async () => {
    const a = await startServer(env);
    servers.push(a);
    const b = await startServer(env, { db: a.db });
    servers.push(b);

    await post(a.url, "/v1/offices", bogota());
    for (const room of ["sala-1", "sala-2"]) await post(a.url, "/v1/offices/bogota/rooms", { id: room, name: room });
    await post(a.url, "/v1/services", counseling({ needsRoom: true, window: { minDays: 0, maxDays: 60 } }));
    const staff = ["ana", "bea", "cruz"];
    for (const id of staff) {
      await post(a.url, "/v1/staff", counselor({ id }));
      const put = await fetch(`${a.url}/v1/staff/${id}/availability`, {
        method: "PUT",
        headers,
        body: JSON.stringify([{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]),
      });
      expect(put.status).toBe(200);
    }
    const slots = (await (await fetch(`${a.url}/v1/slots?service=iom-counseling&office=bogota&from=2026-12-01&to=2026-12-31`, { headers })).json()) as {
      slots: { start: string }[];
    };
    const starts = slots.slots.slice(0, 50).map((s) => s.start);
    expect(starts).toHaveLength(50);
    const cases: string[] = [];
    for (let i = 0; i < 400; i++) cases.push((await post(i % 2 ? b.url : a.url, "/v1/cases", applicantCase())).json.id);

    const results = await Promise.all(
      cases.map((caseId, i) =>
        post(i % 2 ? b.url : a.url, "/v1/appointments", {
          caseId,
          serviceId: "iom-counseling",
          officeId: "bogota",
          start: starts[i % 50],
          ...(i % 4 === 0 ? {} : { staffId: staff[i % 3] }),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    const won = statuses.filter((s) => s === 201).length;
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(won).toBeGreaterThan(20);
    for (const r of results) if (r.status === 409) expect(r.json.type).toBe("/problems/slot-taken");

    const db = new BetterSqlite3(a.db, { readonly: true });
    const overlaps = (column: string) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM appointments x JOIN appointments y
        ON x.${column} = y.${column} AND x.id < y.id
        WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
          )
          .get() as { n: number }
      ).n;
    expect(overlaps("staff_id")).toBe(0);
    expect(overlaps("room_id")).toBe(0);
    expect((db.prepare("SELECT count(*) AS n FROM appointments").get() as { n: number }).n).toBe(won);
    const withoutOutbox = db
      .prepare("SELECT count(*) AS n FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.appointment_id = a.id AND n.kind = 'invite')")
      .get() as { n: number };
    expect(withoutOutbox.n).toBe(0);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  }, 120_000);
});
