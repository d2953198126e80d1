// The small SQL pieces every booking batch is made of.
import { sql } from "drizzle-orm";
import { dayCounts, history, writeGuard } from "../../db/schema.js";
import { statement, type Statement } from "../../db/database.js";

/** Aborts the batch when the statement before it changed no row (someone changed it first). */
export const mustHaveChanged = (): Statement =>
  statement(sql`INSERT INTO ${writeGuard} (reason) SELECT 'stale' WHERE changes() = 0`);

/** Counts one more live appointment on a local day; the CHECK refuses it past the cap. */
export const countDay = (officeId: string, serviceId: string, day: string, cap: number | null): Statement =>
  statement(sql`INSERT INTO ${dayCounts} (office_id, service_id, day, count, cap) VALUES (${officeId}, ${serviceId}, ${day}, 1, ${cap})
    ON CONFLICT (office_id, service_id, day) DO UPDATE SET count = count + 1, cap = excluded.cap`);

export const uncountDay = (officeId: string, serviceId: string, day: string): Statement =>
  statement(sql`UPDATE ${dayCounts} SET count = count - 1 WHERE office_id = ${officeId} AND service_id = ${serviceId} AND day = ${day}`);

export interface Snapshot {
  [extra: string]: unknown;
  status: string;
  start: string;
  end: string;
  staffId: string;
  roomId: string | null;
}

export const recordHistory = (appointmentId: string, at: number, actor: string, action: string, from: Snapshot | null, to: Snapshot | null): Statement =>
  statement(sql`INSERT INTO ${history} (appointment_id, at, actor, action, "from", "to")
    VALUES (${appointmentId}, ${at}, ${actor}, ${action}, ${from ? JSON.stringify(from) : null}, ${to ? JSON.stringify(to) : null})`);
