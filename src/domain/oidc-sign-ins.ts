// OpenID Connect sign-ins under way, kept on the server: the state (stored as its SHA-256), the
// nonce and the PKCE code verifier, bound to the browser that started (the SHA-256 of a random
// cookie), for OIDC_TTL_MS. The callback takes the row once, so a replayed callback finds nothing.
import { and, eq, lt } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { oidcSignIns } from "../db/schema.js";
import { statement } from "../db/database.js";
import { sha256Hex } from "../lib/ids.js";
import { sameInConstantTime } from "./link-secret.js";

export const OIDC_TTL_MS = 10 * 60_000;

export interface OidcStart {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export async function rememberOidcStart(deps: Deps, browserSecret: string, start: OidcStart): Promise<void> {
  const now = deps.clock.now();
  const { db } = deps.database;
  const row = {
    stateHash: await sha256Hex(start.state),
    browserHash: await sha256Hex(browserSecret),
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    next: start.next,
    expiresAt: now + OIDC_TTL_MS,
  };
  // Abandoned sign-ins are swept here, so the table holds only the ones under way.
  await deps.database.batch([statement(db.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, now))), statement(db.insert(oidcSignIns).values(row))]);
}

/**
 * The sign-in this callback's `state` belongs to, taken (deleted) so it serves once; null when
 * there is none, it expired, or another browser started it (then it is left alone).
 */
export async function takeOidcStart(deps: Deps, state: string | undefined, browserSecret: string | undefined): Promise<OidcStart | null> {
  if (!state || state.length > 200 || !browserSecret) return null;
  const stateHash = await sha256Hex(state);
  const { db } = deps.database;
  const [row] = await db.select().from(oidcSignIns).where(eq(oidcSignIns.stateHash, stateHash));
  if (!row || !sameInConstantTime(await sha256Hex(browserSecret), row.browserHash)) return null;
  const [taken] = await db
    .delete(oidcSignIns)
    .where(and(eq(oidcSignIns.stateHash, stateHash), eq(oidcSignIns.browserHash, row.browserHash)))
    .returning();
  if (!taken || deps.clock.now() >= taken.expiresAt) return null;
  return { state, nonce: taken.nonce, codeVerifier: taken.codeVerifier, next: taken.next };
}
