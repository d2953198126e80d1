// What a repeated Idempotency-Key answers: the first success without its secrets (a link made
// again, a once-shown token refused with a 409), and what happens to a claim nobody finished.
import { afterEach, describe, expect, it } from "vitest";
import { idempotencyKeys } from "../../src/db/schema.js";
import { CLAIM_MS } from "../../src/http/idempotency.js";
import { sha256Hex } from "../../src/lib/ids.js";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { book, open } from "../applicant/helpers.js";

let t: TestApp;
afterEach(() => t?.close());

const key = (k: string) => ({ headers: { "idempotency-key": k } });
const storedRows = () => t.database.sqlite.prepare("SELECT * FROM idempotency_keys").all() as Record<string, unknown>[];

describe("Idempotency-Key replays", () => {
  it("refuses to replay a new user's token with a 409 naming it, and creates no second user", async () => {
    t = await bookingApp();
    const body = { name: "New", email: "new@example.org", role: "scheduler", officeIds: ["bogota"] };
    const first = await t.post("/v1/users", body, key("user-1"));
    expect(first.status).toBe(201);
    const again = await t.post("/v1/users", body, key("user-1"));
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(again.json).toMatchObject({ type: "/problems/conflict", status: 409, withheld: ["token"] });
    expect(again.json.detail).toMatch(/token.*shown only once/);
    expect(again.text).not.toContain(first.json.token);
    expect((await t.get("/v1/users")).json.items.filter((u: { email: string }) => u.email === "new@example.org")).toHaveLength(1);
    // The first token still works: the repeat changed nothing.
    expect((await t.get("/v1/offices", { token: first.json.token })).status).toBe(200);
  });

  it("withholds a feed token and every URL that carries it", async () => {
    t = await bookingApp();
    const first = await t.post("/v1/staff/ana/feed-token", undefined, key("feed-1"));
    expect(first.status).toBe(201);
    const again = await t.post("/v1/staff/ana/feed-token", undefined, key("feed-1"));
    expect(again.status).toBe(409);
    expect(again.json.withheld).toEqual(["token", "url", "webcalUrl"]);
    expect(storedRows()[0]).toMatchObject({ status: 201, withheld: "token,url,webcalUrl" });
    // Not re-issued: the first feed URL still opens.
    expect((await t.get(new URL(first.json.url).pathname + new URL(first.json.url).search, { token: null })).status).toBe(200);
  });

  it("replays a booking with its applicant link made again from the appointment, the current one", async () => {
    t = await bookingApp();
    const body = booking(await newCase(t), at("10:00"));
    const first = await t.post("/v1/appointments", body, key("book-1"));
    expect(storedRows()[0]!.body).toContain('"selfServiceUrl":null');
    const again = await t.post("/v1/appointments", body, key("book-1"));
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);

    // After the link was re-issued, the replay hands out the new link: the old one is dead.
    const relinked = await t.post(`/v1/appointments/${first.json.id}/link`);
    const later = await t.post("/v1/appointments", body, key("book-1"));
    expect(later.json.selfServiceUrl).toBe(relinked.json.selfServiceUrl);
    expect((await open(t, new URL(later.json.selfServiceUrl).pathname)).status).toBe(200);
    expect((await open(t, new URL(first.json.selfServiceUrl).pathname)).status).toBe(404);
  });

  it("keeps nothing for a refused request, so the same key is judged afresh", async () => {
    t = await bookingApp();
    const taken = await book(t, at("10:00"));
    const caseId = await newCase(t);
    const refused = await t.post("/v1/appointments", booking(caseId, at("10:00"), { staffId: "ana" }), key("k"));
    expect(refused.status).toBe(409);
    expect(storedRows()).toEqual([]);
    await t.post(`/v1/appointments/${taken.appointment.id}/cancel`, { reason: "freed" });
    expect((await t.post("/v1/appointments", booking(caseId, at("10:00"), { staffId: "ana" }), key("k"))).status).toBe(201);
  });
});

describe("a claim left by a process that died mid-request", () => {
  it("answers 409 in progress while it is recent, and lets the key be used once it expired", async () => {
    t = await bookingApp();
    const body = booking(await newCase(t), at("10:00"));
    const scope = await sha256Hex(`admin-token\nPOST\n/v1/appointments\nlost-1`);
    await t.database.db.insert(idempotencyKeys).values({ key: scope, requestHash: await sha256Hex(JSON.stringify(body)), status: 0, body: "", createdAt: t.clock.now() });

    const waiting = await t.post("/v1/appointments", body, key("lost-1"));
    expect(waiting.status).toBe(409);
    expect(waiting.json.type).toBe("/problems/conflict");
    expect(waiting.json.detail).toMatch(/still in progress/);
    expect(waiting.headers.get("retry-after")).toBe("1");
    const otherBody = await t.post("/v1/appointments", { ...body, start: at("11:00") }, key("lost-1"));
    expect(otherBody.status).toBe(422);
    expect((await t.get("/v1/appointments")).json.items).toHaveLength(0);

    t.clock.advance(CLAIM_MS + 1);
    const retried = await t.post("/v1/appointments", body, key("lost-1"));
    expect(retried.status).toBe(201);
    expect((await t.post("/v1/appointments", body, key("lost-1"))).json).toEqual(retried.json);
    expect((await t.get("/v1/appointments")).json.items).toHaveLength(1);
  });
});
