// The small SQL pieces every booking batch is made of. They are plain SQL text with parameters
// (no query builder): they run on every booking, and the text never varies.
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import { dayCounts, history, writeGuard } from "../../db/schema.js";
import { statement, type Statement } from "../../db/database.js";

/** Aborts the batch when the statement before it changed no row (someone changed it first). */
export const mustHaveChanged = (): Statement => statement(sql`INSERT INTO ${writeGuard} (reason) SELECT 'stale' WHERE changes() = 0`);

/** Counts one more live appointment on a local day; the CHECK refuses it past the cap. */
const COUNT_DAY = `INSERT INTO "${getTableName(dayCounts)}" (office_id, service_id, day, count, cap) VALUES (?, ?, ?, 1, ?)
  ON CONFLICT (office_id, service_id, day) DO UPDATE SET count = count + 1, cap = excluded.cap`;
export const countDay = (officeId: string, serviceId: string, day: string, cap: number | null): Statement => ({ sql: COUNT_DAY, params: [officeId, serviceId, day, cap] });

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

const RECORD_HISTORY = `INSERT INTO "${getTableName(history)}" (appointment_id, at, actor, action, "from", "to") VALUES (?, ?, ?, ?, ?, ?)`;
export const recordHistory = (appointmentId: string, at: number, actor: string, action: string, from: Snapshot | null, to: Snapshot | null): Statement => ({
  sql: RECORD_HISTORY,
  params: [appointmentId, at, actor, action, from ? JSON.stringify(from) : null, to ? JSON.stringify(to) : null],
});

// A pure memo keyed by the table (its text never varies), not process state.
const insertSql = new WeakMap<Table, { sql: string; columns: [string, { mapToDriverValue(v: unknown): unknown }][] }>();

/** INSERT of a complete row (every column given), in the table's column order. */
export function insertRow<T extends Table>(table: T, row: T["$inferSelect"]): Statement {
  let plan = insertSql.get(table);
  if (!plan) {
    const columns = Object.entries(getTableColumns(table));
    plan = {
      sql: `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      columns: columns.map(([key, c]) => [key, c]),
    };
    insertSql.set(table, plan);
  }
  const values = row as Record<string, unknown>;
  return { sql: plan.sql, params: plan.columns.map(([key, c]) => (values[key] === null ? null : c.mapToDriverValue(values[key]))) };
}
