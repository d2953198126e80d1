// The outbox's state changes, each one conditional statement, so any number of dispatchers
// (processes on one SQLite file, Worker isolates on one D1 database) can run at once.
// A lease is `lease_until`: a row is taken by setting it in the future, and every later change
// requires it unchanged. A new lease is always later than an expired one, so a sender whose lease
// ran out can no longer mark the row, whatever it thinks happened.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { notifications } from "../db/schema.js";

export type OutboxRow = typeof notifications.$inferSelect;
export type Leased = OutboxRow & { leaseUntil: number };

const free = (now: number) => or(isNull(notifications.leaseUntil), lte(notifications.leaseUntil, now));

/** Takes up to `limit` due rows of these channels for `leaseMs`, counting the attempt now (a crash mid-send is an attempt). */
export async function leaseDue(deps: Deps, input: { now: number; channels: string[]; limit: number; leaseMs: number }): Promise<Leased[]> {
  const { db } = deps.database;
  const { now, channels, limit, leaseMs } = input;
  if (channels.length === 0) return [];
  const due = and(eq(notifications.status, "pending"), lte(notifications.sendAfter, now), free(now), inArray(notifications.channel, channels));
  const candidates = db.select({ id: notifications.id }).from(notifications).where(due).orderBy(asc(notifications.sendAfter), asc(notifications.id)).limit(limit);
  // A read first, so an idle dispatcher never takes the write lock; then one UPDATE whose WHERE
  // repeats the condition, so only rows still free when it runs are taken.
  if ((await db.select({ id: notifications.id }).from(notifications).where(due).limit(1)).length === 0) return [];
  const rows = await db
    .update(notifications)
    .set({ leaseUntil: now + leaseMs, attempts: sql`${notifications.attempts} + 1` })
    .where(and(inArray(notifications.id, candidates), due))
    .returning();
  return (rows as Leased[]).sort((a, b) => a.sendAfter - b.sendAfter || (a.id < b.id ? -1 : 1));
}

const held = (row: Leased) => and(eq(notifications.id, row.id), eq(notifications.status, "pending"), eq(notifications.leaseUntil, row.leaseUntil));

/** Each returns whether this dispatcher still held the lease (and so made the change). */
async function change(deps: Deps, row: Leased, set: Partial<OutboxRow>): Promise<boolean> {
  const changed = await deps.database.db.update(notifications).set(set).where(held(row)).returning({ id: notifications.id });
  return changed.length > 0;
}

/** Records where the message actually went: the case's contact at send time. */
export const markSent = (deps: Deps, row: Leased, to: string, now: number) => change(deps, row, { status: "sent", to, sentAt: now, leaseUntil: null, lastError: null });

export const markFailed = (deps: Deps, row: Leased, error: string) => change(deps, row, { status: "failed", leaseUntil: null, lastError: error });

export const scheduleRetry = (deps: Deps, row: Leased, at: number, error: string) => change(deps, row, { sendAfter: at, leaseUntil: null, lastError: error });

/** Is a later invite, update or cancel queued on this channel? Then this older one is superseded. */
export async function supersededBy(deps: Deps, row: OutboxRow): Promise<number | null> {
  const [later] = await deps.database.db
    .select({ sequence: notifications.sequence })
    .from(notifications)
    .where(
      and(
        eq(notifications.appointmentId, row.appointmentId),
        eq(notifications.channel, row.channel),
        inArray(notifications.kind, ["invite", "update", "cancel"]),
        sql`${notifications.sequence} > ${row.sequence}`,
      ),
    )
    .limit(1);
  return later ? later.sequence : null;
}

/** Due email rows that wait because no mailer is configured (ids only: they are logged, not sent). */
export const heldMail = (deps: Deps, now: number, limit: number) =>
  deps.database.db
    .select({ id: notifications.id, appointmentId: notifications.appointmentId, kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.status, "pending"), eq(notifications.channel, "email"), lte(notifications.sendAfter, now)))
    .orderBy(asc(notifications.sendAfter), asc(notifications.id))
    .limit(limit);
