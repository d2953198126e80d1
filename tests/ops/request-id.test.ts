// Every answer names its request in X-Request-Id: a sane id from the client is kept (a proxy's id
// then follows the request), anything else is replaced by a fresh one.
import { describe, expect, it } from "vitest";
import { jsonLogger } from "../../src/lib/logger.js";
import { makeApp } from "../helpers/app.js";
import { bogota } from "../helpers/fixtures.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("X-Request-Id", () => {
  it("is on every kind of answer: JSON, problem+json, no route, the applicant's and the console's pages", async () => {
    const t = makeApp();
    const answers = [
      await t.call("GET", "/health"),
      await t.call("GET", "/v1/offices"),
      await t.call("GET", "/v1/offices", { token: null }),
      await t.call("POST", "/v1/offices", { body: { nope: 1 } }),
      await t.call("GET", "/no/such/route"),
      await t.call("GET", "/a/not-a-real-link", { token: null }),
      await t.call("GET", "/console", { token: null }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 422, 404, 404, expect.any(Number)]);
    const ids = answers.map((a) => a.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps a sane incoming id and replaces one that is too long or has other characters", async () => {
    const t = makeApp();
    const idOf = async (sent: string) => (await t.call("GET", "/health", { headers: { "x-request-id": sent } })).headers.get("x-request-id");
    for (const sane of ["abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "trace_id=7", "x".repeat(128)]) expect(await idOf(sane)).toBe(sane);
    for (const odd of ["x".repeat(129), "has space", "ana@example.org", "+573001234567", "a/b", "ñ", "<script>", "a;b"]) {
      const id = await idOf(odd);
      expect(id, odd).toMatch(UUID);
    }
  });

  it("names the request on its access line and on the error line of a failure", async () => {
    const t = makeApp({ wrap: (database) => ({ ...database, batch: async () => Promise.reject(new Error("disk I/O error")) }) });
    const lines: Record<string, unknown>[] = [];
    t.deps.logger = jsonLogger((line) => lines.push(JSON.parse(line)));
    const failed = await t.call("POST", "/v1/offices", { body: bogota(), headers: { "x-request-id": "req-500" } });
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-request-id")).toBe("req-500");
    expect(lines.map((l) => [l.message, l.requestId])).toEqual([
      ["unhandled error", "req-500"],
      ["request", "req-500"],
    ]);
    expect(lines[1]).toMatchObject({ method: "POST", route: "/v1/offices", status: 500 });
  });
});
