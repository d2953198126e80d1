// Named API tokens per user (/v1/users/{id}/tokens): several at once, each shown once, listed with
// when it was made and last used (written at most once a minute), revoked one by one; rotation
// (/v1/users/{id}/token) revokes them all. And PATCH /v1/users/{id} for role and offices.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { newUser, seedBasics } from "../helpers/fixtures.js";
import { signInCookie } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterEach(() => t.close());

const works = async (token: string) => (await t.get("/v1/offices", { token })).status;
const tokensOf = async (id: string) => (await t.get(`/v1/users/${id}/tokens`)).json.items as { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];

describe("named API tokens", () => {
  it("creates several named tokens, each shown once, all working", async () => {
    const u = await newUser(t);
    const made = await t.post(`/v1/users/${u.id}/tokens`, { name: "reporting robot" });
    expect(made.status).toBe(201);
    expect(made.headers.get("cache-control")).toBe("no-store");
    expect(made.json).toMatchObject({ name: "reporting robot", createdAt: "2026-11-23T12:00:00Z", lastUsedAt: null });
    expect(made.json.token).toMatch(/^cita_[\w-]{40,}$/);
    const list = await tokensOf(u.id);
    expect(list.map((k) => k.name)).toEqual(["default", "reporting robot"]);
    expect(JSON.stringify(list)).not.toContain(made.json.token);
    expect(dumpTables(t)).not.toContain(made.json.token);
    expect(await works(u.token)).toBe(200);
    expect(await works(made.json.token)).toBe(200);
  });

  it("records the last use, written at most once a minute", async () => {
    const u = await newUser(t);
    const [first] = await tokensOf(u.id);
    expect(first!.lastUsedAt).toBeNull();
    await works(u.token);
    expect((await tokensOf(u.id))[0]!.lastUsedAt).toBe("2026-11-23T12:00:00Z");
    t.clock.advance(59_000);
    await works(u.token);
    expect((await tokensOf(u.id))[0]!.lastUsedAt).toBe("2026-11-23T12:00:00Z");
    t.clock.advance(1000);
    await works(u.token);
    expect((await tokensOf(u.id))[0]!.lastUsedAt).toBe("2026-11-23T12:01:00Z");
  });

  it("revokes one token at once, with the console sessions opened with it; the others keep working", async () => {
    const u = await newUser(t);
    const second = (await t.post(`/v1/users/${u.id}/tokens`, { name: "laptop" })).json;
    const viaFirst = (await signInCookie(t, u.token))!;
    const viaSecond = (await signInCookie(t, second.token))!;
    const first = (await tokensOf(u.id)).find((k) => k.name === "default")!;
    expect((await t.del(`/v1/users/${u.id}/tokens/${first.id}`)).status).toBe(204);
    expect(await works(u.token)).toBe(401);
    expect(await works(second.token)).toBe(200);
    expect((await t.app.request("/console/queue", { headers: { cookie: viaFirst } })).status).toBe(303);
    expect((await t.app.request("/console/queue", { headers: { cookie: viaSecond } })).status).toBe(200);
    expect((await tokensOf(u.id)).map((k) => k.name)).toEqual(["laptop"]);
  });

  it("answers 404 for another user's token or an unknown one, and 422 naming the field for a bad name", async () => {
    const a = await newUser(t);
    const b = await newUser(t);
    const bToken = (await tokensOf(b.id))[0]!;
    const before = dumpTables(t);
    expect((await t.del(`/v1/users/${a.id}/tokens/${bToken.id}`)).status).toBe(404);
    expect((await t.del(`/v1/users/${a.id}/tokens/tok_nothing`)).status).toBe(404);
    expect((await t.post(`/v1/users/usr_nobody/tokens`, { name: "x" })).status).toBe(404);
    for (const [body, path] of [
      [{}, "name"],
      [{ name: "" }, "name"],
      [{ name: "two\nlines" }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: "ok", extra: 1 }, "extra"],
    ] as const) {
      const res = await t.post(`/v1/users/${a.id}/tokens`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.errors[0].path).toBe(path);
    }
    expect(dumpTables(t)).toBe(before);
    expect(await works(b.token)).toBe(200);
  });

  it("holds at most 20 tokens per user", async () => {
    const u = await newUser(t);
    for (let i = 1; i < 20; i++) expect((await t.post(`/v1/users/${u.id}/tokens`, { name: `robot ${i}` })).status).toBe(201);
    const refused = await t.post(`/v1/users/${u.id}/tokens`, { name: "one too many" });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0]).toMatchObject({ path: "name" });
    expect(await tokensOf(u.id)).toHaveLength(20);
  });

  it("rotation revokes every token of the user and answers one new token", async () => {
    const u = await newUser(t);
    const extra = (await t.post(`/v1/users/${u.id}/tokens`, { name: "laptop" })).json.token;
    const rotated = await t.post(`/v1/users/${u.id}/token`);
    expect(rotated.status).toBe(200);
    expect(await works(u.token)).toBe(401);
    expect(await works(extra)).toBe(401);
    expect(await works(rotated.json.token)).toBe(200);
    expect((await tokensOf(u.id)).map((k) => k.name)).toEqual(["default"]);
  });
});

describe("PATCH /v1/users/{id}", () => {
  it("changes role and offices, seen on the next request", async () => {
    const u = await newUser(t);
    expect((await t.get("/v1/users", { token: u.token })).status).toBe(403);
    const res = await t.patch(`/v1/users/${u.id}`, { role: "admin", officeIds: [] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: "admin", officeIds: [] });
    expect((await t.get("/v1/users", { token: u.token })).status).toBe(200);
  });

  it("refuses what creating refuses, naming the field, and keeps the last enabled admin an admin", async () => {
    const u = await newUser(t);
    const admin = await newUser(t, "admin");
    const before = dumpTables(t);
    for (const [body, path] of [
      [{ officeIds: [] }, "officeIds"],
      [{ officeIds: ["nowhere"] }, "officeIds.0"],
      [{ role: "interviewer" }, "staffId"],
      [{ role: "owner" }, "role"],
      [{ name: "renamed" }, "name"],
    ] as const) {
      const res = await t.patch(`/v1/users/${u.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors[0].path).toBe(path);
    }
    expect((await t.patch(`/v1/users/${admin.id}`, { role: "scheduler", officeIds: ["bogota"] })).json.errors[0].path).toBe("role");
    expect(dumpTables(t)).toBe(before);
  });
});
