// Staff accounts. The token is shown once, at creation; only its SHA-256 hash is stored.
import { asc, eq, gt, inArray } from "drizzle-orm";
import { offices, staff, users } from "../db/schema.js";
import { newId, randomToken, sha256Hex } from "../lib/ids.js";
import { pageBy } from "./pagination.js";
import type { Ctx, Role } from "./context.js";
import { notFound, invalidFields } from "./errors.js";

export type UserRow = typeof users.$inferSelect;

export interface UserInput {
  name: string;
  email: string;
  role: Role;
  officeIds?: string[];
  staffId?: string | null;
}

export async function createUser(ctx: Ctx, input: UserInput): Promise<UserRow & { token: string }> {
  const { db } = ctx.deps.database;
  const officeIds = input.officeIds ?? [];
  if (input.role === "scheduler" && officeIds.length === 0) throw invalidFields([{ path: "officeIds", message: "a scheduler needs at least one office" }]);
  if (input.role === "interviewer" && !input.staffId) throw invalidFields([{ path: "staffId", message: "an interviewer is linked to a staff member" }]);
  if (officeIds.length) {
    const found = new Set((await db.select({ id: offices.id }).from(offices).where(inArray(offices.id, officeIds))).map((r) => r.id));
    const missing = officeIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
    if (missing.length) throw invalidFields(missing.map(({ id, i }) => ({ path: `officeIds.${i}`, message: `no office '${id}'` })));
  }
  if (input.staffId) {
    const [member] = await db.select({ id: staff.id }).from(staff).where(eq(staff.id, input.staffId));
    if (!member) throw invalidFields([{ path: "staffId", message: `no staff member '${input.staffId}'` }]);
  }
  const now = ctx.deps.clock.now();
  const token = randomToken("cita");
  const row: UserRow = {
    id: newId("usr", now),
    name: input.name,
    email: input.email,
    role: input.role,
    officeIds,
    staffId: input.staffId ?? null,
    tokenHash: await sha256Hex(token),
    createdAt: now,
    disabledAt: null,
  };
  await db.insert(users).values(row);
  return { ...row, token };
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
