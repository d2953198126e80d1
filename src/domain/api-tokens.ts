// A user's API tokens for machines: several per user, each with a name, shown once at creation,
// stored as SHA-256 only. Revoking a token also ends the console sessions opened with it.
import { and, asc, eq } from "drizzle-orm";
import { apiTokens, consoleSessions } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { newId, randomToken, sha256Hex } from "../lib/ids.js";
import { getUser } from "./users.js";
import type { Ctx } from "./context.js";
import { invalidField, notFound } from "./errors.js";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A user may hold this many tokens at once: enough for every machine, few enough to review. */
export const MAX_TOKENS_PER_USER = 20;

/** A new token's row (to insert in the caller's batch) and the token itself, to show once. */
export async function newApiToken(userId: string, name: string, now: number): Promise<{ row: ApiTokenRow; token: string }> {
  const token = randomToken("cita");
  const row: ApiTokenRow = { id: newId("tok", now), userId, name, tokenHash: await sha256Hex(token), createdAt: now, lastUsedAt: null };
  return { row, token };
}

export function listApiTokens(ctx: Ctx, userId: string): Promise<ApiTokenRow[]> {
  return ctx.deps.database.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.id)).limit(MAX_TOKENS_PER_USER);
}

/** Creates a named token for a user (admin, or the user themselves through the console). */
export async function createApiToken(ctx: Ctx, userId: string, name: string): Promise<ApiTokenRow & { token: string }> {
  await getUser(ctx, userId);
  const held = await listApiTokens(ctx, userId);
  if (held.length >= MAX_TOKENS_PER_USER) throw invalidField("name", `a user holds at most ${MAX_TOKENS_PER_USER} tokens; revoke one first`);
  const { row, token } = await newApiToken(userId, name, ctx.deps.clock.now());
  await ctx.deps.database.db.insert(apiTokens).values(row);
  ctx.deps.logger.info("api token created", { userId, tokenId: row.id, by: ctx.actor.id });
  return { ...row, token };
}

/** Statements that revoke these tokens and end the console sessions opened with them. */
export function revokeStatements(ctx: Ctx, rows: ApiTokenRow[]): Statement[] {
  const { db } = ctx.deps.database;
  return rows.flatMap((r) => [
    statement(db.delete(apiTokens).where(eq(apiTokens.id, r.id))),
    statement(db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, r.tokenHash))),
  ]);
}

/** Revokes one token of a user: refused at once (401) in every process. */
export async function revokeApiToken(ctx: Ctx, userId: string, tokenId: string): Promise<void> {
  await getUser(ctx, userId);
  const [row] = await ctx.deps.database.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)));
  if (!row) throw notFound("token", tokenId);
  await ctx.deps.database.batch(revokeStatements(ctx, [row]));
  ctx.deps.logger.info("api token revoked", { userId, tokenId, by: ctx.actor.id });
}
