// Earlier-time offers (`npm run bench -- offers`).
// offers.first.p50/p95: with 10,000 waiting cases at the office, from a cancellation (the API
// call) to its first offers queued in the outbox (the background sweep that follows it), in ms.
// offers.race: 50 applicants accept offers of one freed time at once over HTTP against the real
// server: exactly one winner, 0 double bookings (SQL self-join), every other one told it is gone.
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { sweepOffers } from "../src/domain/offers-sweep.js";
import { offerToken } from "../src/domain/offers-link.js";
import { makeApp, type TestApp } from "../tests/helpers/app.js";
import { seedBasics } from "../tests/helpers/fixtures.js";
import { weekdays } from "../tests/helpers/booking.js";
import { doubleBookings } from "../tests/offers/helpers.js";
import { startServer } from "../tests/helpers/server.js";
import type { Emit } from "./run.js";
import { percentile } from "./percentile.js";

const NOW = "2026-11-23T15:00:00Z"; // Monday 10:00 in Bogotá
const SECRET = "bench-link-secret";
const WEEKDAYS = [
  // Working days in the windows (12-08 is a holiday in Colombia)
  "2026-12-07",
  "2026-12-09",
  "2026-12-10",
  "2026-12-11",
  "2026-12-14",
  "2026-12-15",
  "2026-12-16",
];

async function office(t: TestApp, batch: number) {
  await seedBasics(t);
  await t.put("/v1/staff/ana/availability", [weekdays]);
  await t.patch("/v1/offices/bogota", { settings: { offerBatchSize: batch } });
}

/** `n` waiting cases straight into the table, screened over the `days` days up to today. */
function waitingCases(t: TestApp, n: number, languages = ["es", "en", "ht", "fr"], days = 14) {
  const { sqlite } = t.database as unknown as { sqlite: import("better-sqlite3").Database };
  const insert = sqlite.prepare(`INSERT INTO cases (id, reference, office_id, track, screened_at, language, household_size, nationality, present_since, birth_date,
    legal_status, contact_email, contact_phone, window_extension_days, created_by, created_at, updated_at)
    VALUES (?, ?, 'bogota', 'IOM', ?, ?, 1, 'VE', '2022-01-01', '1990-01-01', 'regular', ?, ?, 0, 'bench', 0, 0)`);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const day = String(23 - (i % days)).padStart(2, "0");
      insert.run(`case_w${String(i).padStart(6, "0")}`, `W-${i}`, `2026-11-${day}`, languages[i % languages.length], `w${i}@example.org`, `+5730${String(10_000_000 + i)}`);
    }
  })();
}

async function holder(t: TestApp, i: number, start: string): Promise<string> {
  const c = await t.post("/v1/cases", {
    officeId: "bogota",
    track: "IOM",
    screenedAt: "2026-11-20",
    language: "es",
    householdSize: 1,
    nationality: "VE",
    presentSince: "2022-05-01",
    birthDate: "1990-04-02",
    legalStatus: "regular",
    contact: { email: `holder${i}@example.org` },
  });
  const a = await t.post("/v1/appointments", { caseId: c.json.id, serviceId: "iom-counseling", officeId: "bogota", start, staffId: "ana" });
  if (a.status !== 201) throw new Error(a.text);
  return a.json.id;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

async function firstOffer(emit: Emit) {
  const t = makeApp({ now: NOW });
  try {
    await office(t, 3);
    waitingCases(t, 10_000);
    const starts = WEEKDAYS.flatMap((d) => ["09:00", "10:00", "11:00", "12:00"].map((h) => `${d}T${h}:00-05:00`));
    const ids = [];
    for (const [i, start] of starts.entries()) ids.push(await holder(t, i, start));
    await sweepOffers(t.deps); // sets the history checkpoint
    const total: number[] = [];
    const sweep: number[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      await t.post(`/v1/appointments/${id}/cancel`, { reason: "Bench" });
      const t1 = performance.now();
      await sweepOffers(t.deps);
      const t2 = performance.now();
      const [queued] = await t.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM notifications WHERE kind = 'offer' AND status = 'pending'`);
      if (!queued?.n) throw new Error("no offer was queued");
      total.push(t2 - t0);
      sweep.push(t2 - t1);
    }
    const samples = total.slice(1); // the first pays for loading the calendar
    emit({
      name: "offers.first.p50",
      value: +percentile(sorted(samples), 50).toFixed(2),
      unit: "ms",
      waitingCases: 10_000,
      samples: samples.length,
      target: "< 50",
      loadAverage: +loadavg()[0]!.toFixed(1),
    });
    emit({ name: "offers.first.p95", value: +percentile(sorted(samples), 95).toFixed(2), unit: "ms", waitingCases: 10_000 });
    emit({ name: "offers.sweep.p50", value: +percentile(sorted(sweep.slice(1)), 50).toFixed(2), unit: "ms", note: "the sweep alone, after the cancel answered" });
  } finally {
    t.close();
  }
}

async function race(emit: Emit) {
  const racers = 50;
  const t = makeApp({ now: NOW });
  const file = t.file;
  let tokens: string[];
  try {
    await office(t, racers);
    // 50 waiting cases (in English, which the interviewer speaks); one booked time is cancelled
    // and offered to all of them at once.
    waitingCases(t, racers, ["en"], 1);
    const freed = await holder(t, 0, "2026-12-11T12:00:00-05:00");
    await sweepOffers(t.deps);
    await t.post(`/v1/appointments/${freed}/cancel`, { reason: "Bench" });
    await sweepOffers(t.deps);
    const open = await t.database.db.all<{ id: string }>(sql`SELECT id FROM offers WHERE status = 'open'`);
    tokens = await Promise.all(open.map((o) => offerToken({ ...t.deps, config: { ...t.deps.config, linkSecret: SECRET } }, o.id)));
  } finally {
    t.database.close();
  }
  const server = await startServer({ CITA_NOW: NOW, CITA_LINK_SECRET: SECRET, CITA_DISPATCH_INTERVAL_MS: "0" }, { db: file });
  try {
    // Each applicant opens their page first (for its form token), then all press Accept at once.
    const forms = await Promise.all(
      tokens.map(async (token) => {
        const page = await (await fetch(`${server.url}/o/${token}`)).text();
        return { token, csrf: /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "" };
      }),
    );
    const answers = await Promise.all(
      forms.map((f) =>
        fetch(`${server.url}/o/${f.token}/accept`, { method: "POST", body: new URLSearchParams({ csrf: f.csrf }) }).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    );
    const check = makeApp({ file, now: NOW });
    const overlaps = await doubleBookings(check);
    check.database.close();
    const winners = answers.filter((a) => a.status === 200).length;
    const toldGone = answers.filter((a) => a.status === 409 && a.text.includes("no longer available")).length;
    const statuses = Object.fromEntries([...new Set(answers.map((a) => a.status))].map((s) => [s, answers.filter((a) => a.status === s).length]));
    emit({ name: "offers.race.winners", value: winners, unit: "count", racers: tokens.length, toldGone, statuses, target: "1" });
    emit({ name: "offers.race.double_bookings", value: overlaps, unit: "count", target: "0" });
  } finally {
    await server.stop();
  }
}

export async function run(emit: Emit): Promise<void> {
  await firstOffer(emit);
  await race(emit);
}
