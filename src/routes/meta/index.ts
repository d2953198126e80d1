import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../http/context.js";
import { problemTitles, type ProblemKind } from "../../http/problem.js";
import { IDEMPOTENCY_CONTRACT } from "../../http/idempotency.js";
import { json } from "../common.js";
import { renderDocs } from "./docs.js";

const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Cita",
    version: "1",
    description: `Books UNHCR interviews and IOM counseling sessions for Safe Mobility Offices. Every /v1 route needs \`Authorization: Bearer <token>\`.\n\n${IDEMPOTENCY_CONTRACT}`,
  },
};

export function registerMeta(app: App) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });

  app.openapi(
    createRoute({ method: "get", path: "/health", tags: ["meta"], responses: { 200: json(z.object({ status: z.literal("ok") })) } }),
    (c) => c.json({ status: "ok" as const }, 200),
  );

  app.doc31("/openapi.json", { ...openApiInfo, security: [{ bearer: [] }] });

  app.get("/docs", (c) => {
    const document = app.getOpenAPI31Document({ ...openApiInfo, security: [{ bearer: [] }] });
    return c.html(renderDocs(document));
  });

  app.get("/problems/:kind", (c) => {
    const kind = c.req.param("kind") as ProblemKind;
    const title = problemTitles[kind];
    if (!title) return c.notFound();
    return c.text(`${kind}: ${title}. See /docs for the routes that answer with it.`);
  });
}
