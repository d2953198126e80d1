import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota } from "../helpers/fixtures.js";

let t: TestApp;
beforeEach(() => {
  t = makeApp();
});
afterEach(() => t.close());

const isProblem = (res: { status: number; headers: Headers; json: any }) => {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.json.status).toBe(res.status);
  expect(typeof res.json.title).toBe("string");
  expect(typeof res.json.detail).toBe("string");
};

describe("errors are problem+json", () => {
  it("health needs no token", async () => {
    const res = await t.get("/health", { token: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok" });
  });

  it("an unknown route is a 404 problem", async () => {
    const res = await t.get("/v1/nothing-here");
    expect(res.status).toBe(404);
    isProblem(res);
    const outside = await t.get("/nothing", { token: null });
    expect(outside.status).toBe(404);
    isProblem(outside);
  });

  it("a missing or unknown token is 401", async () => {
    for (const token of [null, "wrong"]) {
      const res = await t.get("/v1/offices", { token });
      expect(res.status).toBe(401);
      expect(res.json.type).toBe("/problems/unauthorized");
      isProblem(res);
    }
    expect((await t.get("/v1/offices", { token: null, headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("malformed JSON is a 400 problem and writes nothing", async () => {
    const res = await t.post("/v1/offices", '{"id": "bogota",');
    expect(res.status).toBe(400);
    isProblem(res);
    expect((await t.get("/v1/offices")).json.items).toEqual([]);
  });

  it("a wrong content type is a 415 problem", async () => {
    const res = await t.post("/v1/offices", "id=bogota", { headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(415);
    isProblem(res);
  });

  it("a body over 64 KB is a 413 problem", async () => {
    const res = await t.post("/v1/offices", bogota({ address: "x".repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    isProblem(res);
  });

  it("an empty body where one is needed names the missing fields", async () => {
    const res = await t.call("POST", "/v1/offices");
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["name", "timeZone"]));
  });

  it("a JSON array or scalar where an object is expected is a 422", async () => {
    for (const body of ["[]", "42", "null", '"text"']) {
      const res = await t.post("/v1/offices", body);
      expect(res.status).toBe(422);
      isProblem(res);
    }
  });

  it("refuses unknown query parameters on lists, naming them", async () => {
    for (const path of ["/v1/offices", "/v1/cases", "/v1/staff", "/v1/appointments", "/v1/notifications"]) {
      const res = await t.get(`${path}?bogus=1`);
      expect(res.status, path).toBe(422);
      expect(res.json.errors[0].path).toBe("bogus");
    }
  });

  it("serves the OpenAPI 3.1 document and a docs page without scripts from elsewhere", async () => {
    const doc = await t.get("/openapi.json", { token: null });
    expect(doc.json.openapi).toBe("3.1.0");
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(["/v1/offices", "/v1/cases/{id}", "/v1/staff/{id}/availability"]));
    const page = await t.get("/docs", { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain("/v1/offices");
    expect(page.text).not.toMatch(/<script|https?:\/\/cdn/i);
  });
});
