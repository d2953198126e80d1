// Offices, their rooms, closures and eligibility rule sets.
import { OFFER_DEFAULTS } from "./offers-settings.js";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import { closures, offices, rooms, type EligibilityRules, type HoursRow, type OfficeSettings } from "../db/schema.js";
import { constraintFailure } from "../db/database.js";
import { newId } from "../lib/ids.js";
import { pageBy } from "./pagination.js";
import { writeConfig } from "./versions.js";
import type { Ctx } from "./context.js";
import { assertAdmin, assertOffice } from "./access.js";
import { conflict, notFound, withArticle } from "./errors.js";

export type OfficeRow = typeof offices.$inferSelect;

export const defaultOfficeSettings: OfficeSettings = {
  rescheduleLimit: 3,
  applicantRescheduleLimit: 2,
  reminderHours: [72, 24],
  quietHoursStart: "20:00",
  quietHoursEnd: "08:00",
  ...OFFER_DEFAULTS,
};

export interface OfficeInput {
  id?: string;
  name: string;
  country: string;
  timeZone: string;
  address: string;
  email?: string | null;
  phone?: string | null;
  publicEmail?: string | null;
  hours: HoursRow[];
  settings?: Partial<OfficeSettings>;
}

/** Turns a duplicate key into a 409 instead of a 500. */
export async function insertOnce(what: string, id: string, write: () => Promise<unknown>, key = "id"): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (constraintFailure(error)?.kind === "UNIQUE") {
      const phrase = withArticle(what);
      throw conflict(`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} with ${key} '${id}' already exists.`);
    }
    throw error;
  }
}

export async function createOffice(ctx: Ctx, input: OfficeInput): Promise<OfficeRow> {
  assertAdmin(ctx.actor);
  const { deps } = ctx;
  const now = deps.clock.now();
  const row: OfficeRow = {
    id: input.id ?? newId("off", now),
    name: input.name,
    country: input.country,
    timeZone: input.timeZone,
    address: input.address,
    email: input.email ?? null,
    phone: input.phone ?? null,
    publicEmail: input.publicEmail ?? null,
    hours: input.hours,
    settings: { ...defaultOfficeSettings, ...input.settings },
    eligibility: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertOnce("office", row.id, () => writeConfig(ctx, deps.database.db.insert(offices).values(row)));
  return row;
}

export async function getOffice({ deps }: Ctx, id: string): Promise<OfficeRow> {
  const byId = prepared(deps.database, "officeById", (db) =>
    db
      .select()
      .from(offices)
      .where(eq(offices.id, sql.placeholder("id")))
      .limit(1)
      .prepare(),
  );
  const [row] = await byId.all({ id });
  if (!row) throw notFound("office", id);
  return row;
}

export async function listOffices({ deps }: Ctx, limit: number, cursor?: string) {
  return pageBy(limit, cursor, (after, take) =>
    deps.database.db
      .select()
      .from(offices)
      .where(after ? gt(offices.id, after) : undefined)
      .orderBy(asc(offices.id))
      .limit(take),
  );
}

/** Settings a PATCH names: a value replaces the stored one, `null` puts back the default. */
export type SettingsPatch = { [K in keyof OfficeSettings]?: OfficeSettings[K] | null };

/** The stored settings with only the patch's keys changed; keys left out keep their values. */
export function mergeSettings(current: OfficeSettings, patch: SettingsPatch = {}): OfficeSettings {
  const next: Record<string, unknown> = { ...defaultOfficeSettings, ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) next[key] = value ?? defaultOfficeSettings[key as keyof OfficeSettings];
  }
  return next as unknown as OfficeSettings;
}

export async function updateOffice(ctx: Ctx, id: string, patch: Partial<Omit<OfficeInput, "id" | "settings">> & { settings?: SettingsPatch }): Promise<OfficeRow> {
  assertAdmin(ctx.actor);
  const current = await getOffice(ctx, id);
  const next: OfficeRow = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([k]) => k !== "settings")),
    settings: mergeSettings(current.settings, patch.settings),
    updatedAt: ctx.deps.clock.now(),
  };
  await writeConfig(ctx, ctx.deps.database.db.update(offices).set(next).where(eq(offices.id, id)));
  return next;
}

export async function setEligibility(ctx: Ctx, id: string, rules: EligibilityRules): Promise<EligibilityRules> {
  assertAdmin(ctx.actor);
  await getOffice(ctx, id);
  await writeConfig(ctx, ctx.deps.database.db.update(offices).set({ eligibility: rules, updatedAt: ctx.deps.clock.now() }).where(eq(offices.id, id)));
  return rules;
}

export async function createRoom(ctx: Ctx, officeId: string, input: { id?: string; name: string }) {
  assertAdmin(ctx.actor);
  await getOffice(ctx, officeId);
  const row = { officeId, id: input.id ?? newId("room", ctx.deps.clock.now()), name: input.name, createdAt: ctx.deps.clock.now() };
  await insertOnce("room", row.id, () => writeConfig(ctx, ctx.deps.database.db.insert(rooms).values(row)));
  return row;
}

export async function listRooms(ctx: Ctx, officeId: string, limit: number, cursor?: string) {
  await getOffice(ctx, officeId);
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(rooms)
      .where(and(eq(rooms.officeId, officeId), after ? gt(rooms.id, after) : undefined))
      .orderBy(asc(rooms.id))
      .limit(take),
  );
}

export type ClosureRow = typeof closures.$inferSelect;

export async function createClosure(ctx: Ctx, officeId: string, input: { date?: string; start?: number; end?: number; reason: string; open?: boolean }): Promise<ClosureRow> {
  await getOffice(ctx, officeId);
  assertOffice(ctx.actor, officeId);
  const now = ctx.deps.clock.now();
  const row: ClosureRow = {
    id: newId("clo", now),
    officeId,
    date: input.date ?? null,
    startAt: input.start ?? null,
    endAt: input.end ?? null,
    reason: input.reason,
    open: input.open ?? false,
    createdAt: now,
  };
  await writeConfig(ctx, ctx.deps.database.db.insert(closures).values(row));
  return row;
}

export async function listClosures(ctx: Ctx, officeId: string, limit: number, cursor?: string) {
  await getOffice(ctx, officeId);
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(closures)
      .where(and(eq(closures.officeId, officeId), after ? gt(closures.id, after) : undefined))
      .orderBy(asc(closures.id))
      .limit(take),
  );
}

export async function deleteClosure(ctx: Ctx, officeId: string, closureId: string): Promise<void> {
  assertOffice(ctx.actor, officeId);
  const [row] = await ctx.deps.database.db
    .select({ id: closures.id })
    .from(closures)
    .where(and(eq(closures.officeId, officeId), eq(closures.id, closureId)));
  if (!row) throw notFound("closure", closureId);
  await writeConfig(ctx, ctx.deps.database.db.delete(closures).where(eq(closures.id, closureId)));
}

export async function listRoomIds(ctx: Ctx, officeId: string): Promise<string[]> {
  const rows = await ctx.deps.database.db.select({ id: rooms.id }).from(rooms).where(eq(rooms.officeId, officeId)).orderBy(asc(rooms.id));
  return rows.map((r) => r.id);
}
