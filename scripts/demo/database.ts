// The demo starts from scratch on every run, so it deletes its database first: only ever a file
// it made itself. Demo databases carry a mark in SQLite's header (the application id, which
// SQLite keeps for exactly this), read from the file's bytes without opening it, so a database
// that is not the demo's is left byte for byte as it was.
import BetterSqlite3 from "better-sqlite3";
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync } from "node:fs";
import { dirname } from "node:path";

/** "CiTD": the header's application id (bytes 68–71) of a database the demo made. */
export const DEMO_APPLICATION_ID = 0x43695444;

export function isDemoDatabase(file: string): boolean {
  const header = Buffer.alloc(100);
  let fd: number | null = null;
  try {
    fd = openSync(file, "r");
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return header.toString("latin1", 0, 16) === "SQLite format 3\0" && header.readUInt32BE(68) === DEMO_APPLICATION_ID;
}

/**
 * Replaces `file` with an empty database marked as the demo's, or returns why it will not:
 * the file exists and the demo did not make it.
 */
export function freshDemoDatabase(file: string): string | null {
  if (existsSync(file) && !isDemoDatabase(file)) {
    return `${file} is not a demo database (or an older demo made it without the mark), so the demo leaves it untouched. Set CITA_DB to a file that does not exist yet, or delete this one yourself if nothing in it is needed.`;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  // Marked before the server opens it in WAL mode, so the mark is in the main file at once.
  const db = new BetterSqlite3(file);
  db.pragma(`application_id = ${DEMO_APPLICATION_ID}`);
  db.close();
  return null;
}
