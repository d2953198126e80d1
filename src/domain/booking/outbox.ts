// Outbox rows for a booking change: written in the change's own batch, sent by the dispatcher.
import { getTableName, sql } from "drizzle-orm";
import { notifications, type OfficeSettings } from "../../db/schema.js";
import { statement, type Statement } from "../../db/database.js";
import { newId } from "../../lib/ids.js";
import { localToInstant, offsetAt } from "../../slots/index.js";
import { DAY_MS } from "../dates.js";

export type NotificationKind = "invite" | "update" | "cancel" | "reminder";

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A send time moved out of the office's quiet hours (default 20:00–08:00) to the next morning. */
export function outOfQuietHours(instant: number, zone: string, settings: Pick<OfficeSettings, "quietHoursStart" | "quietHoursEnd">): number | null {
  const local = instant + offsetAt(zone, instant) * 60_000;
  const minute = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const quietStart = minutes(settings.quietHoursStart);
  const quietEnd = minutes(settings.quietHoursEnd);
  const quiet = quietStart > quietEnd ? minute >= quietStart || minute < quietEnd : minute >= quietStart && minute < quietEnd;
  if (!quiet) return instant;
  const day = Math.floor(local / DAY_MS) + (quietStart > quietEnd && minute >= quietStart ? 1 : 0);
  const date = new Date(day * DAY_MS);
  return localToInstant(zone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), quietEnd);
}

/** Reminder send times: each `reminderHours` before the start, out of quiet hours, still ahead and before the start. */
export function reminderTimes(start: number, now: number, zone: string, settings: OfficeSettings): number[] {
  const times = new Set<number>();
  for (const hours of settings.reminderHours) {
    const at = outOfQuietHours(start - hours * 3_600_000, zone, settings);
    if (at !== null && at > now && at < start) times.add(at);
  }
  return [...times].sort((a, b) => a - b);
}

export interface Recipient {
  email: string | null;
  phone: string | null;
}

/**
 * When a text message about a change may go: out of the office's quiet hours, like reminders.
 * Email goes at once. A text that would wait until the appointment has begun goes at once too:
 * late is worse than early for a change that close.
 */
export function smsSendAfter(now: number, start: number, office: { timeZone: string; settings: OfficeSettings }): number {
  const at = outOfQuietHours(now, office.timeZone, office.settings) ?? now;
  return at < start ? at : now;
}

export function outboxStatements(input: {
  appointmentId: string;
  sequence: number;
  kind: Exclude<NotificationKind, "reminder">;
  to: Recipient;
  now: number;
  /** The appointment's start and office, for the quiet hours of text messages. */
  start: number;
  office: { timeZone: string; settings: OfficeSettings };
  reminders: number[];
}): Statement[] {
  const rows: (typeof notifications.$inferInsert)[] = [];
  const add = (kind: NotificationKind, sendAfter: number, smsAfter = sendAfter) => {
    if (input.to.email)
      rows.push({
        id: newId("ntf", input.now),
        appointmentId: input.appointmentId,
        channel: "email",
        kind,
        to: input.to.email,
        status: "pending",
        sendAfter,
        sequence: input.sequence,
        createdAt: input.now,
      });
    if (input.to.phone)
      rows.push({
        id: newId("ntf", input.now),
        appointmentId: input.appointmentId,
        channel: "sms",
        kind,
        to: input.to.phone,
        status: "pending",
        sendAfter: smsAfter,
        sequence: input.sequence,
        createdAt: input.now,
      });
  };
  add(input.kind, input.now, smsSendAfter(input.now, input.start, input.office));
  for (const at of input.reminders) add("reminder", at);
  if (rows.length === 0) return [];
  // One multi-row INSERT: at most two channels × (the message + a few reminders) rows.
  return [
    { sql: insertOutbox(rows.length), params: rows.flatMap((row) => [row.id, row.appointmentId, row.channel, row.kind, row.to, row.sendAfter, row.sequence, row.createdAt]) },
  ];
}

const outboxSql: string[] = [];
const insertOutbox = (n: number) =>
  (outboxSql[n] ??=
    `INSERT INTO "${getTableName(notifications)}" (id, appointment_id, channel, kind, "to", status, attempts, send_after, sequence, created_at) VALUES ${Array.from({ length: n }, () => "(?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)").join(", ")}`);

/** Reminders not yet sent no longer fit a cancelled or moved appointment. */
export const withdrawReminders = (appointmentId: string): Statement =>
  statement(sql`DELETE FROM ${notifications} WHERE appointment_id = ${appointmentId} AND kind = 'reminder' AND status = 'pending'`);
