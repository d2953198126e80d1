// Checkpoints run in the background, not inside a request's commit: the serving connection has
// SQLite's automatic checkpoint off, and the WAL still stays bounded under many writes, with every
// row in the database file after it is closed and opened again.
import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/db/sqlite.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshFile() {
  const dir = mkdtempSync(join(tmpdir(), "cita-wal-"));
  dirs.push(dir);
  return join(dir, "cita.db");
}

const size = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
// Small bounds, so that a few megabytes of writes cross them many times over.
const small = { intervalMs: 5, startBytes: 64 << 10, maxBytes: 1 << 20 };
const WRITES = 6000;
const value = (i: number) => `${i}:`.padEnd(2048, "x");

describe("checkpoints off the request path", () => {
  it("turns SQLite's automatic checkpoint off on the serving connection", () => {
    const database = openSqlite(freshFile());
    try {
      expect(database.sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    } finally {
      database.close();
    }
  });

  it("keeps the WAL bounded under many writes, and every row survives closing and opening again", async () => {
    const file = freshFile();
    const database = openSqlite(file, small);
    let largestWal = 0;
    for (let i = 0; i < WRITES; i++) {
      await database.batch([{ sql: "INSERT INTO settings (key, value) VALUES (?, ?)", params: [`k${i}`, value(i)] }]);
      largestWal = Math.max(largestWal, size(`${file}-wal`));
    }
    // 12 MB of rows (over 24 MB of WAL pages: a page or two per commit) went through a WAL that stayed
    // within a few times its bound: past it, each commit checkpoints until one finds the background
    // checkpoint done, so the slack is what is written meanwhile, which grows with the machine's load
    // (6.2 MB seen on a loaded 2-core machine). Without checkpoints it would hold every page.
    expect(largestWal).toBeLessThanOrEqual(8 * small.maxBytes);
    // ... because they were copied into the database file while it was open.
    expect(size(file)).toBeGreaterThan(WRITES * 2048);
    database.close();

    const again = openSqlite(file);
    try {
      const rows = again.sqlite.prepare("SELECT key, value FROM settings WHERE key GLOB 'k*'").all() as { key: string; value: string }[];
      expect(rows).toHaveLength(WRITES);
      expect(rows.every((r) => r.value === value(Number(r.key.slice(1))))).toBe(true);
      expect(again.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      again.close();
    }
  });

  it("lets another process's reader see each write while the checkpoints run beside it", async () => {
    const file = freshFile();
    const database = openSqlite(file, small);
    const reader = new BetterSqlite3(file, { readonly: true });
    try {
      for (let i = 0; i < 500; i++) {
        await database.batch([{ sql: "INSERT INTO settings (key, value) VALUES (?, ?)", params: [`r${i}`, value(i)] }]);
        expect(reader.prepare("SELECT count(*) AS n FROM settings WHERE key GLOB 'r*'").get()).toEqual({ n: i + 1 });
      }
    } finally {
      reader.close();
      database.close();
    }
  });
});
