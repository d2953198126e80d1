// Making offers of a freed time: a round per freed time, topped up to the office's batch size.
// Every write is conditional SQL in one batch, so any number of processes (or Worker isolates)
// can top up the same round at once: an offer is inserted only while fewer than the batch size
// are open and nobody took the time, a case is offered one time once (unique index), and its
// messages are inserted only when its offer row was.
import { and, eq, getTableName, inArray, sql } from "drizzle-orm";
import { freedTimes, notifications, offers, staff } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { newId } from "../lib/ids.js";
import { findSlots, localDateOf, localToInstant } from "../slots/index.js";
import { smsSendAfter } from "./booking/outbox.js";
import { findCandidates, type Candidate, type FreedTime } from "./offers-find.js";
import { wakingDeadline } from "./offers-expiry.js";
import { offerSettings } from "./offers-settings.js";
import { getOffice, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import { loadResources } from "./slot-resources.js";
import type { Deps } from "../deps.js";
import type { Ctx } from "./context.js";

/** The offer machinery reads as the service itself; what it writes is an applicant's choice. */
export const systemCtx = (deps: Deps, officeId: string): Ctx => ({ deps, actor: { id: "offer", role: "scheduler", officeIds: [officeId], staffId: null } });

export type FreedRow = typeof freedTimes.$inferSelect;

/** Records a freed time once per source; null when an open round for that interviewer and start exists already. */
export async function recordFreedTime(deps: Deps, input: Omit<FreedRow, "id" | "status" | "createdAt">): Promise<FreedRow | null> {
  const now = deps.clock.now();
  const rows = await deps.database.db
    .insert(freedTimes)
    .values({ ...input, id: newId("frd", now), status: "open", createdAt: now })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** Is the time still free for its interviewer, with the service's notice? (A booking re-checks it anyway.) */
async function stillFree(ctx: Ctx, office: OfficeRow, service: ServiceRow, freed: FreedRow): Promise<boolean> {
  const q = await loadResources(ctx, office, service, { from: freed.startAt, to: freed.startAt + 1, staffId: freed.staffId });
  q.notBefore = ctx.deps.clock.now() + service.minNoticeHours * 3_600_000;
  q.window = null;
  const [slot] = findSlots(q);
  return slot?.start === freed.startAt && slot.staffIds.includes(freed.staffId);
}

/** Closes a round whose time can no longer be had; its open offers are gone. */
export async function closeFreedTime(deps: Deps, freedId: string, status: "closed" | "filled" = "closed"): Promise<void> {
  const now = deps.clock.now();
  await deps.database.batch([
    statement(sql`UPDATE ${freedTimes} SET status = ${status} WHERE id = ${freedId} AND status = 'open'`),
    statement(sql`UPDATE ${offers} SET status = 'gone', decided_at = ${now} WHERE freed_time_id = ${freedId} AND status = 'open'`),
  ]);
}

const OUTBOX = `INSERT INTO "${getTableName(notifications)}" (id, appointment_id, channel, kind, "to", status, attempts, send_after, sequence, created_at)
  SELECT ?, ?, ?, 'offer', ?, 'pending', 0, ?, 0, ? WHERE EXISTS (SELECT 1 FROM "${getTableName(offers)}" WHERE id = ? AND created_at = ?)`;

function offerStatements(freed: FreedRow, office: OfficeRow, c: Candidate, batchSize: number, expiresAt: number, now: number): Statement[] {
  const id = newId("ofr", now);
  const originalAt = c.originalStart ?? originalOfWaiting(office, c.windowEnd);
  const insert = statement(sql`INSERT INTO ${offers} (id, freed_time_id, case_id, office_id, appointment_id, original_at, status, expires_at, created_at)
    SELECT ${id}, ${freed.id}, ${c.caseId}, ${freed.officeId}, ${c.appointmentId}, ${originalAt}, 'open', ${expiresAt}, ${now}
    WHERE (SELECT status FROM ${freedTimes} WHERE id = ${freed.id}) = 'open'
      AND (SELECT count(*) FROM ${offers} WHERE freed_time_id = ${freed.id} AND status IN ('open', 'accepting', 'accepted')) < ${batchSize}
    ON CONFLICT DO NOTHING`);
  const messages: Statement[] = [];
  if (c.email) messages.push({ sql: OUTBOX, params: [newId("ntf", now), id, "email", c.email, now, now, id, now] });
  if (c.phone) messages.push({ sql: OUTBOX, params: [newId("ntf", now), id, "sms", c.phone, smsSendAfter(now, freed.startAt, office), now, id, now] });
  return [insert, ...messages];
}

/** A waiting case had no appointment: what it saves is counted against its window's last day (docs/offers.md). */
function originalOfWaiting(office: OfficeRow, windowEnd: string): number {
  const [y, m, d] = windowEnd.split("-").map(Number) as [number, number, number];
  return localToInstant(office.timeZone, y, m, d, 0) ?? localToInstant(office.timeZone, y, m, d, 60)!;
}

/**
 * Brings a round's open offers up to the office's batch size, best candidates first. Closes the
 * round when its time is no longer free or too close. Returns how many offers it made.
 */
export async function topUp(deps: Deps, freedId: string): Promise<number> {
  const { db } = deps.database;
  const [freed] = await db.select().from(freedTimes).where(eq(freedTimes.id, freedId));
  if (!freed || freed.status !== "open") return 0;
  const ctx = systemCtx(deps, freed.officeId);
  const [office, service] = await Promise.all([getOffice(ctx, freed.officeId), getService(ctx, freed.serviceId)]);
  if (!(await stillFree(ctx, office, service, freed))) {
    await closeFreedTime(deps, freed.id);
    return 0;
  }
  const settings = offerSettings(office.settings);
  const [held, [member]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)` })
      .from(offers)
      .where(and(eq(offers.freedTimeId, freed.id), inArray(offers.status, ["open", "accepting", "accepted"]))),
    db.select({ languages: staff.languages }).from(staff).where(eq(staff.id, freed.staffId)),
  ]);
  const limit = settings.offerBatchSize - (held[0]?.n ?? 0);
  const now = deps.clock.now();
  const freedTime: FreedTime = { ...freed, localDate: localDateOf(office.timeZone, freed.startAt) };
  const candidates = await findCandidates(deps, { freed: freedTime, office, service, languages: member?.languages ?? [], settings, now, limit });
  if (candidates.length === 0) return 0;
  // The applicant must be able to accept before the service's notice runs out.
  const latest = freed.startAt - service.minNoticeHours * 3_600_000;
  const expiresAt = Math.min(wakingDeadline(now, settings.offerExpiryMinutes, office.timeZone, office.settings), latest);
  if (expiresAt <= now) return 0;
  await deps.database.batch(candidates.flatMap((c) => offerStatements(freed, office, c, settings.offerBatchSize, expiresAt, now)));
  return candidates.length;
}
