// Whole-database views for "nothing was written" checks: cheap row counts, or every row as text.
import type { TestApp } from "../helpers/app.js";

const tables = (t: TestApp): string[] =>
  (t.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const countQueries = new Map<string, { get(): unknown }>();

/** Row count of every table (but `except`), and the cache counters (`versions`) in full: one query. */
export function rowCounts(t: TestApp, except: string[] = []): string {
  const key = `${t.file}|${except.join(",")}`;
  let query = countQueries.get(key);
  if (!query) {
    const counts = tables(t)
      .filter((name) => !except.includes(name))
      .map((name) => `(SELECT count(*) FROM "${name}") AS "${name}"`);
    query = t.database.sqlite.prepare(`SELECT ${counts.join(", ")}, (SELECT group_concat(scope || '=' || value) FROM "versions") AS counters`);
    countQueries.set(key, query);
  }
  return JSON.stringify(query.get());
}

/**
 * Every row of every table (but `except`) as text, in a stable order. A token's `last_used_at` is
 * left out: it records that a request was made with it, which a refused request is too.
 */
export function dumpTables(t: TestApp, except: string[] = []): string {
  return tables(t)
    .filter((name) => !except.includes(name))
    .map((name) => {
      const rows = t.database.sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(name === "api_tokens" ? { ...(row as object), last_used_at: null } : row));
      return `${name}\n${rows.sort().join("\n")}`;
    })
    .join("\n");
}
