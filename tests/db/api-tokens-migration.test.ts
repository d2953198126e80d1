// A database made by the version with one token per user (users.token_hash), opened by this one:
// migration 0014 moves each token into api_tokens, so every token handed out keeps working, the
// bootstrap admin token too, and console sessions opened with a token stay open.
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, makeApp, type TestApp } from "../helpers/app.js";
import { migratedUpTo } from "../helpers/migrations.js";
import { sha256Hex } from "../../src/lib/ids.js";

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

const NOW = Date.parse("2026-11-23T12:00:00Z");
const OLD_TOKENS = { sofia: "cita_old-token-of-sofia-0123456789abcdefghijklmnopqrstuv", pablo: "cita_old-token-of-pablo-0123456789abcdefghijklmnopqrstuv" };

/** Two users as the previous version wrote them (one disabled), and an open console session of Sofía's. */
async function databaseOfThePreviousVersion(): Promise<string> {
  const { file, sqlite: old } = migratedUpTo("api_tokens_sign_in_links");
  expect(old.prepare("SELECT name FROM pragma_table_info('users')").pluck().all()).toContain("token_hash");
  const user = old.prepare("INSERT INTO users (id, name, email, role, office_ids, staff_id, token_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)");
  user.run("usr_0000000001aaaaaaaaaa", "Sofía", "sofia@example.org", "admin", "[]", await sha256Hex(OLD_TOKENS.sofia), NOW - 86_400_000, null);
  user.run("usr_0000000002bbbbbbbbbb", "Pablo", "pablo@example.org", "admin", "[]", await sha256Hex(OLD_TOKENS.pablo), NOW - 86_400_000, NOW - 3_600_000);
  old
    .prepare("INSERT INTO console_sessions (id_hash, user_id, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
    .run(await sha256Hex("cs_old-session"), "usr_0000000001aaaaaaaaaa", await sha256Hex(OLD_TOKENS.sofia), NOW - 60_000, NOW - 60_000);
  old.close();
  return file;
}

describe("the migration from one token per user to named API tokens", () => {
  it("keeps every token working, as a token named 'default', and the open console session", async () => {
    const file = await databaseOfThePreviousVersion();
    const t = makeApp({ file, now: "2026-11-23T12:00:00Z" }); // openSqlite runs the new migrations
    apps.push(t);
    const { sqlite } = t.database;
    expect(sqlite.prepare("SELECT name FROM pragma_table_info('users')").pluck().all()).not.toContain("token_hash");
    expect(sqlite.prepare("SELECT id, user_id, name, token_hash, created_at, last_used_at FROM api_tokens ORDER BY id").all()).toEqual([
      {
        id: "tok_0000000001aaaaaaaaaa",
        user_id: "usr_0000000001aaaaaaaaaa",
        name: "default",
        token_hash: await sha256Hex(OLD_TOKENS.sofia),
        created_at: NOW - 86_400_000,
        last_used_at: null,
      },
      {
        id: "tok_0000000002bbbbbbbbbb",
        user_id: "usr_0000000002bbbbbbbbbb",
        name: "default",
        token_hash: await sha256Hex(OLD_TOKENS.pablo),
        created_at: NOW - 86_400_000,
        last_used_at: null,
      },
    ]);
    expect(sqlite.prepare("SELECT method, token_hash FROM console_sessions").all()).toEqual([{ method: "token", token_hash: await sha256Hex(OLD_TOKENS.sofia) }]);

    expect((await t.get("/v1/users", { token: OLD_TOKENS.sofia })).status).toBe(200);
    // Disabled before the migration, still refused after it; the bootstrap admin works as before.
    expect((await t.get("/v1/users", { token: OLD_TOKENS.pablo })).status).toBe(401);
    expect((await t.get("/v1/users", { token: ADMIN })).status).toBe(200);
    expect((await t.app.request("/console/queue", { headers: { cookie: "cita_console=cs_old-session" } })).status).not.toBe(303);

    // The migrated token is listed and revocable like any other.
    const listed = (await t.get("/v1/users/usr_0000000001aaaaaaaaaa/tokens")).json.items;
    expect(listed).toEqual([{ id: "tok_0000000001aaaaaaaaaa", name: "default", createdAt: "2026-11-22T12:00:00Z", lastUsedAt: "2026-11-23T12:00:00Z" }]);
    expect((await t.del("/v1/users/usr_0000000001aaaaaaaaaa/tokens/tok_0000000001aaaaaaaaaa")).status).toBe(204);
    expect((await t.get("/v1/users", { token: OLD_TOKENS.sofia })).status).toBe(401);
    expect(sqlite.prepare("SELECT count(*) AS n FROM console_sessions").get()).toEqual({ n: 0 });
  });
});
