// A backup taken while the server writes restores to a consistent database.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { bogota } from "../helpers/fixtures.js";

let server: RunningServer | null = null;
afterAll(() => server?.stop("SIGKILL"));

describe("npm run backup", () => {
  it("copies the live database consistently while writes go on", async () => {
    server = await startServer({ CITA_ADMIN_TOKEN: "backup-admin" });
    const headers = { authorization: "Bearer backup-admin", "content-type": "application/json" };
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing; i++) await fetch(`${server!.url}/v1/offices`, { method: "POST", headers, body: JSON.stringify(bogota({ id: `office-${i}` })) });
    })();
    await new Promise((r) => setTimeout(r, 300));
    const copy = join(server.db, "..", "copy.db");
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", copy], { env: { ...process.env, CITA_DB: server.db }, encoding: "utf8" });
    writing = false;
    await writes;
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toMatchObject({ to: copy });
    const restored = new BetterSqlite3(copy, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    const { n } = restored.prepare("SELECT count(*) AS n FROM offices").get() as { n: number };
    const { v } = restored.prepare("SELECT value AS v FROM versions WHERE scope = 'config'").get() as { v: number };
    expect(n).toBeGreaterThan(0);
    // Each office insert bumped the config counter in the same batch: a torn copy would differ.
    expect(v).toBe(n);
    restored.close();
  });
});
