// Requests generated from the served OpenAPI document: plausible ones built from each operation's
// parameters and body schema, and broken ones that the service must refuse without writing.
import fc from "fast-check";

export interface FuzzRequest {
  op: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Built to be refused (unknown field, wrong type, bad JSON, …): a 2xx is a bug. */
  broken: boolean;
}

type Schema = Record<string, any>;
export interface Operation {
  op: string;
  method: string;
  template: string;
  params: { name: string; in: string; required: boolean; schema: Schema }[];
  body: Schema | null;
}

const HUGE = "x".repeat(70_000);
export const weirdStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFx",
  "\u202Eevil\u202C",
  "\u200F\u05E9\u05DC\u05D5\u05DD",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Z\u0351\u0352\u0353",
  "\uFEFF",
  "'; DROP TABLE cases; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "%ED%A0%80",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "10000-01-01",
  "+275760-09-13T00:00:00Z",
  "-001000-01-01T00:00:00Z",
  "2026-12-07T10:00:00",
  "2026-12-07T25:00:00Z",
  "2026-12-07T10:00:00+25:00",
  "9999-12-31T23:59:59Z",
  "1900-01-01T00:00:00Z",
  "Mars/Olympus",
  "UTC+25",
  "America/Bogota\u0000",
  "FREQ=SECONDLY",
  "FREQ=WEEKLY;BYDAY=XX",
  "24:60",
  "-01:00",
  "NaN",
  "1e309",
  HUGE,
  "🙂".repeat(17_500),
  "é".repeat(40_000),
];
const weirdNumbers = [-1, -60, 0, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -2147483649, 4294967296];

export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...weirdStrings),
  fc.constantFrom(...weirdNumbers),
  fc.constantFrom(null, true, false, [], {}, [1, "a"], { $gt: "" }, [{}]),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);

/** A value of the wrong JSON type for `schema`: always refused by a strict validator. */
function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  const all: [string, unknown[]][] = [
    ["string", ["2026-12-07", "bogota"]],
    ["integer", [1, -5]],
    ["number", [1.5]],
    ["boolean", [true]],
    ["array", [[], ["MO"]]],
    ["object", [{}, { a: 1 }]],
    ["null", [null]],
  ];
  const taken = (t: string) => type.includes(t) || (t === "integer" && type.includes("number"));
  return fc.constantFrom(...all.filter(([t]) => !taken(t)).flatMap(([, v]) => v));
}

export function operations(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries<Schema>(doc.paths))
    for (const [method, op] of Object.entries<Schema>(item)) {
      const body = op.requestBody?.content?.["application/json"]?.schema ?? null;
      ops.push({ op: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(), template, params: op.parameters ?? [], body: body && resolve(doc, body) });
    }
  return ops;
}

const resolve = (doc: Schema, s: Schema): Schema => (s?.$ref ? doc.components.schemas[s.$ref.split("/").pop()] : s);

export function generator(doc: Schema, pool: Record<string, string[]>, adminToken: string) {
  const dates = ["2026-11-20", "2026-12-07", "2027-01-06", "2022-05-01", "1990-04-02"];
  const instants = ["2026-12-07T10:00:00-05:00", "2026-12-09T14:00:00Z", "2027-01-04T00:00:00Z", "2027-01-05T00:00:00Z"];
  const words = [...Object.values(pool).flat(), "IOM", "UNHCR", "MO", "America/Bogota", "Sala 1", "reason"];

  function string(s: Schema): fc.Arbitrary<string> {
    const p: string = s.pattern ?? "";
    if (p.includes("\\d{4}-\\d{2}-\\d{2}")) return fc.constantFrom(...dates);
    if (p.includes("[0-5]\\d")) return fc.constantFrom("08:00", "09:00", "13:00", "17:00", "24:00");
    if (p.includes("[a-z0-9-]")) return fc.oneof(fc.constantFrom(...words.filter((w) => /^[a-z0-9-]{2,64}$/.test(w))), fc.stringMatching(/^[a-z0-9-]{2,12}$/));
    if (p.includes("[A-Z]{2}")) return fc.constantFrom("CO", "VE", "EC", "PE");
    if (p.includes("\\+[1-9]")) return fc.constantFrom("+573001234567", "+12025550123");
    if (s.format === "email") return fc.constantFrom("a@example.org", "b.c@example.net");
    if (s.format === "date-time") return fc.constantFrom(...instants);
    if (p.includes("[A-Za-z0-9]")) return fc.stringMatching(/^C-[A-Z0-9]{4,8}$/);
    return fc.oneof(fc.constantFrom(...words, ...(s.example ? [String(s.example)] : []), ...dates, ...instants), fc.string({ minLength: 1, maxLength: 12 }));
  }

  /** Plausible values: right shapes, real ids of the seeded world, sometimes a weird leaf. */
  function valid(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(doc, raw);
    if (s.enum) return fc.constantFrom(...s.enum);
    const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
    const leaf = (a: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: a, weight: 9 }, { arbitrary: weirdValue, weight: 1 });
    if (type === "object" || s.properties) {
      if (depth > 3) return fc.constant({});
      const props = Object.fromEntries(Object.entries<Schema>(s.properties ?? {}).map(([k, v]) => [k, valid(v, depth + 1)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    if (type === "array") return fc.array(valid(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    if (type === "integer" || type === "number") return leaf(fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 500, 500) }));
    if (type === "boolean") return fc.boolean();
    if (type === "string") return leaf(string(s));
    return fc.constant(null);
  }

  /** One change that a strict validator must refuse. */
  function breakBody(s: Schema, body: unknown): fc.Arbitrary<{ text: string; type?: string }> {
    const json = (v: unknown) => ({ text: JSON.stringify(v) });
    const obj = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    const props = Object.entries<Schema>(s.properties ?? {});
    return fc.oneof(
      fc
        .constantFrom("extra", "__proto__", "constructor", "\u0000", "𝔁", "ID")
        .map((k) => (obj ? { text: JSON.stringify(obj).replace(/^\{/, `{${JSON.stringify(k)}:1${Object.keys(obj).length ? "," : ""}`) } : json({ [k]: 1 }))),
      ...(obj && props.length ? [fc.constantFrom(...props).chain(([k, p]) => wrongType(resolve(doc, p)).map((v) => json({ ...obj, [k]: v })))] : []),
      ...(obj && s.required?.length ? [fc.constantFrom(...(s.required as string[])).map((k) => json(Object.fromEntries(Object.entries(obj).filter(([key]) => key !== k))))] : []),
      wrongType(s).map(json),
      fc.constantFrom("", "{", '{"a":}', "[1,]", "{'a':1}", "nul", "\u0000", '{"a":1}}', '{"a":"\uD800"', "1e99999").map((text) => ({ text })),
      fc.constant(JSON.stringify(body ?? {})).map((text) => ({ text, type: "text/plain" })),
      fc.constant({ text: `{"name":"${HUGE}"}` }),
    );
  }

  function pathValue(name: string, weird: boolean): fc.Arbitrary<string> {
    const real = fc.constantFrom(...(pool[name] ?? pool.id!));
    const odd = fc.oneof(fc.constantFrom(...weirdStrings.filter((w) => w.length < 300)), fc.string({ unit: "binary", maxLength: 20 }), fc.constant("a".repeat(5000))).map(encode);
    return weird ? odd : fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: odd, weight: 1 });
  }

  /** `broken`: only requests that must be refused (bad path ids on body-less mutations, broken bodies). */
  function request(op: Operation, broken: boolean): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.params.filter((p) => p.in === "path");
    const query = op.params.filter((p) => p.in === "query");
    const needsBadPath = broken && !op.body;
    return fc
      .record({
        path: fc.tuple(...pathParams.map((p) => pathValue(p.name, needsBadPath))),
        query: fc.tuple(
          ...query.map((p) =>
            fc.option(fc.oneof({ arbitrary: valid(p.schema).map(String), weight: 3 }, { arbitrary: weirdValue.map(String), weight: 1 }), {
              nil: undefined,
              freq: p.required ? 10 : 2,
            }),
          ),
        ),
        body: op.body ? valid(op.body) : fc.constant(undefined),
        mode: fc.constantFrom("valid", "valid", "break", "break", "break"),
        seed: fc.nat(),
        key: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { freq: 3 }),
        token: fc.constantFrom("admin", "admin", "admin", "admin", "admin", "admin", "admin", "admin", "none", "wrong"),
      })
      .chain((r) => {
        const breakIt = op.body && (broken || r.mode === "break");
        const bodyArb = !op.body ? fc.constant(undefined) : breakIt ? breakBody(op.body, r.body) : fc.constant({ text: JSON.stringify(r.body) });
        return bodyArb.map((b) => {
          let path = op.template;
          pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, r.path[i]!)));
          const qs = query.flatMap((p, i) => (r.query[i] === undefined ? [] : [`${encodeURIComponent(p.name)}=${encode(r.query[i]!)}`]));
          const headers: Record<string, string> = {};
          if (b) headers["content-type"] = (b as { type?: string }).type ?? "application/json";
          if (r.key !== null) headers["idempotency-key"] = r.key;
          if (broken || r.token === "admin") headers.authorization = `Bearer ${adminToken}`;
          else if (r.token === "wrong") headers.authorization = "Bearer not-a-real-token";
          return { op: op.op, method: op.method, path: qs.length ? `${path}?${qs.join("&")}` : path, headers, body: b?.text, broken: Boolean(broken || breakIt) };
        });
      });
  }
  return { request };
}

/** Percent-encodes, or leaves a lone surrogate as raw bad percent-encoding. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80" + s.replace(/[\uD800-\uDFFF]/g, "");
  }
}
