import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createUser, listUsers, type UserRow } from "../../domain/users.js";
import { Email, PageQuery, Ref, Text, body, errorResponses, isoUtc, json, listOf } from "../common.js";

const UserCreate = z
  .strictObject({
    name: Text(200),
    email: Email,
    role: z.enum(["admin", "scheduler", "interviewer"]),
    officeIds: z.array(Ref).max(100).optional(),
    staffId: Ref.nullable().optional(),
  })
  .openapi("UserCreate");

const User = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
    officeIds: z.array(z.string()),
    staffId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("User");

const view = (u: UserRow) => ({ id: u.id, name: u.name, email: u.email, role: u.role, officeIds: u.officeIds, staffId: u.staffId, createdAt: isoUtc(u.createdAt) });
const tags = ["users"];

export function registerUsers(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users",
      tags,
      summary: "Create a user and their bearer token",
      description: "Admin only. The token is in this answer only (it is stored as a hash). A scheduler needs `officeIds`; an interviewer is linked to their staff record by `staffId`.",
      middleware: [allow("admin")],
      request: { body: body(UserCreate) },
      responses: { 201: json(User.extend({ token: z.string().openapi({ description: "Shown only in this answer" }) }), "Created"), ...errorResponses },
    }),
    async (c) => {
      const user = await createUser(ctxOf(c), c.req.valid("json"));
      return c.json({ ...view(user), token: user.token }, 201);
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/v1/users", tags, summary: "List users", description: "Admin only. Tokens are never shown again.", middleware: [allow("admin")], request: { query: PageQuery }, responses: { 200: json(listOf(User)), ...errorResponses } }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listUsers(ctxOf(c), limit, cursor);
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    },
  );
}
