// Disabling, enabling and rotating the tokens of a staff account. A disable or a rotation is one
// atomic batch with the end of the user's console sessions; the token resolver reads the users
// and api_tokens tables on every request, so either holds at once in every process and isolate.
import { and, eq, isNull, sql } from "drizzle-orm";
import { apiTokens, users } from "../db/schema.js";
import { constraintFailure, statement } from "../db/database.js";
import { mustHaveChanged } from "./booking/statements.js";
import { endSessionsOf } from "./console-sessions.js";
import { getUser, type UserRow } from "./users.js";
import { newApiToken } from "./api-tokens.js";
import type { Ctx } from "./context.js";
import { conflict } from "./errors.js";

/**
 * Some enabled admin account other than `id` remains. Checked inside the UPDATE itself, so two
 * admins disabling each other at once cannot both succeed.
 */
const anotherAdminRemains = (id: string) => sql`EXISTS (SELECT 1 FROM ${users} AS other WHERE other.role = 'admin' AND other.disabled_at IS NULL AND other.id <> ${id})`;

/**
 * Disables a user: their token is refused (401) and their console sessions end. Disabling a
 * disabled user changes nothing. The last enabled admin account cannot be disabled (409), by
 * anyone, themselves included: someone must always be able to manage users with a token.
 */
export async function disableUser(ctx: Ctx, id: string): Promise<UserRow> {
  const user = await getUser(ctx, id);
  if (user.disabledAt !== null) return user;
  const { db } = ctx.deps.database;
  const disable = db
    .update(users)
    .set({ disabledAt: ctx.deps.clock.now() })
    .where(and(eq(users.id, id), isNull(users.disabledAt), sql`(${users.role} <> 'admin' OR ${anotherAdminRemains(id)})`));
  try {
    await ctx.deps.database.batch([statement(disable), mustHaveChanged(), endSessionsOf(ctx.deps, id)]);
  } catch (error) {
    if (constraintFailure(error)?.kind !== "CHECK") throw error;
    const now = await getUser(ctx, id);
    // Someone else disabled them meanwhile: the same outcome.
    if (now.disabledAt !== null) return now;
    throw conflict(`'${id}' is the last enabled admin account; enable or create another admin first.`);
  }
  ctx.deps.logger.info("user disabled", { userId: id, by: ctx.actor.id });
  return getUser(ctx, id);
}

/** Enables a user again: the token they had works again (rotate it too if it may have leaked). */
export async function enableUser(ctx: Ctx, id: string): Promise<UserRow> {
  const user = await getUser(ctx, id);
  if (user.disabledAt === null) return user;
  await ctx.deps.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
  ctx.deps.logger.info("user enabled", { userId: id, by: ctx.actor.id });
  return { ...user, disabledAt: null };
}

/**
 * Gives a user a new token, answered only here: every token they held stops working and their
 * console sessions end (whatever way they were opened). A disabled user may get one too; it
 * works once they are enabled.
 */
export async function rotateToken(ctx: Ctx, id: string): Promise<UserRow & { token: string }> {
  const user = await getUser(ctx, id);
  const { row, token } = await newApiToken(id, "default", ctx.deps.clock.now());
  const { db } = ctx.deps.database;
  await ctx.deps.database.batch([statement(db.delete(apiTokens).where(eq(apiTokens.userId, id))), statement(db.insert(apiTokens).values(row)), endSessionsOf(ctx.deps, id)]);
  ctx.deps.logger.info("user token rotated", { userId: id, by: ctx.actor.id });
  return { ...user, token };
}
