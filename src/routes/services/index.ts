import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createService, getService, listServices, updateService, type ServiceRow } from "../../domain/services.js";
import { IdParams, PageQuery, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Service, ServiceCreate, ServiceUpdate } from "./schema.js";

export const serviceView = (s: ServiceRow) => ({
  id: s.id,
  name: s.name,
  agency: s.agency,
  durationMinutes: s.durationMinutes,
  bufferMinutes: s.bufferMinutes,
  window: { minDays: s.windowMinDays, maxDays: s.windowMaxDays },
  needsRoom: s.needsRoom,
  slotStepMinutes: s.slotStepMinutes,
  minNoticeHours: s.minNoticeHours,
  dailyCapPerOffice: s.dailyCapPerOffice,
  createdAt: isoUtc(s.createdAt),
  updatedAt: isoUtc(s.updatedAt),
});

const tags = ["services"];
const everyone = allow("admin", "scheduler", "interviewer");

export function registerServices(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/services",
      tags,
      summary: "Create a service",
      description:
        "Admin only. Lengths are whole minutes (a 50-minute session with a 7-minute buffer on an 11-minute grid is fine); `window` is counted in days from the case's `screenedAt`.",
      middleware: [allow("admin")],
      request: { body: body(ServiceCreate) },
      responses: { 201: json(Service, "Created"), ...errorResponses },
    }),
    async (c) => c.json(serviceView(await createService(ctxOf(c), c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/services",
      tags,
      summary: "List services",
      description: "Every role.",
      middleware: [everyone],
      request: { query: PageQuery },
      responses: { 200: json(listOf(Service)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listServices(ctxOf(c), limit, cursor);
      return c.json({ items: page.items.map(serviceView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/services/{id}",
      tags,
      summary: "Get a service",
      description: "Every role.",
      middleware: [everyone],
      request: { params: IdParams },
      responses: { 200: json(Service), ...errorResponses },
    }),
    async (c) => c.json(serviceView(await getService(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/services/{id}",
      tags,
      summary: "Update a service",
      description: "Admin only. Only the fields sent change.",
      middleware: [allow("admin")],
      request: { params: IdParams, body: body(ServiceUpdate) },
      responses: { 200: json(Service), ...errorResponses },
    }),
    async (c) => c.json(serviceView(await updateService(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );
}
