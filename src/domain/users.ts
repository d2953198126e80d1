// Staff accounts. A new user gets a first API token, shown once; only its SHA-256 is stored
// (src/domain/api-tokens.ts). Role and offices are Cita's, whatever way the person signs in.
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { apiTokens, offices, staff, users } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { newId } from "../lib/ids.js";
import { pageBy } from "./pagination.js";
import { newApiToken } from "./api-tokens.js";
import type { Ctx, Role } from "./context.js";
import type { Deps } from "../deps.js";
import { notFound, invalidFields, type FieldError } from "./errors.js";

export type UserRow = typeof users.$inferSelect;

export interface UserInput {
  name: string;
  email: string;
  role: Role;
  officeIds?: string[];
  staffId?: string | null;
}

/** What a role needs, and whether the offices and staff member named exist: every refusal names its field. */
async function checkRole(ctx: Ctx, role: Role, officeIds: string[], staffId: string | null | undefined) {
  const { db } = ctx.deps.database;
  if (role === "scheduler" && officeIds.length === 0) throw invalidFields([{ path: "officeIds", message: "a scheduler needs at least one office" }]);
  if (role === "interviewer" && !staffId) throw invalidFields([{ path: "staffId", message: "an interviewer is linked to a staff member" }]);
  const errors: FieldError[] = [];
  if (officeIds.length) {
    const found = new Set((await db.select({ id: offices.id }).from(offices).where(inArray(offices.id, officeIds))).map((r) => r.id));
    officeIds.forEach((id, i) => found.has(id) || errors.push({ path: `officeIds.${i}`, message: `no office '${id}'` }));
  }
  if (staffId) {
    const [member] = await db.select({ id: staff.id }).from(staff).where(eq(staff.id, staffId));
    if (!member) errors.push({ path: "staffId", message: `no staff member '${staffId}'` });
  }
  if (errors.length) throw invalidFields(errors);
}

/** `also` adds statements to the creating batch (an invitation's email), made from the new row. */
export async function createUser(ctx: Ctx, input: UserInput, also: (row: UserRow) => Statement[] = () => []): Promise<UserRow & { token: string }> {
  const officeIds = input.officeIds ?? [];
  await checkRole(ctx, input.role, officeIds, input.staffId);
  const now = ctx.deps.clock.now();
  const row: UserRow = {
    id: newId("usr", now),
    name: input.name,
    email: input.email,
    role: input.role,
    officeIds,
    staffId: input.staffId ?? null,
    createdAt: now,
    disabledAt: null,
  };
  const first = await newApiToken(row.id, "default", now);
  const { db } = ctx.deps.database;
  // The user and their first token together: never a user without the token the answer shows.
  await ctx.deps.database.batch([statement(db.insert(users).values(row)), statement(db.insert(apiTokens).values(first.row)), ...also(row)]);
  return { ...row, token: first.token };
}

export interface UserChange {
  role?: Role;
  officeIds?: string[];
  staffId?: string | null;
}

/** Changes a user's role, offices or staff link; the next request of every session sees it. */
export async function updateUser(ctx: Ctx, id: string, change: UserChange): Promise<UserRow> {
  const user = await getUser(ctx, id);
  const next = { role: change.role ?? (user.role as Role), officeIds: change.officeIds ?? user.officeIds, staffId: change.staffId === undefined ? user.staffId : change.staffId };
  await checkRole(ctx, next.role, next.officeIds, next.staffId);
  const { db } = ctx.deps.database;
  if (user.role === "admin" && next.role !== "admin" && user.disabledAt === null) {
    // The last enabled admin cannot stop being one, as they cannot be disabled (user-access.ts).
    const others = await db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt), sql`${users.id} <> ${id}`));
    if (!others[0]?.n) throw invalidFields([{ path: "role", message: "the last enabled admin must stay an admin; make another admin first" }]);
  }
  await db.update(users).set(next).where(eq(users.id, id));
  ctx.deps.logger.info("user changed", { userId: id, by: ctx.actor.id });
  return { ...user, ...next };
}

export function listUsers(ctx: Ctx, limit: number, cursor?: string) {
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(users)
      .where(after ? gt(users.id, after) : undefined)
      .orderBy(asc(users.id))
      .limit(take),
  );
}

export async function getUser(ctx: Ctx, id: string): Promise<UserRow> {
  const [row] = await ctx.deps.database.db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound("user", id);
  return row;
}

/**
 * The one enabled user with this email (compared without case), or null: unknown, disabled, or
 * shared by several enabled accounts (then nobody can tell which one is meant).
 */
export async function enabledUserByEmail(deps: Deps, email: string): Promise<UserRow | null> {
  const address = email.trim().toLowerCase();
  if (!address || address.length > 320) return null;
  const rows = await deps.database.db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${address}`, isNull(users.disabledAt)))
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}
