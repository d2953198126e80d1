// The engine-neutral face of the database: drizzle for reads, and one atomic batch for writes.
// better-sqlite3 runs a batch in one IMMEDIATE transaction; D1 runs it with `batch()`. D1 has no
// interactive transactions, so every write is planned as statements whose conflicts are caught by
// constraints, never by reading in TypeScript between two writes.
import type { SQL } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema.js";

export type Db = BaseSQLiteDatabase<"sync" | "async", any, typeof schema>;

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface Database {
  db: Db;
  /** Runs every statement or none. A violated constraint rejects with the engine's error. */
  batch(statements: Statement[]): Promise<void>;
}

const dialect = new SQLiteSyncDialect();

/** A drizzle query builder or a raw `sql` fragment, as a statement for `batch`. */
export function statement(query: SQL | { toSQL(): { sql: string; params: unknown[] } }): Statement {
  if ("toSQL" in query) {
    const { sql, params } = query.toSQL();
    return { sql, params };
  }
  const { sql, params } = dialect.sqlToQuery(query);
  return { sql, params };
}

export interface ConstraintFailure {
  kind: "UNIQUE" | "CHECK" | "FOREIGN KEY" | "NOT NULL";
  /** "appointments.case_id, appointments.service_id", "write_conflict", "index 'appointments_case_live'", … */
  target: string;
}

/**
 * Which constraint a failed write ran into, read from the engine's message, which better-sqlite3
 * and D1 word alike ("UNIQUE constraint failed: appointments.case_id, …"). Null otherwise.
 */
export function constraintFailure(error: unknown): ConstraintFailure | null {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  const message = error instanceof Error ? `${error.message} ${cause instanceof Error ? cause.message : typeof cause === "string" ? cause : ""}` : "";
  const match = /(UNIQUE|CHECK|FOREIGN KEY|NOT NULL) constraint failed:?\s*([^\n:]*)/.exec(message);
  if (!match) return null;
  return { kind: match[1] as ConstraintFailure["kind"], target: match[2]!.trim() };
}
