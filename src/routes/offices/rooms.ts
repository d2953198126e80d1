import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createRoom, listRooms } from "../../domain/offices.js";
import { PageQuery, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { OfficeParams, Room, RoomCreate } from "./schema.js";

const view = (r: { id: string; officeId: string; name: string; createdAt: number }) => ({ ...r, createdAt: isoUtc(r.createdAt) });
const tags = ["offices"];

export function registerRooms(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/offices/{id}/rooms",
      tags,
      summary: "Add a room to an office",
      description: "Admin only. `id` is an optional slug; an existing id is a 409 conflict.",
      middleware: [allow("admin")],
      request: { params: OfficeParams, body: body(RoomCreate) },
      responses: { 201: json(Room, "Created"), ...errorResponses },
    }),
    async (c) => c.json(view(await createRoom(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices/{id}/rooms",
      tags,
      summary: "List an office's rooms",
      description: "Every role.",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { params: OfficeParams, query: PageQuery },
      responses: { 200: json(listOf(Room)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listRooms(ctxOf(c), c.req.valid("param").id, limit, cursor);
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    },
  );
}
