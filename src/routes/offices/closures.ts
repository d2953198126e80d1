import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createClosure, deleteClosure, listClosures, type ClosureRow } from "../../domain/offices.js";
import { PageQuery, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Closure, ClosureCreate, OfficeParams } from "./schema.js";

const view = (r: ClosureRow) => ({
  id: r.id,
  officeId: r.officeId,
  date: r.date,
  start: r.startAt === null ? null : isoUtc(r.startAt),
  end: r.endAt === null ? null : isoUtc(r.endAt),
  reason: r.reason,
  open: r.open,
  createdAt: isoUtc(r.createdAt),
});
const tags = ["offices"];
const ClosureParams = OfficeParams.extend({ closureId: z.string().openapi({ param: { name: "closureId", in: "path" } }) });

export function registerClosures(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/offices/{id}/closures",
      tags,
      summary: "Close an office for a day or a period",
      description:
        "Admins, and schedulers for their own offices (403 otherwise). Give either a local `date` or `start`/`end` instants; `open: true` on a date marks a public holiday as a working day.",
      middleware: [allow("admin", "scheduler")],
      request: { params: OfficeParams, body: body(ClosureCreate) },
      responses: { 201: json(Closure, "Created"), ...errorResponses },
    }),
    async (c) => c.json(view(await createClosure(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices/{id}/closures",
      tags,
      summary: "List an office's closures",
      description: "Every role. Public holidays of the office's country also close it unless an `open` entry says otherwise.",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { params: OfficeParams, query: PageQuery },
      responses: { 200: json(listOf(Closure)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listClosures(ctxOf(c), c.req.valid("param").id, limit, cursor);
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/offices/{id}/closures/{closureId}",
      tags,
      summary: "Remove a closure",
      description: "Admins, and schedulers for their own offices. Answers 204.",
      middleware: [allow("admin", "scheduler")],
      request: { params: ClosureParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      const { id, closureId } = c.req.valid("param");
      await deleteClosure(ctxOf(c), id, closureId);
      return c.body(null, 204);
    },
  );
}
