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

/** "config:<n>|office:<m>": equal strings mean nothing that shapes this office's free time changed. */
export async function versionsOf(ctx: Ctx, officeId: string): Promise<string> {
  const scopes = [CONFIG, officeScope(officeId)];
  const query = prepared(ctx.deps.database, "versions", (db) => db.select().from(versions).where(inArray(versions.scope, [sql.placeholder("config"), sql.placeholder("office")])).prepare());
  const rows = await query.all({ config: CONFIG, office: scopes[1] });
  const value = new Map(rows.map((r) => [r.scope, r.value]));
  return scopes.map((s) => `${s}:${value.get(s) ?? 0}`).join("|");
}
