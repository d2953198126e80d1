// The Workers adapter: a D1 binding. D1 has no interactive transactions; `batch()` runs its
// statements as one transaction, which is all the write path asks for.
import { drizzle } from "drizzle-orm/d1";
import type { Database, Db } from "./database.js";
import * as schema from "./schema.js";

/** The part of Cloudflare's D1Database this adapter uses. */
export interface D1Like {
  prepare(query: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<unknown[]>;
}

export function openD1(binding: D1Like): Database {
  const db = drizzle(binding as never, { schema });
  return {
    db: db as unknown as Db,
    batch: async (statements) => {
      if (statements.length === 0) return;
      await binding.batch(statements.map((s) => binding.prepare(s.sql).bind(...s.params)));
    },
  };
}
