// A readable API reference rendered on the server from the OpenAPI document: no scripts, no CDN.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Json = Record<string, any>;
type Doc = { info: { title: string; description?: string }; paths?: Record<string, Record<string, Operation>>; components?: Json };
type Parameter = { name: string; in: string; required?: boolean; description?: string };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

const methods = ["get", "post", "put", "patch", "delete"];

/** Follows a local `#/components/...` reference. */
function lookUp(doc: Doc, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<any>((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}

/** The schema with every `$ref` replaced by what it points at, so the reader sees the fields. */
export function inlineRefs(value: unknown, doc: Doc, seen: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => inlineRefs(v, doc, seen));
  if (!value || typeof value !== "object") return value;
  const { $ref, ...rest } = value as Json;
  if (typeof $ref === "string") {
    const name = $ref.split("/").pop()!;
    if (seen.includes($ref)) return { title: name, description: "(see above)" };
    return { title: name, ...(inlineRefs(lookUp(doc, $ref), doc, [...seen, $ref]) as Json), ...rest };
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inlineRefs(v, doc, seen)]));
}

const pretty = (schema: unknown, doc: Doc) => JSON.stringify(inlineRefs(schema, doc), null, 2);

function parameterList(op: Operation, doc: Doc) {
  const params = (op.parameters ?? []).map((p) => inlineRefs(p, doc) as Parameter);
  if (!params.length) return "";
  return html`<p><b>Parameters:</b></p>
    <ul>
      ${params.map((p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ", required" : ""})${p.description ? html`: ${p.description}` : ""}</li>`)}
    </ul>`;
}

function operation(path: string, method: string, op: Operation, doc: Doc) {
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(op.responses ?? {});
  const success = responses.find(([code]) => code.startsWith("2"));
  const successSchema = success && Object.values(success[1].content ?? {})[0]?.schema;
  return html`<section id="${method}-${path}">
    <h3><code>${method.toUpperCase()} ${path}</code></h3>
    ${op.summary ? html`<p><b>${op.summary}</b></p>` : ""} ${op.description ? html`<p>${op.description}</p>` : ""}
    ${op.security && op.security.length === 0 ? html`<p>No bearer token needed.</p>` : ""} ${parameterList(op, doc)}
    ${
      body
        ? html`<details>
            <summary>Request body</summary>
            <pre>${pretty(body, doc)}</pre>
          </details>`
        : ""
    }
    ${
      successSchema
        ? html`<details>
            <summary>Response ${success[0]}</summary>
            <pre>${pretty(successSchema, doc)}</pre>
          </details>`
        : ""
    }
    <p><b>Responses:</b> ${responses.map(([code, r]) => `${code} ${r.description ?? ""}`).join(" · ")}</p>
  </section>`;
}

export function renderDocs(document: unknown): HtmlEscapedString | Promise<HtmlEscapedString> {
  const doc = document as Doc;
  const entries = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]!, tag: item[m]!.tags?.[0] ?? "other" })),
  );
  const tags = [...new Set(entries.map((e) => e.tag))];
  const problem = doc.components?.schemas?.Problem;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} API reference</title>
        <style>
          ${raw("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{overflow:auto;padding:.5rem}section{border-top:1px solid #ddd}")}
        </style>
      </head>
      <body>
        <h1>${doc.info.title} API reference</h1>
        <p>${doc.info.description ?? ""}</p>
        <p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
        ${
          problem
            ? html`<details>
                <summary>Error body (problem+json)</summary>
                <pre>${pretty(problem, doc)}</pre>
              </details>`
            : ""
        }
        <nav>
          <ul>
            ${tags.map((t) => html`<li><a href="#tag-${t}">${t}</a></li>`)}
          </ul>
        </nav>
        ${tags.map(
          (t) =>
            html`<h2 id="tag-${t}">${t}</h2>
              ${entries.filter((e) => e.tag === t).map((e) => operation(e.path, e.method, e.op, doc))}`,
        )}
      </body>
    </html>`;
}
