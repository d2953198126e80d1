// The offers' background work, run by the dispatcher's loop (Node timer, Workers cron): turn new
// cancellations and moves into freed times, pick up the freed times schedule changes recorded,
// expire offers past their time and offer the next cases, close rounds whose time came, and
// settle accepts that a crash left half-done. Every step is a conditional write, so two
// processes sweeping at once make each offer once.
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { appointments, freedTimes, history, offers, settings } from "../db/schema.js";
import { statement } from "../db/database.js";
import { parseInstant } from "./dates.js";
import { closeFreedTime, recordFreedTime, topUp } from "./offers-make.js";
import type { Deps } from "../deps.js";

const CHECKPOINT = "offers_history_seen";
/** On a database that never swept, changes older than this are not offered any more. */
const FIRST_LOOK_BACK_MS = 15 * 60_000;
/** An accept still 'accepting' after this long was cut off by a crash. */
const STALE_CLAIM_MS = 60_000;
const BATCH = 200;

async function checkpoint(deps: Deps): Promise<number | null> {
  const [row] = await deps.database.db.select().from(settings).where(eq(settings.key, CHECKPOINT));
  return row ? Number(row.value) : null;
}

/** Cancellations and moves since the last sweep: each frees the time it held, if still ahead. */
export async function freeFromHistory(deps: Deps): Promise<string[]> {
  const { db } = deps.database;
  const seen = await checkpoint(deps);
  const now = deps.clock.now();
  const rows = await db
    .select({ id: history.id, from: history.from, appointment: appointments })
    .from(history)
    .innerJoin(appointments, eq(appointments.id, history.appointmentId))
    .where(and(inArray(history.action, ["cancel", "reschedule"]), seen === null ? sql`${history.at} >= ${now - FIRST_LOOK_BACK_MS}` : gt(history.id, seen)))
    .orderBy(asc(history.id))
    .limit(BATCH);
  const rounds: string[] = [];
  for (const { id, from, appointment } of rows) {
    const start = typeof from?.start === "string" ? parseInstant(from.start) : null;
    const end = typeof from?.end === "string" ? parseInstant(from.end) : null;
    const staffId = typeof from?.staffId === "string" ? from.staffId : null;
    if (start === null || end === null || staffId === null || start <= now) continue;
    const freed = await recordFreedTime(deps, {
      officeId: appointment.officeId,
      serviceId: appointment.serviceId,
      staffId,
      startAt: start,
      endAt: end,
      source: `history:${id}`,
      fromCaseId: appointment.caseId,
    });
    if (freed) rounds.push(freed.id);
  }
  const last = rows.at(-1)?.id;
  if (last !== undefined) {
    await deps.database.batch([
      statement(sql`INSERT INTO ${settings} (key, value) VALUES (${CHECKPOINT}, ${String(last)})
        ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(${last} AS INTEGER)) AS TEXT)`),
    ]);
  } else if (seen === null) {
    const [top] = await db.select({ id: sql<number | null>`max(${history.id})` }).from(history);
    await db
      .insert(settings)
      .values({ key: CHECKPOINT, value: String(top?.id ?? 0) })
      .onConflictDoNothing();
  }
  return rounds;
}

const OPENED_CHECKPOINT = "offers_opened_seen";

/**
 * Rounds that schedule changes recorded since the last sweep (hours gained, time off removed):
 * read past a checkpoint on the table's rowid, which SQLite (and D1) hand out in commit order.
 */
async function freeFromOpened(deps: Deps): Promise<string[]> {
  const { db } = deps.database;
  const [mark] = await db.select().from(settings).where(eq(settings.key, OPENED_CHECKPOINT));
  const rowid = sql<number>`${freedTimes}.rowid`;
  const recent = mark ? sql`${rowid} > ${Number(mark.value)}` : sql`${freedTimes.createdAt} >= ${deps.clock.now() - FIRST_LOOK_BACK_MS}`;
  const rows = await db
    .select({ id: freedTimes.id, rowid })
    .from(freedTimes)
    .where(and(recent, sql`${freedTimes.source} NOT LIKE 'history:%'`))
    .orderBy(rowid)
    .limit(BATCH);
  const last = rows.at(-1)?.rowid ?? (mark ? null : ((await db.select({ top: sql<number | null>`max(${rowid})` }).from(freedTimes))[0]?.top ?? 0));
  if (last !== null) {
    await deps.database.batch([
      statement(sql`INSERT INTO ${settings} (key, value) VALUES (${OPENED_CHECKPOINT}, ${String(last)})
        ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(${last} AS INTEGER)) AS TEXT)`),
    ]);
  }
  return rows.map((r) => r.id);
}

/** Open offers past their time become expired; the rounds they belonged to are topped up. */
async function expireDue(deps: Deps): Promise<string[]> {
  const now = deps.clock.now();
  const due = and(eq(offers.status, "open"), lte(offers.expiresAt, now));
  // A read first, so an idle sweep never takes the write lock.
  if ((await deps.database.db.select({ id: offers.id }).from(offers).where(due).limit(1)).length === 0) return [];
  const rows = await deps.database.db
    .update(offers)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(offers.status, "open"), lte(offers.expiresAt, now)))
    .returning({ freedTimeId: offers.freedTimeId });
  return rows.map((r) => r.freedTimeId);
}

/** An accept cut off by a crash: accepted if the case got the time, else open again. */
async function settleStaleClaims(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const stale = await deps.database.db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.status, "accepting"), lte(offers.decidedAt, now - STALE_CLAIM_MS)))
    .limit(1);
  if (stale.length === 0) return;
  await deps.database.batch([
    statement(sql`UPDATE ${offers} SET
      status = CASE WHEN EXISTS (SELECT 1 FROM ${appointments} a JOIN ${freedTimes} f ON f.id = ${offers.freedTimeId}
        WHERE a.case_id = ${offers.caseId} AND a.start_at = f.start_at AND a.staff_id = f.staff_id AND a.status IN ('scheduled', 'confirmed', 'checked_in'))
        THEN 'accepted' ELSE 'open' END,
      decided_at = ${now}
      WHERE status = 'accepting' AND decided_at <= ${now - STALE_CLAIM_MS}`),
  ]);
}

/** One sweep; returns how many rounds it topped up. */
export async function sweepOffers(deps: Deps): Promise<number> {
  await settleStaleClaims(deps);
  const now = deps.clock.now();
  const passed = await deps.database.db
    .select({ id: freedTimes.id })
    .from(freedTimes)
    .where(and(eq(freedTimes.status, "open"), lte(freedTimes.startAt, now)));
  for (const { id } of passed) await closeFreedTime(deps, id);
  const rounds = new Set([...(await freeFromHistory(deps)), ...(await freeFromOpened(deps)), ...(await expireDue(deps))]);
  for (const id of rounds) await topUp(deps, id);
  return rounds.size;
}
