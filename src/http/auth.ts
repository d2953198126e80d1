// Bearer tokens are looked up by their SHA-256 hash; the token itself is never stored.
import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { users } from "../db/schema.js";
import { sha256Hex } from "../lib/ids.js";
import type { Actor, AppEnv, Role } from "./context.js";
import { Problem, forbidden } from "./problem.js";

export function authenticate(adminToken: string | null) {
  const adminHash = adminToken ? sha256Hex(adminToken) : null;
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new Problem(401, "unauthorized", "Send 'Authorization: Bearer <token>'.");
    const hash = await sha256Hex(match[1]!);
    let actor: Actor | null = null;
    if (adminHash && hash === (await adminHash)) {
      actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null };
    } else {
      const [user] = await c.var.deps.database.db.select().from(users).where(eq(users.tokenHash, hash)).limit(1);
      if (user) actor = { id: user.id, role: user.role as Role, officeIds: user.officeIds, staffId: user.staffId };
    }
    if (!actor) throw new Problem(401, "unauthorized", "The token is not valid.");
    c.set("actor", actor);
    await next();
  });
}

/** Route middleware: only these roles may call the route. */
export function allow(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.actor.role)) throw forbidden(`The ${c.var.actor.role} role may not do this.`);
    await next();
  });
}

/** Admins reach every office; schedulers only theirs; interviewers none through this check. */
export function canUseOffice(actor: Actor, officeId: string): boolean {
  return actor.role === "admin" || (actor.role === "scheduler" && actor.officeIds.includes(officeId));
}

export function assertOffice(actor: Actor, officeId: string): void {
  if (!canUseOffice(actor, officeId)) throw forbidden(`Office '${officeId}' is not one of yours.`);
}
