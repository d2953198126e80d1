// 10,000 requests generated from the served /openapi.json: no 5xx, every refusal is problem+json,
// and a refused request writes nothing. Fixed seed, so a failure reproduces.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type TestApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase } from "../helpers/booking.js";
import { generator, operations, type FuzzRequest } from "./requests.js";
import { dumpTables, rowCounts } from "./db.js";

const SEED = 20261207;
const PLAUSIBLE = 7_000; // mixed requests against a live world
const BROKEN = 3_000; // only requests that must be refused, against a second world

interface Finding {
  kind: string;
  op: string;
  status: number;
  request: string;
  response: string;
}

/** A Bogotá office, a service, staff with rules, a room, a closure, time off, a case and an appointment. */
async function world() {
  const t = await bookingApp();
  const caseId = await newCase(t);
  const appointment = (await t.post("/v1/appointments", booking(caseId, at("10:00")))).json.id as string;
  await t.post("/v1/offices/bogota/rooms", { id: "sala-1", name: "Sala 1" });
  const closureId = (await t.post("/v1/offices/bogota/closures", { date: "2027-01-06", reason: "Closed" })).json.id as string;
  const timeOffId = (await t.post("/v1/staff/ana/time-off", { start: "2027-01-04T00:00:00Z", end: "2027-01-05T00:00:00Z", reason: "Leave" })).json.id as string;
  const doc = (await t.get("/openapi.json")).json;
  const pool = { id: ["bogota", "iom-counseling", "ana", caseId, appointment], closureId: [closureId], timeOffId: [timeOffId], date: ["2026-12-07"], caseId: [caseId] };
  return { t, doc, pool };
}

const show = (r: FuzzRequest) => `${r.method} ${r.path.slice(0, 200)} ${JSON.stringify(r.headers)} ${(r.body ?? "").slice(0, 300)}`;

async function send(t: TestApp, r: FuzzRequest) {
  const res = await t.app.request(r.path, { method: r.method, headers: r.headers, body: r.body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

function check(r: FuzzRequest, res: { status: number; type: string; text: string }, findings: Finding[]) {
  const add = (kind: string) => findings.push({ kind, op: r.op, status: res.status, request: show(r), response: res.text.slice(0, 300) });
  if (res.status >= 500) add("5xx");
  if (res.status < 400) return;
  if (res.type !== "application/problem+json") return add("not problem+json");
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(res.text);
  } catch {
    return add("problem body is not JSON");
  }
  const fields = ["type", "title", "detail"].every((k) => typeof body![k] === "string");
  if (!fields || body!.status !== res.status) add("problem fields or status");
}

const mutating = (r: FuzzRequest) => r.method !== "GET" && r.method !== "HEAD";
const findings: Finding[] = [];
const tally: Record<string, number> = {};
let plausible: Awaited<ReturnType<typeof world>>;
let strict: Awaited<ReturnType<typeof world>>;
let before = "";
let beforeOthers = "";

describe("fuzzing every operation of /openapi.json", () => {
  beforeAll(async () => {
    plausible = await world();
    strict = await world();
    const ops = operations(plausible.doc);
    const gen = generator(plausible.doc, plausible.pool, ADMIN);
    const mixed = fc.sample(fc.oneof(...ops.map((op) => gen.request(op, false))), { numRuns: PLAUSIBLE, seed: SEED });
    const genStrict = generator(strict.doc, strict.pool, ADMIN);
    const writes = ops.filter((op) => op.method !== "GET");
    const broken = fc.sample(fc.oneof(...writes.map((op) => genStrict.request(op, true))), { numRuns: BROKEN, seed: SEED + 1 });

    for (const r of mixed) {
      // Row counts and the cache counters around every refused write: nothing may change.
      const counts = mutating(r) ? rowCounts(plausible.t, ["idempotency_keys"]) : null;
      const keys = mutating(r) ? rowCounts(plausible.t) : null;
      const res = await send(plausible.t, r);
      check(r, res, findings);
      tally[`${Math.floor(res.status / 100)}xx`] = (tally[`${Math.floor(res.status / 100)}xx`] ?? 0) + 1;
      if (counts && res.status >= 400) {
        const after = rowCounts(plausible.t, ["idempotency_keys"]);
        if (after !== counts) findings.push({ kind: "refused write changed rows", op: r.op, status: res.status, request: show(r), response: `${counts} -> ${after}` });
        else if (rowCounts(plausible.t) !== keys) findings.push({ kind: "refused write stored a key", op: r.op, status: res.status, request: show(r), response: "" });
      }
    }
    before = dumpTables(strict.t);
    beforeOthers = dumpTables(strict.t, ["idempotency_keys"]);
    for (const r of broken) {
      const res = await send(strict.t, r);
      check(r, res, findings);
      tally[`${Math.floor(res.status / 100)}xx`] = (tally[`${Math.floor(res.status / 100)}xx`] ?? 0) + 1;
      if (res.status < 400) findings.push({ kind: "broken request accepted", op: r.op, status: res.status, request: show(r), response: res.text.slice(0, 300) });
    }
    console.log(
      JSON.stringify({
        name: "security-fuzz",
        requests: mixed.length + broken.length,
        plausible: mixed.length,
        broken: broken.length,
        byStatus: tally,
        findings: Object.fromEntries([...new Set(findings.map((f) => f.kind))].map((k) => [k, findings.filter((f) => f.kind === k).length])),
      }),
    );
  }, 120_000);
  afterAll(() => {
    plausible?.t.close();
    strict?.t.close();
  });

  const of = (kind: string) => findings.filter((f) => f.kind === kind);

  it("answers no request with a 5xx", () => {
    expect(of("5xx")).toEqual([]);
  });

  it("answers every refusal with problem+json", () => {
    expect([...of("not problem+json"), ...of("problem body is not JSON")]).toEqual([]);
  });

  // A 409 from a transition once carried the appointment's state in `status`, overwriting the number.
  it("answers every refusal with type, title, detail and a status equal to the HTTP status", () => {
    expect(of("problem fields or status")).toEqual([]);
  });

  it("writes no row and bumps no counter for a refused request", () => {
    expect(of("refused write changed rows")).toEqual([]);
  });

  it("refuses every broken request and leaves the database's content as it was", () => {
    expect(of("broken request accepted")).toEqual([]);
    expect(dumpTables(strict.t, ["idempotency_keys"])).toBe(beforeOthers);
  });

  // Only successful answers are remembered for an Idempotency-Key: a refused request writes nothing.
  it("stores no Idempotency-Key answer for a refused request", () => {
    expect(of("refused write stored a key")).toEqual([]);
    expect(dumpTables(strict.t)).toBe(before);
  });
});
