// No text field takes a line break or another control character: names, addresses and reasons
// reach SMS bodies and mail headers. The fields come from the served OpenAPI document, so a
// new field that forgets the check fails here without anyone listing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { ONE_LINE, ONE_LINE_MESSAGE } from "../../src/routes/text.js";

type Json = Record<string, any>;
interface Leaf {
  op: string;
  method: string;
  path: string;
  field: (string | number)[];
  schema: Json;
}

const bad: [string, string][] = [
  ["CR LF", "Sala 1\r\nBcc: x@example.org"],
  ["LF", "a\nb"],
  ["CR", "a\rb"],
  ["NUL", "a\u0000b"],
  ["TAB", "a\tb"],
  ["ESC", "a\u001b[31mb"],
  ["DEL", "a\u007fb"],
  ["C1 NEL", "a\u0085b"],
  ["C1 CSI", "a\u009bb"],
  ["line separator", "a\u2028b"],
  ["paragraph separator", "a\u2029b"],
  ["lone surrogate", "a\uD800b"],
];

let t: TestApp;
let leaves: Leaf[];

/** Every string a request body can hold, with its path (array items at index 0). */
function stringLeaves(doc: Json): Leaf[] {
  const deref = (s: Json): Json => (s?.$ref ? deref(doc.components.schemas[s.$ref.split("/").pop()]) : s);
  const out: Leaf[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths))
    for (const [method, op] of Object.entries<Json>(item)) {
      const walk = (raw: Json, field: (string | number)[]) => {
        const s = deref(raw);
        for (const option of s.anyOf ?? s.oneOf ?? []) walk(option, field);
        const types = [s.type].flat();
        if (types.includes("string")) out.push({ op: `${method.toUpperCase()} ${path}`, method, path, field, schema: s });
        if (types.includes("array")) walk(s.items ?? {}, [...field, 0]);
        for (const [key, child] of Object.entries<Json>(s.properties ?? {})) walk(child, [...field, key]);
      };
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body) walk(body, []);
    }
  return out;
}

/** A body that holds only `value` at `field`: other missing fields add their own errors. */
function bodyWith(field: (string | number)[], value: string): unknown {
  if (!field.length) return value;
  const [head, ...rest] = field;
  return typeof head === "number" ? [bodyWith(rest, value)] : { [head!]: bodyWith(rest, value) };
}

beforeAll(async () => {
  t = makeApp();
  leaves = stringLeaves((await t.get("/openapi.json", { token: null })).json);
});
afterAll(() => t.close());

describe("single-line text fields", () => {
  it("finds the free-text fields of every resource in the schemas", () => {
    const free = leaves.filter((l) => l.schema.pattern === ONE_LINE.source).map((l) => `${l.op} ${l.field.join(".")}`);
    for (const field of [
      "POST /v1/offices name",
      "POST /v1/offices address",
      "PATCH /v1/offices/{id} name",
      "POST /v1/offices/{id}/rooms name",
      "POST /v1/offices/{id}/closures reason",
      "PUT /v1/offices/{id}/eligibility legalStatuses.0",
      "POST /v1/services name",
      "POST /v1/staff name",
      "PUT /v1/staff/{id}/availability 0.rrule",
      "POST /v1/staff/{id}/time-off reason",
      "POST /v1/cases legalStatus",
      "POST /v1/cases eligibilityOverride.reason",
      "POST /v1/cases/{id}/extensions reason",
      "POST /v1/users name",
      "POST /v1/appointments overrideWindow.reason",
      "POST /v1/appointments/{id}/cancel reason",
    ])
      expect(free).toContain(field);
  });

  it("refuses control characters in every string of every request body with a 422 naming the field", async () => {
    expect(leaves.length).toBeGreaterThan(60);
    const missed: string[] = [];
    for (const leaf of leaves) {
      const url = leaf.path.replace(/\{[^}]+\}/g, "x1");
      const name = leaf.field.join(".");
      for (const [what, value] of bad) {
        const res = await t.call(leaf.method.toUpperCase(), url, { body: bodyWith(leaf.field, value) });
        const error = res.json?.errors?.find((e: { path: string }) => e.path === name);
        const freeText = leaf.schema.pattern === ONE_LINE.source;
        if (res.status !== 422 || !error || (freeText && error.message !== ONE_LINE_MESSAGE)) missed.push(`${leaf.op} ${name} ${what}: ${res.status} ${res.text.slice(0, 160)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("still accepts names in any script, with accents, emoji and inner spaces", async () => {
    for (const name of ["Sala Niñez 2", "Oficina de Quito – Norte", "Bureau Pòtoprens", "مكتب", "Sala 🙂", "Sala\u00a0Azul"]) {
      const res = await t.post("/v1/offices", { name, country: "EC", timeZone: "America/Guayaquil", address: "Av. Amazonas N32-87", hours: [] });
      expect(res.status, name).toBe(201);
      expect(res.json.name).toBe(name);
    }
  });
});
