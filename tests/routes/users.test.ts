import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { makeApp, type TestApp } from "../helpers/app.js";
import { newUser, seedBasics } from "../helpers/fixtures.js";
import { signInCookie } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";
import { apiTokens } from "../../src/db/schema.js";
import { sha256Hex } from "../../src/lib/ids.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterEach(() => t.close());

const user = (role?: "admin" | "scheduler") => newUser(t, role);

const works = async (token: string) => (await t.get("/v1/offices", { token })).status;

describe("users and tokens", () => {
  it("returns the token once and stores only its hash", async () => {
    const res = await t.post("/v1/users", { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { token, id } = res.json;
    expect(token).toMatch(/^cita_[A-Za-z0-9_-]{40,}$/);
    expect(res.json).toMatchObject({ disabled: false, disabledAt: null });
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, id));
    expect(row!.tokenHash).toBe(await sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await t.get("/v1/users");
    expect(JSON.stringify(list.json)).not.toContain(token);
    expect(list.json.items[0]).not.toHaveProperty("token");
    expect((await t.get(`/v1/users/${id}`)).json).toEqual({ ...list.json.items[0], disabled: false, disabledAt: null });
    expect(await works(token)).toBe(200);
  });

  it.each([
    [{ role: "scheduler" }, "officeIds"],
    [{ role: "scheduler", officeIds: ["nowhere"] }, "officeIds.0"],
    [{ role: "interviewer" }, "staffId"],
    [{ role: "interviewer", staffId: "nobody" }, "staffId"],
    [{ role: "owner" }, "role"],
  ])("refuses %j naming %s", async (over, path) => {
    const res = await t.post("/v1/users", { name: "X", email: "x@example.org", ...over });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe("disable and enable", () => {
  it("refuses a disabled user's token at once with 401, shows it disabled, and accepts it again once enabled", async () => {
    const u = await user();
    expect(await works(u.token)).toBe(200);
    t.clock.advance(60_000);
    const res = await t.post(`/v1/users/${u.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: u.id, disabled: true, disabledAt: new Date(t.clock.now()).toISOString().replace(".000Z", "Z") });
    expect(res.json).not.toHaveProperty("token");
    const refused = await t.get("/v1/offices", { token: u.token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.type).toBe("/problems/unauthorized");
    expect((await t.post("/v1/cases", {}, { token: u.token })).status).toBe(401);
    expect((await t.get(`/v1/users/${u.id}`)).json.disabled).toBe(true);
    expect((await t.get("/v1/users")).json.items.find((i: { id: string }) => i.id === u.id).disabled).toBe(true);

    // Disabling again changes nothing, not even the time.
    t.clock.advance(60_000);
    expect((await t.post(`/v1/users/${u.id}/disable`)).json.disabledAt).toBe(res.json.disabledAt);

    const enabled = await t.post(`/v1/users/${u.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.json).toMatchObject({ disabled: false, disabledAt: null });
    expect(await works(u.token)).toBe(200);
  });

  it("signs a disabled user out of the console and refuses their sign-in", async () => {
    const u = await user();
    const cookie = (await signInCookie(t, u.token))!;
    expect((await t.app.request("/console/queue", { headers: { cookie } })).status).toBe(200);
    await t.post(`/v1/users/${u.id}/disable`);
    const res = await t.app.request("/console/queue", { headers: { cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/console\/sign-in/);
    expect(t.database.sqlite.prepare("SELECT count(*) AS n FROM console_sessions").get()).toEqual({ n: 0 });
    expect(await signInCookie(t, u.token)).toBeNull();
    // Enabling does not bring the ended session back; signing in again works.
    await t.post(`/v1/users/${u.id}/enable`);
    expect((await t.app.request("/console/queue", { headers: { cookie } })).status).toBe(303);
    expect(await signInCookie(t, u.token)).not.toBeNull();
  });

  it("keeps the last enabled admin account enabled, whoever asks; another admin may be disabled, themselves included", async () => {
    const first = await user("admin");
    // A token's first use records it (api_tokens.last_used_at); the refusals below must write nothing else.
    expect(await works(first.token)).toBe(200);
    const before = dumpTables(t);
    const last = await t.post(`/v1/users/${first.id}/disable`);
    expect(last.status).toBe(409);
    expect(last.json).toMatchObject({ type: "/problems/conflict", status: 409 });
    expect(last.json.detail).toContain("last enabled admin");
    expect((await t.post(`/v1/users/${first.id}/disable`, undefined, { token: first.token })).status).toBe(409);
    expect(dumpTables(t)).toBe(before);
    expect(await works(first.token)).toBe(200);

    const second = await user("admin");
    const self = await t.post(`/v1/users/${second.id}/disable`, undefined, { token: second.token });
    expect(self.status).toBe(200);
    expect(await works(second.token)).toBe(401);
    expect((await t.post(`/v1/users/${first.id}/disable`, undefined, { token: first.token })).status).toBe(409);
  });
});

describe("token rotation", () => {
  it("answers a new token once; the old one is refused at once and the console sessions end", async () => {
    const u = await user();
    const cookie = (await signInCookie(t, u.token))!;
    const res = await t.post(`/v1/users/${u.id}/token`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({ id: u.id, disabled: false });
    expect(res.json.token).toMatch(/^cita_[A-Za-z0-9_-]{40,}$/);
    expect(res.json.token).not.toBe(u.token);
    expect(await works(u.token)).toBe(401);
    expect(await works(res.json.token)).toBe(200);
    expect((await t.app.request("/console/queue", { headers: { cookie } })).status).toBe(303);
    expect(await signInCookie(t, u.token)).toBeNull();
    expect(await signInCookie(t, res.json.token)).not.toBeNull();
    // Rotation revokes every token the user held and leaves the new one alone.
    const rows = await t.database.db.select().from(apiTokens).where(eq(apiTokens.userId, u.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([await sha256Hex(res.json.token)]);
    expect(JSON.stringify((await t.get(`/v1/users/${u.id}`)).json)).not.toContain(res.json.token);
  });

  it("gives a disabled user a token that works once they are enabled", async () => {
    const u = await user();
    await t.post(`/v1/users/${u.id}/disable`);
    const rotated = (await t.post(`/v1/users/${u.id}/token`)).json.token;
    expect(await works(rotated)).toBe(401);
    await t.post(`/v1/users/${u.id}/enable`);
    expect(await works(rotated)).toBe(200);
    expect(await works(u.token)).toBe(401);
  });
});

describe("refusals", () => {
  it("answers 404 for an unknown user and 422 naming the id for a malformed one, writing nothing", async () => {
    const before = dumpTables(t);
    for (const action of ["disable", "enable", "token"]) {
      const missing = await t.post(`/v1/users/usr_nobody/${action}`);
      expect(missing.status, action).toBe(404);
      expect(missing.json.type).toBe("/problems/not-found");
      const bad = await t.post(`/v1/users/${"x".repeat(101)}/${action}`);
      expect(bad.status, action).toBe(422);
      expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(["id"]);
    }
    expect((await t.get("/v1/users/usr_nobody")).status).toBe(404);
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses a non-admin, changing nothing", async () => {
    const u = await user();
    const desk = await user();
    for (const action of ["disable", "enable", "token"]) {
      expect((await t.post(`/v1/users/${u.id}/${action}`, undefined, { token: desk.token })).status).toBe(403);
    }
    expect((await t.get(`/v1/users/${u.id}`, { token: desk.token })).status).toBe(403);
    expect(await works(u.token)).toBe(200);
  });
});
