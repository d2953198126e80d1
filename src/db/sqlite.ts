// The Node adapter: a better-sqlite3 file in WAL mode, migrated on open; writes are group-committed.
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, Db } from "./database.js";
import { groupCommit } from "./group-commit.js";
import { backgroundCheckpoints, defaultCheckpoints } from "./checkpointer.node.js";
import { createRequire } from "node:module";
import * as schema from "./schema.js";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export interface SqliteDatabase extends Database {
  sqlite: BetterSqlite3.Database;
  close(): void;
}

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

export function openSqlite(file: string, checkpointOptions = defaultCheckpoints): SqliteDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // Another process may hold the write lock for a moment; wait rather than fail.
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  // Checkpoints run in the background (checkpointer.node.ts), not inside the commit that crosses 1,000 pages;
  // a restarted WAL is cut back to this size.
  sqlite.pragma("wal_autocheckpoint = 0");
  sqlite.pragma(`journal_size_limit = ${checkpointOptions.maxBytes / 2}`);
  sqlite.pragma("foreign_keys = ON");
  // 16 MB of page cache (the default is 2 MB): the busy-time indexes of a large history stay warm.
  sqlite.pragma("cache_size = -16384");
  // Compiling SQL costs tens of microseconds, more than running a small query: drizzle prepares
  // every query it builds, so its client gets statements from a bounded cache keyed by SQL text.
  const prepare = statementCache(sqlite, 500);
  const client = new Proxy(sqlite, {
    get(target, prop) {
      if (prop === "prepare") return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const db = drizzle({ client, schema });
  migrate(db, { migrationsFolder });

  const checkpoints = file === ":memory:" ? null : backgroundCheckpoints(file, driver, () => sqlite.pragma("wal_checkpoint(PASSIVE)"), checkpointOptions);

  return {
    db: db as unknown as Db,
    sqlite,
    batch: groupCommit(sqlite, prepare, () => checkpoints?.afterCommit()),
    close: () => {
      checkpoints?.close();
      sqlite.close();
    },
  };
}

/**
 * Prepared statements by SQL text, least recently used dropped first. A statement is handed out
 * in object mode: drizzle switches it to raw mode itself before each raw read. Nothing here
 * iterates, so no statement is ever busy when it is handed out again.
 */
export function statementCache(sqlite: BetterSqlite3.Database, size: number) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (sql: string): BetterSqlite3.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
      if (stmt.reader) stmt.raw(false);
    } else {
      stmt = sqlite.prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
}
