// Bearer tokens are looked up by their SHA-256 hash; the token itself is never stored.
import { eq, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import { createMiddleware } from "hono/factory";
import type { Deps } from "../deps.js";
import { users } from "../db/schema.js";
import { sha256Hex } from "../lib/ids.js";
import type { Actor, AppEnv, Role } from "./context.js";
import { Problem, forbidden } from "./problem.js";

/** Hashes of recently seen tokens: Web Crypto digests are asynchronous and cost a thread hop each. */
function hashCache(size = 1000) {
  const seen = new Map<string, string>();
  return async (token: string) => {
    let hash = seen.get(token);
    if (hash === undefined) {
      hash = await sha256Hex(token);
      if (seen.size >= size) seen.delete(seen.keys().next().value!);
      seen.set(token, hash);
    }
    return hash;
  };
}

/** Finds the staff member a bearer token belongs to (or the bootstrap admin), else null. */
function tokenResolver(adminToken: string | null) {
  const adminHash = adminToken ? sha256Hex(adminToken) : null;
  const hashOf = hashCache();
  return async (deps: Deps, token: string): Promise<Actor | null> => {
    if (token.length === 0 || token.length > 200) return null;
    const hash = await hashOf(token);
    if (adminHash && hash === (await adminHash)) return { id: "admin-token", role: "admin", officeIds: [], staffId: null, name: "Admin" };
    const byToken = prepared(deps.database, "userByToken", (db) => db.select().from(users).where(eq(users.tokenHash, sql.placeholder("hash"))).limit(1).prepare());
    const [user] = await byToken.all({ hash });
    return user ? { id: user.id, role: user.role as Role, officeIds: user.officeIds, staffId: user.staffId, name: user.name } : null;
  };
}

/** One resolver (and hash cache) per app, shared by API bearer tokens and console sessions. */
const resolvers = new WeakMap<Deps, ReturnType<typeof tokenResolver>>();

export function actorForToken(deps: Deps, token: string): Promise<Actor | null> {
  let resolve = resolvers.get(deps);
  if (!resolve) resolvers.set(deps, (resolve = tokenResolver(deps.config.adminToken)));
  return resolve(deps, token);
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || match[1]!.length > 200) throw new Problem(401, "unauthorized", "Send 'Authorization: Bearer <token>'.");
  const actor = await actorForToken(c.var.deps, match[1]!);
  if (!actor) throw new Problem(401, "unauthorized", "The token is not valid.");
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

/** Admins reach every office; schedulers only theirs; interviewers none through this check. */
export function canUseOffice(actor: Actor, officeId: string): boolean {
  return actor.role === "admin" || (actor.role === "scheduler" && actor.officeIds.includes(officeId));
}

export function assertOffice(actor: Actor, officeId: string): void {
  if (!canUseOffice(actor, officeId)) throw forbidden(`Office '${officeId}' is not one of yours.`);
}
