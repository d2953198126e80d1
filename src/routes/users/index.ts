import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createUser, getUser, listUsers, updateUser } from "../../domain/users.js";
import { IdParams, PageQuery, body, errorResponses, json, listOf } from "../common.js";
import { User, UserCreate, UserUpdate, UserWithToken, userView } from "./schema.js";
import { registerUserTokens } from "./tokens.js";
import { registerUserAccess } from "./access.js";

const tags = ["users"];

export function registerUsers(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users",
      tags,
      summary: "Create a user and their bearer token",
      description:
        "Admin only. The token is in this answer only (it is stored as a hash). A scheduler needs `officeIds`; an interviewer is linked to their staff record by `staffId`.",
      middleware: [allow("admin")],
      request: { body: body(UserCreate) },
      responses: { 201: json(UserWithToken, "Created"), ...errorResponses },
    }),
    async (c) => {
      const user = await createUser(ctxOf(c), c.req.valid("json"));
      c.header("cache-control", "no-store");
      return c.json({ ...userView(user), token: user.token }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/users",
      tags,
      summary: "List users",
      description: "Admin only. Tokens are never shown again.",
      middleware: [allow("admin")],
      request: { query: PageQuery },
      responses: { 200: json(listOf(User)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listUsers(ctxOf(c), limit, cursor);
      return c.json({ items: page.items.map(userView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/users/{id}",
      tags,
      summary: "Read a user",
      description: "Admin only. Shows whether the user is disabled; never the token.",
      middleware: [allow("admin")],
      request: { params: IdParams },
      responses: { 200: json(User), ...errorResponses },
    }),
    async (c) => c.json(userView(await getUser(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/users/{id}",
      tags,
      summary: "Change a user's role, offices or staff member",
      description:
        "Admin only. The same rules as creating: a scheduler needs `officeIds`, an interviewer a `staffId`. The last enabled admin stays an admin (422 on `role`). Every session of the user sees the change on its next request.",
      middleware: [allow("admin")],
      request: { params: IdParams, body: body(UserUpdate) },
      responses: { 200: json(User), ...errorResponses },
    }),
    async (c) => c.json(userView(await updateUser(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  registerUserAccess(app);
  registerUserTokens(app);
}
