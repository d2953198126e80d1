// The users pages: an admin lists and invites users, changes role and offices, disables and
// enables, lists and revokes sessions, creates and revokes API tokens, all through the API's
// domain functions; refusals are pages naming the field, and write nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, makeApp, type TestApp } from "../helpers/app.js";
import { quito, session, signInCookie, textOf, type Session } from "../helpers/console.js";
import { seedBasics } from "../helpers/fixtures.js";
import { dumpTables } from "../security/db.js";

let t: TestApp;
let admin: Session;
let desk: { id: string; token: string };

beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
  await t.post("/v1/offices", quito());
  desk = (await t.post("/v1/users", { name: "Sofía Desk", email: "sofia.desk@example.org", role: "scheduler", officeIds: ["bogota"] })).json;
  admin = session(t, ADMIN);
  await admin.cookie();
});
afterEach(() => t.close());

const queue = (cookie: string) => t.app.request("/console/queue", { headers: { cookie } });
const outbox = () => t.database.sqlite.prepare('SELECT kind, "to", channel, status FROM notifications').all();

describe("users list and invitations", () => {
  it("lists users and invites one: the user is made by the API's rules and an email is queued", async () => {
    const list = await admin.get("/console/users");
    expect(list.status).toBe(200);
    expect(textOf(list.text)).toMatch(/Sofía Desk sofia\.desk@example\.org Scheduler SMO Bogotá Enabled/);
    expect(list.text).toContain('href="/console/users"');

    const res = await admin.post("/console/users", { name: "Marta Nueva", email: "marta@example.org", role: "scheduler", officeIds: "quito" });
    expect(res.status).toBe(303);
    const shown = await admin.get(res.location!);
    expect(textOf(shown.text)).toContain("Invited: an email is on its way to marta@example.org.");
    const made = (await t.get("/v1/users")).json.items.find((u: { email: string }) => u.email === "marta@example.org");
    expect(made).toMatchObject({ name: "Marta Nueva", role: "scheduler", officeIds: ["quito"], disabled: false });
    expect(outbox()).toEqual([{ kind: "staff-invite:en", to: "marta@example.org", channel: "email", status: "pending" }]);
  });

  it("refuses an invitation the API's rules refuse, naming the field, and writes nothing", async () => {
    const before = dumpTables(t);
    for (const [fields, words] of [
      [{ name: "No Office", email: "a@example.org", role: "scheduler" }, "Offices: a scheduler needs at least one office."],
      [{ name: "Twin", email: "SOFIA.DESK@example.org", role: "scheduler", officeIds: "bogota" }, "Email: an enabled user already has this email address."],
      [{ name: "Bad", email: "not-an-email", role: "scheduler", officeIds: "bogota" }, "Email: must be an email address."],
      [{ name: "", email: "b@example.org", role: "admin" }, "Name: is required."],
      [{ name: "Two\nlines", email: "c@example.org", role: "admin" }, "name: must be one line"],
    ] as const) {
      const res = await admin.post("/console/users", fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(textOf(res.text)).toContain(words);
    }
    expect(dumpTables(t)).toBe(before);
  });
});

describe("many users", () => {
  it("lists them 100 a page, every user on exactly one page", async () => {
    for (let i = 0; i < 120; i++) await t.post("/v1/users", { name: `Staff ${i}`, email: `staff${i}@example.org`, role: "admin" });
    const first = await admin.get("/console/users");
    const next = /href="(\/console\/users\?cursor=[^"]+)"/.exec(first.text)![1]!.replace(/&amp;/g, "&");
    const second = await admin.get(next);
    const names = (html: string) => [...html.matchAll(/href="\/console\/users\/usr_\w+">([^<]+)</g)].map((m) => m[1]!);
    expect(names(first.text)).toHaveLength(100);
    expect([...names(first.text), ...names(second.text)].sort()).toEqual(["Sofía Desk", ...Array.from({ length: 120 }, (_, i) => `Staff ${i}`)].sort());
    expect(second.text).not.toContain("cursor=");
  });
});

describe("a user's page", () => {
  it("changes role and offices through the API's rules", async () => {
    const res = await admin.post(`/console/users/${desk.id}`, { role: "scheduler", officeIds: "quito" });
    expect(res.status).toBe(303);
    expect(textOf((await admin.get(res.location!)).text)).toContain("Saved.");
    expect((await t.get(`/v1/users/${desk.id}`)).json.officeIds).toEqual(["quito"]);
    const before = dumpTables(t);
    const refused = await admin.post(`/console/users/${desk.id}`, { role: "scheduler" });
    expect(refused.status).toBe(422);
    expect(textOf(refused.text)).toContain("Offices: a scheduler needs at least one office.");
    expect(dumpTables(t)).toBe(before);
  });

  it("disables (every session ends, tokens refused) and enables", async () => {
    const cookie = (await signInCookie(t, desk.token))!;
    expect((await admin.post(`/console/users/${desk.id}/disable`)).status).toBe(303);
    expect((await queue(cookie)).status).toBe(303);
    expect((await t.get("/v1/offices", { token: desk.token })).status).toBe(401);
    expect(textOf((await admin.get(`/console/users/${desk.id}`)).text)).toContain("Disabled");
    expect((await admin.post(`/console/users/${desk.id}/enable`)).status).toBe(303);
    expect((await t.get("/v1/offices", { token: desk.token })).status).toBe(200);
  });

  it("lists sessions (how, opened, last used) and revokes one, then all", async () => {
    const first = (await signInCookie(t, desk.token))!;
    t.clock.advance(5 * 60_000);
    const second = (await signInCookie(t, desk.token))!;
    const page = await admin.get(`/console/users/${desk.id}`);
    expect(textOf(page.text)).toMatch(/Token 23 Nov 2026, 12:05 UTC 23 Nov 2026, 12:05 UTC Revoke Token 23 Nov 2026, 12:00 UTC 23 Nov 2026, 12:00 UTC Revoke/);
    const handles = [...page.text.matchAll(/sessions\/([0-9a-f]{16})\/revoke/g)].map((m) => m[1]!);
    expect(handles).toHaveLength(2);
    // The page never shows a session id or its hash in full.
    expect(page.text).not.toMatch(/[0-9a-f]{64}/);
    expect((await admin.post(`/console/users/${desk.id}/sessions/${handles[1]}/revoke`)).status).toBe(303);
    expect((await queue(first)).status).toBe(303);
    expect((await queue(second)).status).toBe(200);
    const again = await admin.post(`/console/users/${desk.id}/sessions/${handles[1]}/revoke`);
    expect(textOf((await admin.get(again.location!)).text)).toContain("That session had already ended.");
    expect((await admin.post(`/console/users/${desk.id}/sessions/revoke`)).status).toBe(303);
    expect((await queue(second)).status).toBe(303);
    expect(textOf((await admin.get(`/console/users/${desk.id}`)).text)).toContain("No open sessions.");
  });

  it("creates a named token shown once, and revokes it", async () => {
    const made = await admin.post(`/console/users/${desk.id}/tokens`, { name: "reporting robot" });
    expect(made.status).toBe(200);
    expect(made.headers.get("cache-control")).toBe("no-store");
    const token = /<code>(cita_[\w-]+)<\/code>/.exec(made.text)![1]!;
    expect(textOf(made.text)).toContain('The token "reporting robot" is shown below only this once.');
    expect((await t.get("/v1/offices", { token })).status).toBe(200);
    const page = await admin.get(`/console/users/${desk.id}`);
    expect(page.text).not.toContain(token);
    expect(textOf(page.text)).toMatch(/reporting robot 23 Nov 2026, 12:00 UTC 23 Nov 2026, 12:00 UTC/);
    const tokenId = [...page.text.matchAll(/tokens\/(tok_\w+)\/revoke/g)].map((m) => m[1]!).at(-1)!;
    expect((await admin.post(`/console/users/${desk.id}/tokens/${tokenId}/revoke`)).status).toBe(303);
    expect((await t.get("/v1/offices", { token })).status).toBe(401);
    expect((await t.get("/v1/offices", { token: desk.token })).status).toBe(200);
    const empty = await admin.post(`/console/users/${desk.id}/tokens`, { name: "" });
    expect(empty.status).toBe(422);
    expect(textOf(empty.text)).toContain("Token name");
  });

  it("refuses every form without the session's form token, and an unknown user with a 404 page", async () => {
    const before = dumpTables(t);
    for (const path of [
      `/console/users`,
      `/console/users/${desk.id}`,
      `/console/users/${desk.id}/disable`,
      `/console/users/${desk.id}/tokens`,
      `/console/users/${desk.id}/sessions/revoke`,
    ]) {
      expect((await admin.post(path, { name: "x", email: "x@example.org", role: "admin" }, { csrf: null })).status, path).toBe(403);
    }
    expect(dumpTables(t)).toBe(before);
    expect((await admin.get("/console/users/usr_nobody")).status).toBe(404);
  });

  it("speaks Spanish with dates by locale", async () => {
    await signInCookie(t, desk.token);
    const res = await t.app.request(`/console/users/${desk.id}`, { headers: { cookie: await admin.cookie(), "accept-language": "es" } });
    const page = textOf(await res.text());
    expect(page).toContain("Rol y oficinas");
    expect(page).toContain("Token de personal");
    expect(page).toMatch(/23 nov 2026, 12:00 UTC/);
  });
});
