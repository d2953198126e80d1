// Claims turn "no two overlapping holds" into a primary key: each appointment inserts one
// row per resource per 5-minute unit it holds, so any overlap is a duplicate (resource, unit).
import { getTableName, sql } from "drizzle-orm";
import { claims } from "../../db/schema.js";
import { statement, type Statement } from "../../db/database.js";

export const UNIT_MS = 5 * 60_000;

export const staffResource = (staffId: string) => `staff:${staffId}`;
export const roomResource = (officeId: string, roomId: string) => `room:${officeId}/${roomId}`;

/** Units covering [start, holdUntil): rounded outward, so a claim never holds less than the hold. */
export function units(start: number, holdUntil: number): number[] {
  const out: number[] = [];
  for (let u = Math.floor(start / UNIT_MS); u < Math.ceil(holdUntil / UNIT_MS); u++) out.push(u);
  return out;
}

const CHUNK = 100;
const claimsTable = getTableName(claims);
const insertSql: string[] = [];
/** `INSERT … VALUES (?, ?, ?), …` for n rows, built once per n. */
const insertRows = (n: number) =>
  (insertSql[n] ??= `INSERT INTO "${claimsTable}" (resource, unit, appointment_id) VALUES ${Array.from({ length: n }, () => "(?, ?, ?)").join(", ")}`);

export function claimStatements(appointmentId: string, resources: string[], start: number, holdUntil: number): Statement[] {
  const span = units(start, holdUntil);
  const params: unknown[] = [];
  for (const resource of resources) for (const unit of span) params.push(resource, unit, appointmentId);
  // One multi-row INSERT per 100 rows keeps each statement well under SQLite's parameter limit.
  // The SQL is written out rather than built by drizzle: this is on every booking's path.
  const chunks: Statement[] = [];
  for (let i = 0; i < params.length; i += CHUNK * 3) {
    const slice = params.slice(i, i + CHUNK * 3);
    chunks.push({ sql: insertRows(slice.length / 3), params: slice });
  }
  return chunks;
}

export const releaseClaims = (appointmentId: string): Statement => statement(sql`DELETE FROM ${claims} WHERE appointment_id = ${appointmentId}`);
