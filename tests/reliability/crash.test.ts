// kill -9 in the middle of 2,000 concurrent bookings, then restart on the same file: what clients
// were told still holds, nothing overlaps, every appointment kept its outbox rows, and the
// dispatcher then delivers each waiting invite exactly once.
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/lib/random.js";
import { startServer, type RunningServer } from "../helpers/server.js";
import { startSmtpSink, startTwilioFake, type SmtpSink, type TwilioFake } from "../notify/sinks.js";
import { ADMIN, NOW, allPairs, call, pool, seedCases, seedOffice } from "./seed.js";

const BOOKINGS = 2000;
const KILL_AFTER = 1000; // responses received before the kill
const env = { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: NOW, CITA_DISPATCH_INTERVAL_MS: "0" };
const figure = (name: string, value: number, unit: string, extra: object = {}) => console.log(JSON.stringify({ name, value, unit, ...extra }));

const servers: RunningServer[] = [];
let sink: SmtpSink | undefined;
let fake: TwilioFake | undefined;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  await sink?.close();
  await fake?.close();
});

type Outcome = { caseId: string; start: string; status: number | "error"; id?: string };

describe("a crash in the middle of a booking storm", () => {
  it("keeps every answered booking, no overlap, every outbox row, and sends each invite once", async () => {
    const first = await startServer(env);
    servers.push(first);
    const staff = await seedOffice(first.url, 10);
    const cases = await seedCases(first.url, BOOKINGS);
    const pairs = await allPairs(first.url);
    expect(pairs.length).toBeGreaterThan(1000);

    // Random pairs on a 30-minute grid of 60-minute holds: many collide or overlap.
    const random = mulberry32(11);
    let answered = 0;
    let killed: Promise<void> | null = null;
    const outcomes = await pool(BOOKINGS, 100, async (i): Promise<Outcome | null> => {
      if (killed) return null;
      const pair = pairs[Math.floor(random() * pairs.length)]!;
      const body = { caseId: cases[i]!, serviceId: "iom-counseling", officeId: "bogota", start: pair.start, ...(i % 5 === 0 ? {} : { staffId: pair.staffId }) };
      try {
        const res = await call(first.url, "POST", "/v1/appointments", body);
        if (++answered === KILL_AFTER) killed = first.stop("SIGKILL");
        return { caseId: body.caseId, start: pair.start, status: res.status, id: res.json?.id };
      } catch {
        return { caseId: body.caseId, start: pair.start, status: "error" };
      }
    });
    // Set inside the pool's callbacks, which control-flow narrowing does not follow.
    await (killed as Promise<void> | null);
    const sent = outcomes.filter((o): o is Outcome => o !== null);
    const booked = sent.filter((o) => o.status === 201);
    const refused = sent.filter((o) => o.status === 409 || o.status === 422);
    const errors = sent.filter((o) => o.status === "error").length;
    expect(sent.filter((o) => !["error", 201, 409, 422].includes(o.status))).toEqual([]);
    figure("crash.requests_sent", sent.length, "requests", { staff: staff.length, pairs: pairs.length });
    figure("crash.booked_201", booked.length, "requests");
    figure("crash.refused_409", refused.length, "requests");
    figure("crash.connection_errors_at_kill", errors, "requests");

    const second = await startServer(env, { db: first.db });
    servers.push(second);
    const db = new BetterSqlite3(first.db, { readonly: true });
    const rows = db.prepare("SELECT id, case_id AS caseId, start_at AS startAt FROM appointments").all() as { id: string; caseId: string; startAt: number }[];
    figure("crash.rows_found", rows.length, "appointments", { unknownOutcome: rows.length - booked.length });
    const ids = new Set(rows.map((r) => r.id));
    expect(booked.filter((b) => !ids.has(b.id!))).toEqual([]);
    const held = new Set(rows.map((r) => `${r.caseId}@${r.startAt}`));
    expect(refused.filter((r) => held.has(`${r.caseId}@${Date.parse(r.start)}`))).toEqual([]);
    // The restarted server answers for what it stored.
    const sample = booked.slice(0, 20);
    expect((await Promise.all(sample.map((b) => call(second.url, "GET", `/v1/appointments/${b.id}`)))).map((r) => r.status)).toEqual(sample.map(() => 200));

    const { n: overlaps } = db
      .prepare(
        `SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.staff_id = y.staff_id AND x.id < y.id
      WHERE x.status != 'cancelled' AND y.status != 'cancelled' AND x.start_at < y.hold_until AND y.start_at < x.hold_until`,
      )
      .get() as { n: number };
    expect(overlaps).toBe(0);
    // One invite row per contact channel: cases with a phone get an SMS invite too.
    const missing = db
      .prepare(
        `SELECT count(*) AS n FROM appointments a JOIN cases c ON c.id = a.case_id WHERE
      NOT EXISTS (SELECT 1 FROM notifications n WHERE n.appointment_id = a.id AND n.kind = 'invite' AND n.channel = 'email')
      OR (c.contact_phone IS NOT NULL) != EXISTS (SELECT 1 FROM notifications n WHERE n.appointment_id = a.id AND n.kind = 'invite' AND n.channel = 'sms')`,
      )
      .get() as { n: number };
    expect(missing.n).toBe(0);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const invites = db.prepare("SELECT id, channel FROM notifications WHERE kind = 'invite' AND status = 'pending'").all() as { id: string; channel: string }[];
    expect(invites.length).toBeGreaterThanOrEqual(rows.length);
    await second.stop();

    // The dispatcher of a third start delivers what waits, once.
    sink = await startSmtpSink();
    fake = await startTwilioFake();
    const third = await startServer(
      {
        ...env,
        CITA_SMTP_URL: sink.url,
        CITA_SMS_URL: fake.url,
        CITA_SMS_ACCOUNT_SID: fake.account.sid,
        CITA_SMS_AUTH_TOKEN: fake.account.token,
        CITA_SMS_FROM: "+15005550006",
        CITA_DISPATCH_INTERVAL_MS: "200",
      },
      { db: first.db },
    );
    servers.push(third);
    const pendingInvites = db.prepare("SELECT count(*) AS n FROM notifications WHERE kind = 'invite' AND status = 'pending'");
    for (const end = Date.now() + 60_000; (pendingInvites.get() as { n: number }).n > 0;) {
      if (Date.now() > end) throw new Error(`invites still pending; the server said:\n${third.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await third.stop();
    const mailIds = sink.received.map((m) => /^Message-ID:\s*<([^@>]+)@cita>/im.exec(m.raw)?.[1]);
    const texts = fake.accepted.map((r) => `${r.form.To}|${r.form.Body}`);
    figure("crash.mail_sent", mailIds.length, "messages", { distinct: new Set(mailIds).size });
    figure("crash.sms_sent", texts.length, "messages", { distinct: new Set(texts).size });
    expect(mailIds.slice().sort()).toEqual(
      invites
        .filter((n) => n.channel === "email")
        .map((n) => n.id)
        .sort(),
    );
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBe(invites.filter((n) => n.channel === "sms").length);
    const states = db.prepare("SELECT status, count(*) AS n FROM notifications WHERE kind = 'invite' GROUP BY status").all();
    expect(states).toEqual([{ status: "sent", n: invites.length }]);
    db.close();
  }, 150_000);
});
