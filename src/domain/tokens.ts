// Who a bearer token stands for: looked up by its SHA-256 hash in `api_tokens`; the token itself
// is never stored.
import { and, eq, isNull, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import type { Deps } from "../deps.js";
import { apiTokens, users } from "../db/schema.js";
import { sha256Hex } from "../lib/ids.js";
import type { Actor, Role } from "./context.js";
import type { UserRow } from "./users.js";

const HASHES_KEPT = 1000;
/** A token's last use is written at most once a minute: a request need not be a write. */
const TOUCH_AFTER_MS = 60_000;

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

export const BOOTSTRAP_ADMIN: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null, name: "Admin" };

export const actorOf = (user: UserRow): Actor => ({ id: user.id, role: user.role as Role, officeIds: user.officeIds, staffId: user.staffId, name: user.name });

/**
 * Finds who a token belongs to: the bootstrap admin, or an enabled user holding it. Only
 * token → hash is cached; who a hash belongs to, and whether that account is enabled, is read
 * from the database on every request, so a disable or a revocation holds at once everywhere.
 */
async function byHash(deps: Deps, hash: string): Promise<Actor | null> {
  const { adminToken } = deps.config;
  if (adminToken && hash === (await hashOf(deps, adminToken))) return BOOTSTRAP_ADMIN;
  const query = prepared(deps.database, "enabledUserByApiToken", (db) =>
    db
      .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(users.disabledAt)))
      .limit(1)
      .prepare(),
  );
  const [found] = await query.all({ hash });
  if (!found) return null;
  const now = deps.clock.now();
  if (found.lastUsedAt === null || now - found.lastUsedAt >= TOUCH_AFTER_MS) {
    await deps.database.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.tokenId));
  }
  return actorOf(found.user);
}

/** Who signed in, and the SHA-256 of the token they used (what a token console session is bound to). */
export interface Credential {
  actor: Actor;
  tokenHash: string;
}

/** Shared by API bearer tokens and the console's token sign-in. */
export async function credentialFor(deps: Deps, token: string): Promise<Credential | null> {
  if (token.length === 0 || token.length > 200) return null;
  const hash = await hashOf(deps, token);
  const actor = await byHash(deps, hash);
  return actor ? { actor, tokenHash: hash } : null;
}

export async function actorForToken(deps: Deps, token: string): Promise<Actor | null> {
  return (await credentialFor(deps, token))?.actor ?? null;
}

/** The actor a stored token hash still stands for, or null once it was revoked or its user disabled. */
export const actorForTokenHash = (deps: Deps, hash: string): Promise<Actor | null> => byHash(deps, hash);

/** An enabled user by id, as an actor (sessions opened by OpenID Connect or an email link), or null. */
export async function enabledActor(deps: Deps, userId: string): Promise<Actor | null> {
  const query = prepared(deps.database, "enabledUserById", (db) =>
    db
      .select()
      .from(users)
      .where(and(eq(users.id, sql.placeholder("id")), isNull(users.disabledAt)))
      .limit(1)
      .prepare(),
  );
  const [user] = await query.all({ id: userId });
  return user ? actorOf(user) : null;
}
