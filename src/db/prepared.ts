// Hot queries are built and prepared once per database instead of on every request:
// drizzle's query building and SQLite's statement compilation dominate a small read.
// Kept per Database, not in the process state: a prepared query belongs to the connection it
// was prepared on, so a Deps rebuilt over another connection gets its own.
import type { Database, Db } from "./database.js";

const caches = new WeakMap<Database, Map<string, unknown>>();

export function prepared<T>(database: Database, name: string, build: (db: Db) => T): T {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new Map()));
  let query = cache.get(name) as T | undefined;
  if (query === undefined) cache.set(name, (query = build(database.db)));
  return query;
}
