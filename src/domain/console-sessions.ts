// Console sessions, kept on the server so that signing out, disabling a user, revoking a session
// or the token it was opened with ends them. The browser's cookie holds a random session id; the
// table holds only its SHA-256, with the user, how they signed in (OpenID Connect, email link or
// token; for a token, its hash), and when the session was opened and last used. A session ends
// after SESSION_IDLE_MS without use, SESSION_MAX_MS after sign-in, or as soon as its user is
// disabled or its token no longer resolves.
import { and, desc, eq, like, lt, or, sql } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { consoleSessions } from "../db/schema.js";
import { prepared } from "../db/prepared.js";
import { statement, type Statement } from "../db/database.js";
import { randomToken, sha256Hex } from "../lib/ids.js";
import type { Actor } from "./context.js";
import { actorForTokenHash, enabledActor } from "./tokens.js";

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
/** last_seen_at is written at most once a minute per session: a page view need not be a write. */
const TOUCH_AFTER_MS = 60_000;
const MAX_ID_LENGTH = 100;

export type SignInMethod = "oidc" | "email" | "token";

/** Who signed in and how; a token sign-in keeps the token's hash, so revoking the token ends it. */
export interface SignedIn {
  actor: Actor;
  method: SignInMethod;
  tokenHash?: string | null;
}

/**
 * The statements that open a session for `userId` (the caller puts them in its own batch), and
 * the id for the cookie (never stored). Expired sessions of anyone are swept in the same batch,
 * so the table stays as small as the live ones.
 */
export async function sessionStatements(deps: Deps, who: { userId: string; method: SignInMethod; tokenHash?: string | null }): Promise<{ id: string; statements: Statement[] }> {
  const id = randomToken("cs");
  const now = deps.clock.now();
  const row = { idHash: await sha256Hex(id), userId: who.userId, method: who.method, tokenHash: who.tokenHash ?? null, createdAt: now, lastSeenAt: now };
  const { db } = deps.database;
  const expired = or(lt(consoleSessions.createdAt, now - SESSION_MAX_MS), lt(consoleSessions.lastSeenAt, now - SESSION_IDLE_MS));
  return { id, statements: [statement(db.delete(consoleSessions).where(expired)), statement(db.insert(consoleSessions).values(row))] };
}

/** Opens a session for a checked sign-in; answers the id for the cookie. */
export async function openSession(deps: Deps, who: SignedIn): Promise<string> {
  const { id, statements } = await sessionStatements(deps, { userId: who.actor.id, method: who.method, tokenHash: who.tokenHash });
  await deps.database.batch(statements);
  return id;
}

export interface OpenSession {
  actor: Actor;
  /** The SHA-256 of the session id: what form tokens are bound to, without the id itself. */
  idHash: string;
}

/** The live session this cookie value names, or null (unknown, expired, or its token no longer valid). */
export async function findSession(deps: Deps, id: string): Promise<OpenSession | null> {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
  const idHash = await sha256Hex(id);
  const byId = prepared(deps.database, "consoleSessionById", (db) =>
    db
      .select()
      .from(consoleSessions)
      .where(eq(consoleSessions.idHash, sql.placeholder("idHash")))
      .limit(1)
      .prepare(),
  );
  const [row] = await byId.all({ idHash });
  if (!row) return null;
  const now = deps.clock.now();
  const actor = row.tokenHash !== null ? await actorForTokenHash(deps, row.tokenHash) : await enabledActor(deps, row.userId);
  if (!actor || actor.id !== row.userId || now - row.createdAt >= SESSION_MAX_MS || now - row.lastSeenAt >= SESSION_IDLE_MS) {
    await deps.database.db.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt >= TOUCH_AFTER_MS) {
    await deps.database.db.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.idHash, idHash));
  }
  return { actor, idHash };
}

/** Sign-out: the session is deleted, so its cookie is worth nothing even if it was copied. */
export async function closeSession(deps: Deps, idHash: string): Promise<void> {
  await deps.database.db.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
}

/** Ends every console session of a user; goes in the same batch as a disable or a rotation. */
export const endSessionsOf = (deps: Deps, userId: string): Statement => statement(deps.database.db.delete(consoleSessions).where(eq(consoleSessions.userId, userId)));

/** A session as its user's page lists it: a short public handle (never the id or its hash), how and when. */
export interface SessionView {
  handle: string;
  method: SignInMethod;
  createdAt: number;
  lastSeenAt: number;
}

const HANDLE_LENGTH = 16;

/** The user's live sessions, the most recently used first. */
export async function listSessions(deps: Deps, userId: string): Promise<SessionView[]> {
  const now = deps.clock.now();
  const rows = await deps.database.db.select().from(consoleSessions).where(eq(consoleSessions.userId, userId)).orderBy(desc(consoleSessions.lastSeenAt)).limit(100);
  return rows
    .filter((r) => now - r.createdAt < SESSION_MAX_MS && now - r.lastSeenAt < SESSION_IDLE_MS)
    .map((r) => ({ handle: r.idHash.slice(0, HANDLE_LENGTH), method: r.method as SignInMethod, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt }));
}

/** Ends one session of a user, named by its handle; false when there is no such session. */
export async function revokeSession(deps: Deps, userId: string, handle: string): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(handle)) return false;
  const gone = await deps.database.db
    .delete(consoleSessions)
    .where(and(eq(consoleSessions.userId, userId), like(consoleSessions.idHash, `${handle}%`)))
    .returning({ idHash: consoleSessions.idHash });
  return gone.length > 0;
}
