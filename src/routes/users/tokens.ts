// GET/POST /v1/users/{id}/tokens and DELETE …/tokens/{tokenId}: a user's named API tokens for
// machines (admin only). A new token is answered once; revoking one refuses it at once everywhere.
import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../../domain/api-tokens.js";
import { getUser } from "../../domain/users.js";
import { IdParams, body, errorResponses, json, listOf } from "../common.js";
import { ApiToken, ApiTokenCreate, ApiTokenWithSecret, apiTokenView } from "./schema.js";

const tags = ["users"];
const admin = allow("admin");
const TokenParams = IdParams.extend({
  tokenId: z
    .string()
    .max(100)
    .openapi({ param: { name: "tokenId", in: "path" } }),
});

export function registerUserTokens(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/users/{id}/tokens",
      tags,
      middleware: [admin],
      summary: "List a user's API tokens: name, created, last used; never the token",
      description: "Admin only. At most 20 tokens per user, in creation order, in one page (`nextCursor` is always null).",
      request: { params: IdParams },
      responses: { 200: json(listOf(ApiToken)), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const { id } = c.req.valid("param");
      await getUser(ctx, id);
      return c.json({ items: (await listApiTokens(ctx, id)).map(apiTokenView), nextCursor: null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/users/{id}/tokens",
      tags,
      middleware: [admin],
      summary: "Create a named API token for a user; the token is answered once",
      description:
        "Admin only. The user's other tokens keep working. A repeat with the same Idempotency-Key cannot show the token again (409). A user holds at most 20 tokens (422 on `name`).",
      request: { params: IdParams, body: body(ApiTokenCreate) },
      responses: { 201: json(ApiTokenWithSecret, "Created"), ...errorResponses },
    }),
    async (c) => {
      const made = await createApiToken(ctxOf(c), c.req.valid("param").id, c.req.valid("json").name);
      c.header("cache-control", "no-store");
      return c.json({ ...apiTokenView(made), token: made.token }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/users/{id}/tokens/{tokenId}",
      tags,
      middleware: [admin],
      summary: "Revoke one API token: refused (401) at once, and console sessions opened with it end",
      description: "Admin only. Answers 204; an unknown token of this user is 404.",
      request: { params: TokenParams },
      responses: { 204: { description: "Revoked" }, ...errorResponses },
    }),
    async (c) => {
      const { id, tokenId } = c.req.valid("param");
      await revokeApiToken(ctxOf(c), id, tokenId);
      return c.body(null, 204);
    },
  );
}
