// The bookable services (UNHCR interview, IOM counseling …): durations, windows, caps.
import { asc, eq, gt, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import { services } from "../db/schema.js";
import { newId } from "../lib/ids.js";
import { insertOnce } from "./offices.js";
import { pageBy } from "./pagination.js";
import { writeConfig } from "./versions.js";
import type { Ctx } from "./context.js";
import { notFound } from "./errors.js";
import { assertAdmin } from "./access.js";

export type ServiceRow = typeof services.$inferSelect;

export interface ServiceInput {
  id?: string;
  name?: string;
  agency: string;
  durationMinutes: number;
  bufferMinutes: number;
  window: { minDays: number; maxDays: number };
  needsRoom: boolean;
  slotStepMinutes: number;
  minNoticeHours: number;
  dailyCapPerOffice?: number | null;
}

export async function createService(ctx: Ctx, input: ServiceInput): Promise<ServiceRow> {
  assertAdmin(ctx.actor);
  const { deps } = ctx;
  const now = deps.clock.now();
  const id = input.id ?? newId("svc", now);
  const row: ServiceRow = {
    id,
    name: input.name ?? id,
    agency: input.agency,
    durationMinutes: input.durationMinutes,
    bufferMinutes: input.bufferMinutes,
    windowMinDays: input.window.minDays,
    windowMaxDays: input.window.maxDays,
    needsRoom: input.needsRoom,
    slotStepMinutes: input.slotStepMinutes,
    minNoticeHours: input.minNoticeHours,
    dailyCapPerOffice: input.dailyCapPerOffice ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await insertOnce("service", id, () => writeConfig(ctx, deps.database.db.insert(services).values(row)));
  return row;
}

export async function getService({ deps }: Ctx, id: string): Promise<ServiceRow> {
  const byId = prepared(deps.database, "serviceById", (db) =>
    db
      .select()
      .from(services)
      .where(eq(services.id, sql.placeholder("id")))
      .limit(1)
      .prepare(),
  );
  const [row] = await byId.all({ id });
  if (!row) throw notFound("service", id);
  return row;
}

export function listServices({ deps }: Ctx, limit: number, cursor?: string) {
  return pageBy(limit, cursor, (after, take) =>
    deps.database.db
      .select()
      .from(services)
      .where(after ? gt(services.id, after) : undefined)
      .orderBy(asc(services.id))
      .limit(take),
  );
}

export async function updateService(ctx: Ctx, id: string, patch: Partial<Omit<ServiceInput, "id">>): Promise<ServiceRow> {
  assertAdmin(ctx.actor);
  const current = await getService(ctx, id);
  const { window, ...rest } = patch;
  const next: ServiceRow = {
    ...current,
    ...rest,
    windowMinDays: window?.minDays ?? current.windowMinDays,
    windowMaxDays: window?.maxDays ?? current.windowMaxDays,
    updatedAt: ctx.deps.clock.now(),
  };
  await writeConfig(ctx, ctx.deps.database.db.update(services).set(next).where(eq(services.id, id)));
  return next;
}
