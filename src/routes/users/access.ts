// POST /v1/users/{id}/disable, …/enable and …/token (rotation): admin only, effective at once
// in every process (see src/domain/user-access.ts).
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { disableUser, enableUser, rotateToken } from "../../domain/user-access.js";
import { IdParams, errorResponses, json } from "../common.js";
import { User, UserWithToken, userView } from "./schema.js";

const tags = ["users"];
const admin = allow("admin");

export function registerUserAccess(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users/{id}/disable",
      tags,
      middleware: [admin],
      summary: "Disable a user: their token is refused at once and their console sessions end",
      description: "Admin only. Disabling a disabled user changes nothing. The last enabled admin account cannot be disabled (409).",
      request: { params: IdParams },
      responses: { 200: json(User), ...errorResponses },
    }),
    async (c) => c.json(userView(await disableUser(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users/{id}/enable",
      tags,
      middleware: [admin],
      summary: "Enable a user again: the token they had works again",
      description: "Admin only. Enabling an enabled user changes nothing; rotate the token too if it may have leaked.",
      request: { params: IdParams },
      responses: { 200: json(User), ...errorResponses },
    }),
    async (c) => c.json(userView(await enableUser(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users/{id}/token",
      tags,
      middleware: [admin],
      summary: "Rotate a user's token: the new one is answered once, the old one stops working and their console sessions end",
      description: "Admin only. The token is in this answer only; a repeat with the same Idempotency-Key cannot show it again (409).",
      request: { params: IdParams },
      responses: { 200: json(UserWithToken), ...errorResponses },
    }),
    async (c) => {
      const user = await rotateToken(ctxOf(c), c.req.valid("param").id);
      c.header("cache-control", "no-store");
      return c.json({ ...userView(user), token: user.token }, 200);
    },
  );
}
