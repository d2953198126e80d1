// Console sessions, kept on the server so that signing out, disabling a user or rotating their
// token ends them. The browser's cookie holds a random session id; the table holds only its
// SHA-256, with the user, the hash of the token they signed in with, and when the session was
// opened and last used. A session ends after SESSION_IDLE_MS without use, SESSION_MAX_MS after
// sign-in, or as soon as the token it was opened with no longer resolves (rotated, disabled).
import { eq, lt, or, sql } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { consoleSessions } from "../db/schema.js";
import { prepared } from "../db/prepared.js";
import { statement, type Statement } from "../db/database.js";
import { randomToken, sha256Hex } from "../lib/ids.js";
import type { Actor } from "./context.js";
import { actorForTokenHash, type Credential } from "./tokens.js";

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
/** last_seen_at is written at most once a minute per session: a page view need not be a write. */
const TOUCH_AFTER_MS = 60_000;
const MAX_ID_LENGTH = 100;

/** Opens a session for a checked credential; answers the id for the cookie (never stored). */
export async function openSession(deps: Deps, credential: Credential): Promise<string> {
  const id = randomToken("cs");
  const now = deps.clock.now();
  const row = { idHash: await sha256Hex(id), userId: credential.actor.id, tokenHash: credential.tokenHash, createdAt: now, lastSeenAt: now };
  const { db } = deps.database;
  // Expired sessions of anyone are swept here, so the table stays as small as the live ones.
  const expired = or(lt(consoleSessions.createdAt, now - SESSION_MAX_MS), lt(consoleSessions.lastSeenAt, now - SESSION_IDLE_MS));
  await deps.database.batch([statement(db.delete(consoleSessions).where(expired)), statement(db.insert(consoleSessions).values(row))]);
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
  const actor = await actorForTokenHash(deps, row.tokenHash);
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
