// Claims turn "no two overlapping holds" into a primary key: each appointment inserts one
// row per resource per 5-minute unit it holds, so any overlap is a duplicate (resource, unit).
import { sql } from "drizzle-orm";
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

export function claimStatements(appointmentId: string, resources: string[], start: number, holdUntil: number): Statement[] {
  const rows = resources.flatMap((resource) => units(start, holdUntil).map((unit) => ({ resource, unit, appointmentId })));
  // One multi-row INSERT per 100 rows keeps each statement well under SQLite's parameter limit.
  const chunks: Statement[] = [];
  for (let i = 0; i < rows.length; i += 100) chunks.push(statement(sql`INSERT INTO ${claims} (resource, unit, appointment_id) VALUES ${sql.join(rows.slice(i, i + 100).map((r) => sql`(${r.resource}, ${r.unit}, ${r.appointmentId})`), sql`, `)}`));
  return chunks;
}

export const releaseClaims = (appointmentId: string): Statement => statement(sql`DELETE FROM ${claims} WHERE appointment_id = ${appointmentId}`);
