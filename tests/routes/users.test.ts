import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics } from "../helpers/fixtures.js";
import { users } from "../../src/db/schema.js";
import { sha256Hex } from "../../src/lib/ids.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
});
afterEach(() => t.close());

describe("users and tokens", () => {
  it("returns the token once and stores only its hash", async () => {
    const res = await t.post("/v1/users", { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
    expect(res.status).toBe(201);
    const { token, id } = res.json;
    expect(token).toMatch(/^cita_[A-Za-z0-9_-]{40,}$/);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row!.tokenHash).toBe(await sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await t.get("/v1/users");
    expect(JSON.stringify(list.json)).not.toContain(token);
    expect(list.json.items[0]).not.toHaveProperty("token");
    expect((await t.get("/v1/offices", { token })).status).toBe(200);
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
