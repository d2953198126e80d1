import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { App } from "../../http/context.js";
import { problemTitles } from "../../http/problem.js";
import { sha256Hex } from "../../lib/ids.js";
import { json } from "../common.js";
import { buildDocument } from "./document.js";
import { renderDocs } from "./docs.js";
import type { ErrorKind } from "../../domain/errors.js";

interface Served {
  body: string;
  etag: string;
}

/** Made on first use and reused after; a failure is not kept, so the next call tries again. */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () =>
    (value ??= make().catch((error: unknown) => {
      value = null;
      throw error;
    }));
}

const served = async (body: string): Promise<Served> => ({ body, etag: `"${(await sha256Hex(body)).slice(0, 32)}"` });

// The document only changes with a deploy; clients revalidate with the ETag after five minutes.
async function serve(c: Context, get: () => Promise<Served>, type: string) {
  const { body, etag } = await get();
  const headers = { etag, "cache-control": "public, max-age=300", "content-type": type };
  const known = (c.req.header("if-none-match") ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (known.includes(etag) || known.includes("*")) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

export function registerMeta(app: App) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `POST /v1/users` (shown once), or `CITA_ADMIN_TOKEN`. Missing or unknown: 401; a role that may not: 403.",
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["meta"],
      summary: "Liveness check; needs no token",
      security: [],
      responses: { 200: json(z.object({ status: z.literal("ok") })) },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );

  // One document per app, built on the first request (every route is registered by then) and
  // serialized once: generating it walks every zod schema and took most of a core under load.
  const theDocument = lazy(async () => buildDocument(app));
  const openApiJson = lazy(async () => served(JSON.stringify(await theDocument())));
  const docsHtml = lazy(async () => served(String(await renderDocs(await theDocument()))));

  app.get("/openapi.json", (c) => serve(c, openApiJson, "application/json"));
  app.get("/docs", (c) => serve(c, docsHtml, "text/html; charset=utf-8"));

  app.get("/problems/:kind", (c) => {
    const kind = c.req.param("kind") as ErrorKind;
    const title = problemTitles[kind];
    if (!title) return c.notFound();
    return c.text(`${kind}: ${title}. See /docs for the routes that answer with it.`);
  });
}
