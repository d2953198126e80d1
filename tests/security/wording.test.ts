// Validation messages in answers to generated bad requests are plain words, never the
// validation library's own ("Invalid input: expected string, received undefined").
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type TestApp } from "../helpers/app.js";
import { at, booking, bookingApp, newCase } from "../helpers/booking.js";
import { generator, operations, type FuzzRequest } from "./requests.js";

const SEED = 20261203;
const BROKEN = 2_000; // bodies built to be refused
const MIXED = 1_000; // plausible requests with odd leaves and query values
const LIBRARY_WORDING = /Invalid (input|option|email|number|string|date)|expected|received|Too (big|small)|Unrecognized key/i;

let t: TestApp;
let requests: FuzzRequest[];

beforeAll(async () => {
  t = await bookingApp();
  const caseId = await newCase(t);
  const appointment = (await t.post("/v1/appointments", booking(caseId, at("10:00")))).json.id as string;
  const doc = (await t.get("/openapi.json", { token: null })).json;
  const pool = { id: ["bogota", "iom-counseling", "ana", caseId, appointment], closureId: ["clo_none"], timeOffId: ["tof_none"], date: ["2026-12-07"], caseId: [caseId] };
  const ops = operations(doc);
  const gen = generator(doc, pool, ADMIN);
  const writes = ops.filter((op) => op.method !== "GET");
  requests = [
    ...fc.sample(fc.oneof(...writes.map((op) => gen.request(op, true))), { numRuns: BROKEN, seed: SEED }),
    ...fc.sample(fc.oneof(...ops.map((op) => gen.request(op, false))), { numRuns: MIXED, seed: SEED + 1 }),
  ];
}, 60_000);
afterAll(() => t.close());

describe("validation wording under generated requests", () => {
  it("never passes on the library's wording, and names a field for every message", async () => {
    const findings: string[] = [];
    let validation = 0;
    for (const r of requests) {
      const res = await t.app.request(r.path, { method: r.method, headers: r.headers, body: r.body });
      if (res.status !== 422) continue;
      const problem = await res.json();
      if (problem.type !== "/problems/validation") continue;
      validation++;
      const messages: string[] = (problem.errors ?? []).map((e: { message: string }) => e.message);
      for (const text of [problem.detail as string, ...messages]) {
        if (LIBRARY_WORDING.test(text)) findings.push(`${r.method} ${r.path.slice(0, 80)} ${(r.body ?? "").slice(0, 120)} → ${text.slice(0, 200)}`);
      }
      if (!messages.length) findings.push(`${r.method} ${r.path.slice(0, 80)}: a validation problem without errors[]`);
    }
    expect(validation).toBeGreaterThan(1_000);
    expect(findings.slice(0, 20)).toEqual([]);
  }, 120_000);
});
