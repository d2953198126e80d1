// Who a bearer token stands for: looked up by its SHA-256 hash; the token itself is never stored.
import { and, eq, isNull, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import type { Deps } from "../deps.js";
import { users } from "../db/schema.js";
import { sha256Hex } from "../lib/ids.js";
import type { Actor, Role } from "./context.js";

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

const BOOTSTRAP_ADMIN: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null, name: "Admin" };

/**
 * Finds who a token belongs to: the bootstrap admin, or an enabled user. Only token → hash is
 * cached; who a hash belongs to, and whether that account is enabled, is read from the database
 * on every request, so a disable or a rotation through any process or isolate holds at once.
 */
function tokenResolver(adminToken: string | null) {
  const adminHash = adminToken ? sha256Hex(adminToken) : null;
  const hashOf = hashCache();
  const byHash = async (deps: Deps, hash: string): Promise<Actor | null> => {
    if (adminHash && hash === (await adminHash)) return BOOTSTRAP_ADMIN;
    const query = prepared(deps.database, "enabledUserByToken", (db) =>
      db.select().from(users).where(and(eq(users.tokenHash, sql.placeholder("hash")), isNull(users.disabledAt))).limit(1).prepare(),
    );
    const [user] = await query.all({ hash });
    return user ? { id: user.id, role: user.role as Role, officeIds: user.officeIds, staffId: user.staffId, name: user.name } : null;
  };
  return {
    byHash,
    async byToken(deps: Deps, token: string): Promise<Credential | null> {
      if (token.length === 0 || token.length > 200) return null;
      const hash = await hashOf(token);
      const actor = await byHash(deps, hash);
      return actor ? { actor, tokenHash: hash } : null;
    },
  };
}

/** Who signed in, and the SHA-256 of the token they used (what a console session is bound to). */
export interface Credential {
  actor: Actor;
  tokenHash: string;
}

/** One resolver (and hash cache) per app, shared by API bearer tokens and console sessions. */
const resolvers = new WeakMap<Deps, ReturnType<typeof tokenResolver>>();

function resolverOf(deps: Deps) {
  let resolver = resolvers.get(deps);
  if (!resolver) resolvers.set(deps, (resolver = tokenResolver(deps.config.adminToken)));
  return resolver;
}

export const credentialFor = (deps: Deps, token: string): Promise<Credential | null> => resolverOf(deps).byToken(deps, token);

export async function actorForToken(deps: Deps, token: string): Promise<Actor | null> {
  return (await credentialFor(deps, token))?.actor ?? null;
}

/** The actor a stored token hash still stands for, or null once it was rotated or disabled. */
export const actorForTokenHash = (deps: Deps, hash: string): Promise<Actor | null> => resolverOf(deps).byHash(deps, hash);
