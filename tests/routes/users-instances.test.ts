// Revocation across database connections, as several processes or Worker isolates have them:
// a change made through one app instance holds at once in another on the same file, and two
// admins disabling each other at once cannot both win.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gate } from "../helpers/gate.js";
import { makeApp, type TestApp } from "../helpers/app.js";
import { newUser, seedBasics } from "../helpers/fixtures.js";
import { signInCookie } from "../helpers/console.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterEach(() => t.close());

const user = (role?: "admin" | "scheduler") => newUser(t, role);

describe("two app instances on one database file", () => {
  it("sees a disable, an enable and a rotation made through the other at once, API and console alike", async () => {
    const u = await user();
    const other = makeApp({ file: t.file });
    try {
      // Warm the other instance: its caches have seen this token and this session.
      const cookie = (await signInCookie(other, u.token))!;
      const page = async () => (await other.app.request("/console/queue", { headers: { cookie } })).status;
      expect((await other.get("/v1/offices", { token: u.token })).status).toBe(200);
      expect(await page()).toBe(200);

      await t.post(`/v1/users/${u.id}/disable`);
      expect((await other.get("/v1/offices", { token: u.token })).status).toBe(401);
      expect(await page()).toBe(303);
      expect((await other.get(`/v1/users/${u.id}`)).json.disabled).toBe(true);

      await t.post(`/v1/users/${u.id}/enable`);
      expect((await other.get("/v1/offices", { token: u.token })).status).toBe(200);
      const rotated = (await t.post(`/v1/users/${u.id}/token`)).json.token;
      expect((await other.get("/v1/offices", { token: u.token })).status).toBe(401);
      expect((await other.get("/v1/offices", { token: rotated })).status).toBe(200);
    } finally {
      other.database.close();
    }
  });
});

describe("admins disabling each other", () => {
  it("lets only one of two admins disabling each other at once succeed, over two connections", async () => {
    const a = await user("admin");
    const b = await user("admin");
    // Both requests pass every check before either writes: only the UPDATE's own condition decides.
    const wrap = gate(2);
    const [one, two] = [makeApp({ file: t.file, wrap }), makeApp({ file: t.file, wrap })];
    try {
      const [ab, ba] = await Promise.all([
        one.post(`/v1/users/${b.id}/disable`, undefined, { token: a.token }),
        two.post(`/v1/users/${a.id}/disable`, undefined, { token: b.token }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 409]);
      const enabled = (await t.get("/v1/users")).json.items.filter((u: { role: string; disabled: boolean }) => u.role === "admin" && !u.disabled);
      expect(enabled).toHaveLength(1);
    } finally {
      one.database.close();
      two.database.close();
    }
  });
});
