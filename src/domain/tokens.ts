// Who a bearer token stands for: looked up by its SHA-256 hash; the token itself is never stored.
import { and, eq, isNull, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import type { Deps } from "../deps.js";
import { users } from "../db/schema.js";
import { sha256Hex } from "../lib/ids.js";
import type { Actor, Role } from "./context.js";

const HASHES_KEPT = 1000;

/** Hashes of recently seen tokens: Web Crypto digests are asynchronous and cost a thread hop each. */
async function hashOf(deps: Deps, token: string): Promise<string> {
  const seen = deps.state.tokenHashes;
  let hash = seen.get(token);
  if (hash === undefined) {
    hash = await sha256Hex(token);
    if (seen.size >= HASHES_KEPT) seen.delete(seen.keys().next().value!);
    seen.set(token, hash);
  }
  return hash;
}

const BOOTSTRAP_ADMIN: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null, name: "Admin" };

/**
 * Finds who a token belongs to: the bootstrap admin, or an enabled user. Only token → hash is
 * cached; who a hash belongs to, and whether that account is enabled, is read from the database
 * on every request, so a disable or a rotation through any process or isolate holds at once.
 */
async function byHash(deps: Deps, hash: string): Promise<Actor | null> {
  const { adminToken } = deps.config;
  if (adminToken && hash === (await hashOf(deps, adminToken))) return BOOTSTRAP_ADMIN;
  const query = prepared(deps.database, "enabledUserByToken", (db) =>
    db
      .select()
      .from(users)
      .where(and(eq(users.tokenHash, sql.placeholder("hash")), isNull(users.disabledAt)))
      .limit(1)
      .prepare(),
  );
  const [user] = await query.all({ hash });
  return user ? { id: user.id, role: user.role as Role, officeIds: user.officeIds, staffId: user.staffId, name: user.name } : null;
}

/** Who signed in, and the SHA-256 of the token they used (what a console session is bound to). */
export interface Credential {
  actor: Actor;
  tokenHash: string;
}

/** Shared by API bearer tokens and console sessions. */
export async function credentialFor(deps: Deps, token: string): Promise<Credential | null> {
  if (token.length === 0 || token.length > 200) return null;
  const hash = await hashOf(deps, token);
  const actor = await byHash(deps, hash);
  return actor ? { actor, tokenHash: hash } : null;
}

export async function actorForToken(deps: Deps, token: string): Promise<Actor | null> {
  return (await credentialFor(deps, token))?.actor ?? null;
}

/** The actor a stored token hash still stands for, or null once it was rotated or disabled. */
export const actorForTokenHash = (deps: Deps, hash: string): Promise<Actor | null> => byHash(deps, hash);
