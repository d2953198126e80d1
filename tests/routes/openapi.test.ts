// The served reference: built once per app, complete enough to book from, every $ref resolvable.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";

type Json = Record<string, any>;
const methods = ["get", "post", "put", "patch", "delete"];
const mutating = ["post", "put", "patch", "delete"];

let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = makeApp();
  doc = (await t.get("/openapi.json", { token: null })).json;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Json, name: `${m.toUpperCase()} ${path}` })),
  );

/** Every `$ref` in the document with where it sits. */
function refs(node: unknown, at = "#", out: { at: string; ref: string }[] = []) {
  if (Array.isArray(node)) node.forEach((v, i) => refs(v, `${at}/${i}`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push({ at, ref: v });
      else refs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

const pointer = (ref: string) =>
  ref
    .replace(/^#\//, "")
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
const resolve = (ref: string): unknown => pointer(ref).reduce<any>((node, key) => (node && Object.hasOwn(node, key) ? node[key] : undefined), doc);
const deref = (v: Json): Json => (v.$ref ? deref(resolve(v.$ref) as Json) : v);

describe("/openapi.json and /docs", () => {
  it("are built once per app and then served from the same bytes, with an ETag", async () => {
    const fresh = makeApp();
    const generate = vi.spyOn(fresh.app, "getOpenAPI31Document");
    try {
      const first = await fresh.get("/openapi.json", { token: null });
      const again = await Promise.all([1, 2, 3].map(() => fresh.get("/openapi.json", { token: null })));
      const pages = await Promise.all([1, 2].map(() => fresh.get("/docs", { token: null })));
      expect(generate).toHaveBeenCalledTimes(1);
      for (const r of again) expect(r.text).toBe(first.text);
      expect(pages[1]!.text).toBe(pages[0]!.text);
      expect(first.headers.get("content-type")).toContain("application/json");
      expect(pages[0]!.headers.get("content-type")).toContain("text/html");

      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(first.headers.get("cache-control")).toContain("max-age");
      const revalidated = await fresh.get("/openapi.json", { token: null, headers: { "if-none-match": etag } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.text).toBe("");
      expect((await fresh.get("/openapi.json", { token: null, headers: { "if-none-match": `"other", W/${etag}` } })).status).toBe(304);
      expect((await fresh.get("/openapi.json", { token: null, headers: { "if-none-match": '"other"' } })).status).toBe(200);
      expect(generate).toHaveBeenCalledTimes(1);
    } finally {
      fresh.close();
    }
  });

  it("resolves every $ref it contains", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    const broken = all.filter(({ ref }) => !ref.startsWith("#/") || resolve(ref) === undefined);
    expect(broken).toEqual([]);
  });

  it("writes every pattern as a plain regular expression, without flags glued on", () => {
    const patterns: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "pattern" && typeof v === "string") patterns.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) {
      expect(p, p).not.toMatch(/\/[a-z]*$/);
      expect(() => new RegExp(p, "u"), p).not.toThrow();
    }
  });

  it("gives every operation a summary, and every role-limited one a description", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    expect(ops.filter(({ op }) => typeof op.summary !== "string" || op.summary.length < 5).map((o) => o.name)).toEqual([]);
    const v1 = ops.filter((o) => o.path.startsWith("/v1/") && !o.path.endsWith("/feed.ics"));
    expect(v1.filter(({ op }) => !/admin/i.test(op.description ?? "") && !/every role/i.test(op.description ?? "")).map((o) => o.name)).toEqual([]);
  });

  it("documents the error answers of every /v1 operation as problem+json", () => {
    for (const { name, path, op } of operations().filter((o) => o.path.startsWith("/v1/"))) {
      const errors = Object.entries<Json>(op.responses).filter(([code]) => /^[45]/.test(code));
      expect(
        errors.map(([code]) => code),
        name,
      ).toContain("401");
      if (!path.endsWith("/feed.ics"))
        expect(
          errors.map(([code]) => code),
          name,
        ).toEqual(expect.arrayContaining(["403", "404", "422"]));
      for (const [code, response] of errors) {
        const schema = deref(deref(response).content?.["application/problem+json"]?.schema ?? {});
        expect(Object.keys(schema.properties ?? {}), `${name} ${code}`).toEqual(expect.arrayContaining(["type", "title", "status", "detail", "errors"]));
      }
      if (op.requestBody) expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(["400", "413", "415"]));
    }
  });

  it("documents Idempotency-Key on every mutating /v1 operation through one shared parameter", () => {
    const shared = doc.components.parameters.IdempotencyKey;
    expect(shared).toMatchObject({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } });
    const writes = operations().filter((o) => o.path.startsWith("/v1/") && mutating.includes(o.method));
    expect(writes.length).toBeGreaterThan(20);
    for (const { name, op } of writes) expect(op.parameters, name).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    for (const { name, op } of operations().filter((o) => o.method === "get")) {
      expect(
        (op.parameters ?? []).map((p: Json) => deref(p).name),
        name,
      ).not.toContain("Idempotency-Key");
    }
  });

  it("declares the bearer scheme, required everywhere except the health check, the token-in-URL feed and the signed SMS webhook", () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const open = operations()
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map((o) => o.name);
    expect(open.sort()).toEqual(["GET /health", "GET /v1/staff/{id}/feed.ics", "POST /sms/inbound"]);
  });

  it("renders /docs with the request fields in place of references", async () => {
    const page = (await t.get("/docs", { token: null })).text;
    expect(page).not.toContain("$ref");
    const booking = page.slice(page.indexOf('id="post-/v1/appointments"'));
    const section = booking.slice(0, booking.indexOf("</section>"));
    for (const shown of ["Book an appointment", "Idempotency-Key", "AppointmentCreate", "caseId", "overrideWindow", "selfServiceUrl"]) expect(section).toContain(shown);
    for (const { op } of operations()) expect(page).toContain(op.summary.replace(/&/g, "&amp;").replace(/'/g, "&#39;"));
  });
});
