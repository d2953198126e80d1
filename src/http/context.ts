// The typed context every handler sees: dependencies and the authenticated actor.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../deps.js";
import type { Actor, Ctx } from "../domain/context.js";

export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: Actor;
    /** Set by the request-id middleware for every request (X-Request-Id). */
    requestId: string;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** The domain's context from a request's: no HTTP goes past this line. */
export const ctxOf = (c: { var: { deps: Deps; actor: Actor } }): Ctx => ({ deps: c.var.deps, actor: c.var.actor });
