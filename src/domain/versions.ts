// Change counters that let a process reuse slot answers until something they depend on changes.
import { inArray, sql } from "drizzle-orm";
import type { Ctx } from "../http/context.js";
import { versions } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { prepared } from "../db/prepared.js";

export const CONFIG = "config";
export const officeScope = (officeId: string) => `office:${officeId}`;

export const bump = (scope: string): Statement =>
  statement(sql`INSERT INTO ${versions} (scope, value) VALUES (${scope}, 1) ON CONFLICT (scope) DO UPDATE SET value = value + 1`);

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

export async function versionsOf(ctx: Ctx, officeId: string): Promise<Versions> {
  const query = prepared(ctx.deps.database, "versions", (db) => db.select().from(versions).where(inArray(versions.scope, [sql.placeholder("config"), sql.placeholder("office")])).prepare());
  const rows = await query.all({ config: CONFIG, office: officeScope(officeId) });
  const value = new Map(rows.map((r) => [r.scope, r.value]));
  const config = `config:${value.get(CONFIG) ?? 0}`;
  return { config, office: `${config}|office:${value.get(officeScope(officeId)) ?? 0}` };
}
