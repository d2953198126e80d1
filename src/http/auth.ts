// The API's bearer-token check and role gate; who a token stands for is src/domain/tokens.ts.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.js";
import type { Role } from "../domain/context.js";
import { DomainError, forbidden } from "../domain/errors.js";
import { actorForToken } from "../domain/tokens.js";

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || match[1]!.length > 200) throw new DomainError("unauthorized", "Send 'Authorization: Bearer <token>'.");
  const actor = await actorForToken(c.var.deps, match[1]!);
  if (!actor) throw new DomainError("unauthorized", "The token is not valid.");
  c.set("actor", actor);
  await next();
});

/** Route middleware: only these roles may call the route. */
export function allow(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.actor.role)) throw forbidden(`The ${c.var.actor.role} role may not do this.`);
    await next();
  });
}
