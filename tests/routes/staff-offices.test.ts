// A scheduler of one office works on the schedule of an interviewer who also works for another
// office: only the rules of the scheduler's own offices change, the other office's rows survive
// byte for byte, time off (which blocks every office) and feed tokens are out of reach.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota, counselor, counseling, token } from "../helpers/fixtures.js";
import { dumpTables } from "../security/db.js";

let t: TestApp;
const as: Record<string, string> = {};

const rule = (officeId: string, over: Record<string, unknown> = {}) => ({ rrule: "FREQ=WEEKLY;BYDAY=MO,WE", start: "09:00", end: "13:00", officeId, ...over });
const quitoRules = [
  rule("quito", { rrule: "FREQ=WEEKLY;BYDAY=TU,TH", timeZone: "America/Guayaquil", validFrom: "2026-12-01" }),
  rule("quito", { rrule: "FREQ=WEEKLY;BYDAY=FR", start: "14:00", end: "17:00" }),
];
const leave = { start: "2027-01-04T00:00:00Z", end: "2027-01-05T00:00:00Z", reason: "Leave" };

/** The stored rows, exactly as the database holds them. */
const rows = (sql: string, ...params: unknown[]) => JSON.stringify(t.database.sqlite.prepare(sql).all(...params));
const quitoRows = () => rows("SELECT * FROM availability_rules WHERE staff_id = 'cruz' AND office_id = 'quito' ORDER BY id");

beforeEach(async () => {
  t = makeApp();
  await t.post("/v1/offices", bogota());
  await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
  await t.post("/v1/services", counseling());
  await t.post("/v1/staff", counselor());
  await t.post("/v1/staff", counselor({ id: "cruz", officeIds: ["bogota", "quito"] }));
  expect((await t.put("/v1/staff/cruz/availability", [rule("bogota"), ...quitoRules])).status).toBe(200);
  as.bogota = await token(t, { role: "scheduler", officeIds: ["bogota"] });
  as.both = await token(t, { role: "scheduler", officeIds: ["bogota", "quito"] });
  as.cruz = await token(t, { role: "interviewer", staffId: "cruz" });
});
afterEach(() => t.close());

describe("availability written by a scheduler of one office", () => {
  it("replaces only that office's rules and leaves the other office's rows byte-identical", async () => {
    const before = quitoRows();
    expect(JSON.parse(before)).toHaveLength(2);
    const res = await t.put("/v1/staff/cruz/availability", [rule("bogota", { rrule: "FREQ=WEEKLY;BYDAY=FR", start: "08:00", end: "12:00" })], { token: as.bogota });
    expect(res.status, res.text).toBe(200);
    expect(quitoRows()).toBe(before);
    expect(res.json.filter((r: { officeId: string }) => r.officeId === "bogota")).toEqual([
      { ...rule("bogota"), rrule: "FREQ=WEEKLY;BYDAY=FR", start: "08:00", end: "12:00", timeZone: "America/Bogota", validFrom: null, validUntil: null },
    ]);
    expect(res.json.filter((r: { officeId: string }) => r.officeId === "quito")).toHaveLength(2);
  });

  it("clears only that office's rules with an empty list", async () => {
    const before = quitoRows();
    expect((await t.put("/v1/staff/cruz/availability", [], { token: as.bogota })).status).toBe(200);
    expect(quitoRows()).toBe(before);
    expect((await t.get("/v1/staff/cruz/availability")).json.map((r: { officeId: string }) => r.officeId)).toEqual(["quito", "quito"]);
  });

  it("refuses a rule for an office not theirs with a 403 naming the field, and writes nothing", async () => {
    const before = dumpTables(t, ["api_tokens"]);
    const res = await t.put("/v1/staff/cruz/availability", [rule("bogota"), rule("quito")], { token: as.bogota });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json).toMatchObject({ type: "/problems/forbidden", status: 403 });
    expect(res.json.errors).toEqual([{ path: "1.officeId", message: "office 'quito' is not one of yours" }]);
    expect(res.json.detail).toContain("1.officeId");
    expect(dumpTables(t, ["api_tokens"])).toBe(before);
  });

  it("lets a scheduler of both offices, the interviewer and an admin replace the whole set", async () => {
    for (const who of [as.both, as.cruz, undefined]) {
      const res = await t.put("/v1/staff/cruz/availability", [rule("quito")], who ? { token: who } : {});
      expect(res.status, res.text).toBe(200);
      expect(res.json.map((r: { officeId: string }) => r.officeId)).toEqual(["quito"]);
      await t.put("/v1/staff/cruz/availability", [rule("bogota"), ...quitoRules]);
    }
  });

  it("still refuses rules for an office the member does not work for (422), even their own office's scheduler", async () => {
    await t.post("/v1/offices", bogota({ id: "cali" }));
    const scheduler = await token(t, { role: "scheduler", officeIds: ["bogota", "cali"] });
    const res = await t.put("/v1/staff/cruz/availability", [rule("cali")], { token: scheduler });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(["0.officeId"]);
  });
});

describe("time off, which blocks the member in every office", () => {
  it("is out of reach for a scheduler of only one of the member's offices, both ways", async () => {
    const existing = (await t.post("/v1/staff/cruz/time-off", leave)).json.id;
    const before = dumpTables(t, ["api_tokens"]);
    const added = await t.post("/v1/staff/cruz/time-off", leave, { token: as.bogota });
    expect(added.status).toBe(403);
    expect(added.json.detail).toContain("'quito'");
    expect((await t.del(`/v1/staff/cruz/time-off/${existing}`, { token: as.bogota })).status).toBe(403);
    expect(dumpTables(t, ["api_tokens"])).toBe(before);
    // Reading it stays allowed: the scheduler plans around it.
    expect((await t.get("/v1/staff/cruz/time-off", { token: as.bogota })).json.items).toHaveLength(1);
  });

  it("is the scheduler's to change for staff who work only in their offices, and the member's or an admin's always", async () => {
    const mine = await t.post("/v1/staff/ana/time-off", leave, { token: as.bogota });
    expect(mine.status).toBe(201);
    expect((await t.del(`/v1/staff/ana/time-off/${mine.json.id}`, { token: as.bogota })).status).toBe(204);
    for (const who of [as.both, as.cruz, undefined]) {
      const made = await t.post("/v1/staff/cruz/time-off", leave, who ? { token: who } : {});
      expect(made.status, made.text).toBe(201);
      expect((await t.del(`/v1/staff/cruz/time-off/${made.json.id}`, who ? { token: who } : {})).status).toBe(204);
    }
  });
});

describe("feed tokens", () => {
  it("are the interviewer's own or an admin's to rotate: any scheduler gets 403 and the old feed keeps working", async () => {
    const issued = await t.post("/v1/staff/cruz/feed-token", undefined, { token: as.cruz });
    expect(issued.status).toBe(201);
    const hash = () => rows("SELECT feed_token_hash FROM staff WHERE id = 'cruz'");
    const before = hash();
    for (const scheduler of [as.bogota, as.both]) {
      const res = await t.post("/v1/staff/cruz/feed-token", undefined, { token: scheduler });
      expect(res.status).toBe(403);
      expect(res.json.type).toBe("/problems/forbidden");
    }
    expect((await t.post("/v1/staff/ana/feed-token", undefined, { token: as.bogota })).status).toBe(403);
    expect(hash()).toBe(before);
    expect((await t.app.request(new URL(issued.json.url).pathname + new URL(issued.json.url).search)).status).toBe(200);
    expect((await t.post("/v1/staff/cruz/feed-token")).status).toBe(201);
    expect(hash()).not.toBe(before);
  });
});
