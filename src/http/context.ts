// The typed context every handler sees: dependencies and the authenticated actor.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Deps } from "../deps.js";

/** Staff roles hold tokens; "applicant" is the holder of one appointment's signed link. */
export type Role = "admin" | "scheduler" | "interviewer" | "applicant";

export interface Actor {
  /** A user id, or "admin-token" for the bootstrap credential. */
  id: string;
  role: Role;
  officeIds: string[];
  staffId: string | null;
  /** What pages call a signed-in person. */
  name?: string;
  /** For an applicant: the one appointment their link opens. */
  appointmentId?: string;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    actor: Actor;
    /** Set by the request-id middleware for every request (X-Request-Id). */
    requestId: string;
  };
}

export type App = OpenAPIHono<AppEnv>;

/** What domain functions receive: no HTTP, just the parts they use. */
export interface Ctx {
  deps: Deps;
  actor: Actor;
}

export const ctxOf = (c: { var: { deps: Deps; actor: Actor } }): Ctx => ({ deps: c.var.deps, actor: c.var.actor });
