// The Node adapter: a better-sqlite3 file in WAL mode, migrated on open.
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, Db, Statement } from "./database.js";
import * as schema from "./schema.js";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export interface SqliteDatabase extends Database {
  sqlite: BetterSqlite3.Database;
  close(): void;
}

export function openSqlite(file: string): SqliteDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // Another process may hold the write lock for a moment; wait rather than fail.
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // 16 MB of page cache (the default is 2 MB): the busy-time indexes of a large history stay warm.
  sqlite.pragma("cache_size = -16384");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });

  const prepared = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let stmt = prepared.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      prepared.set(sql, stmt);
    }
    return stmt;
  };
  // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
  const runAll = sqlite.transaction((statements: Statement[]) => {
    for (const s of statements) prepare(s.sql).run(...(s.params as unknown[]));
  });

  return {
    db: db as unknown as Db,
    sqlite,
    batch: async (statements) => {
      runAll.immediate(statements);
    },
    close: () => sqlite.close(),
  };
}
