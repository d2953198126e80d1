// The outbox as staff see it: what was (or will be) sent for an appointment, and how it went;
// and what a corrected contact does to the messages still waiting.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { appointments, notifications } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { getAppointment } from "./booking/read.js";
import { pageBy } from "./pagination.js";
import type { Ctx } from "./context.js";
import { forbidden } from "./errors.js";

export type NotificationRow = typeof notifications.$inferSelect;

export async function listNotifications(ctx: Ctx, limit: number, cursor: string | undefined, f: { appointmentId?: string; status?: string }) {
  if (f.appointmentId) await getAppointment(ctx, f.appointmentId);
  else if (ctx.actor.role !== "admin") throw forbidden("Name an appointmentId to see its notifications.");
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(notifications)
      .where(
        and(
          f.appointmentId ? eq(notifications.appointmentId, f.appointmentId) : undefined,
          f.status ? eq(notifications.status, f.status) : undefined,
          after ? gt(notifications.id, after) : undefined,
        ),
      )
      .orderBy(asc(notifications.id))
      .limit(take),
  );
}

export type Channel = "email" | "sms";

/** Why a message was not sent: its channel's contact was removed from the case. */
export const removedContact = (channel: Channel) => `the case no longer has ${channel === "email" ? "an email address" : "a phone number"}`;

/**
 * Statements for the contact change's own batch, so the outbox never shows a stale `to`: the
 * case's messages not yet sent on this channel are re-addressed to the new contact, or, when
 * the contact was removed, closed as `failed` with a `skipped:` reason. A row a dispatcher holds
 * right now is left to it: it sends to the contact as it reads it then (`src/notify/facts.ts`).
 */
export function readdressPending(caseId: string, channel: Channel, to: string | null, now: number): Statement {
  const waiting = sql`status = 'pending' AND channel = ${channel} AND appointment_id IN (SELECT id FROM ${appointments} WHERE case_id = ${caseId})`;
  if (to !== null) return statement(sql`UPDATE ${notifications} SET "to" = ${to} WHERE ${waiting}`);
  return statement(
    sql`UPDATE ${notifications} SET status = 'failed', last_error = ${`skipped: ${removedContact(channel)}`} WHERE ${waiting} AND (lease_until IS NULL OR lease_until <= ${now})`,
  );
}
