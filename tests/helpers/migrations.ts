// A database as an earlier version left it: a fresh SQLite file migrated only up to a given
// migration, so a test can write rows the old way and then open it with this version.
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrationsFolder } from "../../src/db/sqlite.js";

/** A copy of the migrations folder holding only the migrations before the one tagged `…_<name>`. */
function migrationsBefore(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "cita-old-drizzle-"));
  mkdirSync(join(dir, "meta"));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag.endsWith(`_${name}`));
  // The first migration has nothing before it to test against.
  if (last < 1) throw new Error(`no migration after the first is tagged …_${name}`);
  journal.entries = journal.entries.slice(0, last);
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(join(migrationsFolder, `${tag}.sql`), join(dir, `${tag}.sql`));
  return dir;
}

/**
 * A new database file with every migration before the one tagged `…_<name>` applied: the
 * version that shipped just before it. The caller writes its rows and closes `sqlite`.
 */
export function migratedUpTo(name: string): { file: string; sqlite: BetterSqlite3.Database } {
  const file = join(mkdtempSync(join(tmpdir(), "cita-old-")), "cita.db");
  const sqlite = new BetterSqlite3(file);
  migrate(drizzle({ client: sqlite }), { migrationsFolder: migrationsBefore(name) });
  return { file, sqlite };
}
