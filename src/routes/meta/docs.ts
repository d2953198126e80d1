// A readable API reference rendered on the server from the OpenAPI document: no scripts, no CDN.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Doc = { info: { title: string; description?: string }; paths?: Record<string, Record<string, Operation>> };
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};

const methods = ["get", "post", "put", "patch", "delete"];

function operation(path: string, method: string, op: Operation) {
  const params = (op.parameters ?? []).map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ");
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => `${code} ${r.description ?? ""}`);
  return html`<section id="${method}-${path}">
    <h3><code>${method.toUpperCase()} ${path}</code></h3>
    ${op.summary ? html`<p>${op.summary}</p>` : ""}
    ${params ? html`<p><b>Parameters:</b> ${params}</p>` : ""}
    ${schema ? html`<details><summary>Request body</summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>` : ""}
    <p><b>Responses:</b> ${responses.join(" · ")}</p>
  </section>`;
}

export function renderDocs(document: unknown): HtmlEscapedString | Promise<HtmlEscapedString> {
  const doc = document as Doc;
  const entries = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    methods.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]!, tag: item[m]!.tags?.[0] ?? "other" })),
  );
  const tags = [...new Set(entries.map((e) => e.tag))];
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API reference</title>
<style>${raw("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{overflow:auto;padding:.5rem}section{border-top:1px solid #ddd}")}</style>
</head><body>
<h1>${doc.info.title} API reference</h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${tags.map((t) => html`<li><a href="#tag-${t}">${t}</a></li>`)}</ul></nav>
${tags.map((t) => html`<h2 id="tag-${t}">${t}</h2>${entries.filter((e) => e.tag === t).map((e) => operation(e.path, e.method, e.op))}`)}
</body></html>`;
}
