// Change counters that let a process reuse slot answers until something they depend on changes.
import { getTableName } from "drizzle-orm";
import { staff, versions } from "../db/schema.js";
import { statement, type Database, type Statement } from "../db/database.js";
import { prepared } from "../db/prepared.js";
import { readNextTurn } from "../db/turn-reads.js";
import type { Ctx } from "./context.js";

export const CONFIG = "config";
export const officeScope = (officeId: string) => `office:${officeId}`;

const BUMP = `INSERT INTO "${getTableName(versions)}" (scope, value) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET value = value + 1`;
export const bump = (scope: string): Statement => ({ sql: BUMP, params: [scope] });

// "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join constraint.
const BUMP_STAFF_OFFICES = `INSERT INTO "${getTableName(versions)}" (scope, value)
  SELECT 'office:' || value, 1 FROM json_each((SELECT office_ids FROM "${getTableName(staff)}" WHERE id = ?)) WHERE true
  ON CONFLICT (scope) DO UPDATE SET value = value + 1`;

/**
 * An interviewer's busy time shows in the slots of every office they work for, so a booking
 * at one office must also retire the cached answers of the others.
 */
export const bumpOfficesOf = (staffId: string): Statement => ({ sql: BUMP_STAFF_OFFICES, params: [staffId] });

/** A configuration write (offices, rooms, closures, services, staff, rules, time off) and its bump, atomically. */
export function writeConfig(ctx: Ctx, ...writes: (Statement | { toSQL(): { sql: string; params: unknown[] } })[]): Promise<void> {
  return ctx.deps.database.batch([...writes.map((w) => ("toSQL" in w ? statement(w) : w)), bump(CONFIG)]);
}

export interface Versions {
  /** Changes with any configuration write. */
  config: string;
  /** Changes with any write that shapes this office's free time (configuration or bookings). */
  office: string;
}

/**
 * The counters as they stand now. Concurrent requests share one read: a read made after a
 * request started sees every write committed before it started, which is all the cache needs.
 * Requests that reach this point in the same turn of the event loop wait for the next "check"
 * phase and share the read made there, so a busy process reads the counters once per turn
 * instead of once per request (each SQLite read transaction costs a few system calls).
 */
export async function versionsOf(ctx: Ctx, officeId: string): Promise<Versions> {
  const value = await counters(ctx.deps.database);
  const config = `config:${value.get(CONFIG) ?? 0}`;
  return { config, office: `${config}|office:${value.get(officeScope(officeId)) ?? 0}` };
}

type Counters = Map<string, number>;
// Per Database, not in the process state: the read must come from the connection it is shared for.
const pending = new WeakMap<Database, Promise<Counters>>();

function counters(database: Database): Promise<Counters> {
  let read = pending.get(database);
  if (read) return read;
  read = readNextTurn(database, async () => {
    // Later arrivals start a read of their own.
    pending.delete(database);
    const query = prepared(database, "versions", (db) => db.select({ scope: versions.scope, value: versions.value }).from(versions).prepare());
    const rows = await query.all();
    return new Map(rows.map((r) => [r.scope, r.value]));
  });
  pending.set(database, read);
  return read;
}
