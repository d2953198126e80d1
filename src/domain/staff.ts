// Interviewers and counselors: who they are, where and what they serve, and when they work.
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { availabilityRules, offices, services, staff, timeOff } from "../db/schema.js";
import { newId } from "../lib/ids.js";
import { parseRule } from "../slots/index.js";
import { insertOnce } from "./offices.js";
import { openedTimeStatements } from "./offers-opened.js";
import { pageBy } from "./pagination.js";
import { writeConfig } from "./versions.js";
import type { Actor, Ctx } from "./context.js";
import { DomainError, forbidden, notFound, invalidFields, type FieldError } from "./errors.js";

export type StaffRow = typeof staff.$inferSelect;
export type RuleRow = typeof availabilityRules.$inferSelect;
export type TimeOffRow = typeof timeOff.$inferSelect;

export interface StaffInput {
  id?: string;
  name: string;
  email: string;
  phone?: string | null;
  agency: string;
  timeZone: string;
  languages: string[];
  officeIds: string[];
  serviceIds: string[];
}

/** Admins see everyone; schedulers the staff of their offices; interviewers themselves. */
export function canSeeStaff(actor: Actor, member: Pick<StaffRow, "id" | "officeIds">): boolean {
  if (actor.role === "admin") return true;
  if (actor.role === "scheduler") return member.officeIds.some((o) => actor.officeIds.includes(o));
  return actor.staffId === member.id;
}

async function missingIds(ctx: Ctx, table: typeof offices | typeof services, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await ctx.deps.database.db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

async function checkReferences(ctx: Ctx, input: { officeIds?: string[]; serviceIds?: string[] }) {
  const errors: FieldError[] = [];
  for (const id of await missingIds(ctx, offices, input.officeIds ?? [])) errors.push({ path: `officeIds.${input.officeIds!.indexOf(id)}`, message: `no office '${id}'` });
  for (const id of await missingIds(ctx, services, input.serviceIds ?? [])) errors.push({ path: `serviceIds.${input.serviceIds!.indexOf(id)}`, message: `no service '${id}'` });
  if (errors.length) throw invalidFields(errors);
}

/** Who staff are and where they work is an admin's to set (the API's routes say the same). */
export function assertStaffEditor(actor: Actor) {
  if (actor.role !== "admin") throw forbidden("Only an admin may add staff or change their details.");
}

export async function createStaff(ctx: Ctx, input: StaffInput): Promise<StaffRow> {
  assertStaffEditor(ctx.actor);
  await checkReferences(ctx, input);
  const now = ctx.deps.clock.now();
  const row: StaffRow = { ...input, id: input.id ?? newId("stf", now), phone: input.phone ?? null, feedTokenHash: null, createdAt: now, updatedAt: now };
  await insertOnce("staff member", row.id, () => writeConfig(ctx, ctx.deps.database.db.insert(staff).values(row)));
  return row;
}

export async function getStaff(ctx: Ctx, id: string): Promise<StaffRow> {
  const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.id, id)).limit(1);
  if (!row) throw notFound("staff member", id);
  if (!canSeeStaff(ctx.actor, row)) throw forbidden(`Staff member '${id}' is not in your offices.`);
  return row;
}

export function listStaff(ctx: Ctx, limit: number, cursor?: string, officeId?: string) {
  const { actor } = ctx;
  const inOffice = (id: string) => sql`exists (select 1 from json_each(${staff.officeIds}) where value = ${id})`;
  const scope =
    actor.role === "admin"
      ? undefined
      : actor.role === "scheduler"
        ? sql`exists (select 1 from json_each(${staff.officeIds}) where value in ${actor.officeIds.length ? actor.officeIds : [""]})`
        : eq(staff.id, actor.staffId ?? "");
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(staff)
      .where(and(scope, officeId ? inOffice(officeId) : undefined, after ? gt(staff.id, after) : undefined))
      .orderBy(asc(staff.id))
      .limit(take),
  );
}

export async function updateStaff(ctx: Ctx, id: string, patch: Partial<Omit<StaffInput, "id">>): Promise<StaffRow> {
  assertStaffEditor(ctx.actor);
  const current = await getStaff(ctx, id);
  await checkReferences(ctx, patch);
  const next: StaffRow = { ...current, ...patch, updatedAt: ctx.deps.clock.now() };
  await writeConfig(ctx, ctx.deps.database.db.update(staff).set(next).where(eq(staff.id, id)));
  return next;
}

/** Interviewers change only their own schedule (getStaff already keeps schedulers to their offices' staff). */
function assertScheduleAccess(actor: Actor, member: StaffRow) {
  if (actor.role === "interviewer" && actor.staffId !== member.id) throw forbidden("Interviewers manage only their own schedule.");
}

/**
 * Time off is per person and blocks the member in every office, so a scheduler may add or remove
 * it only for staff who work solely in the scheduler's offices; otherwise the member or an admin.
 */
function assertTimeOffAccess(actor: Actor, member: StaffRow) {
  assertScheduleAccess(actor, member);
  if (actor.role !== "scheduler") return;
  const elsewhere = member.officeIds.filter((o) => !actor.officeIds.includes(o));
  if (elsewhere.length)
    throw forbidden(`Staff member '${member.id}' also works for ${elsewhere.map((o) => `'${o}'`).join(", ")}: only they or an admin may change their time off.`);
}

/** May the actor add or remove the member's time off? (the page hides what the API would refuse) */
export function canChangeTimeOff(actor: Actor, member: StaffRow): boolean {
  try {
    assertTimeOffAccess(actor, member);
    return true;
  } catch {
    return false;
  }
}

/** The offices whose rules a PUT replaces: a scheduler's own offices only; null means all of them. */
function officesReplacedBy(actor: Actor, rules: RuleInput[]): string[] | null {
  if (actor.role !== "scheduler") return null;
  const foreign: FieldError[] = [];
  rules.forEach((r, i) => {
    if (!actor.officeIds.includes(r.officeId)) foreign.push({ path: `${i}.officeId`, message: `office '${r.officeId}' is not one of yours` });
  });
  if (foreign.length) throw new DomainError("forbidden", `Schedulers set rules only for their own offices (${foreign.map((e) => e.path).join(", ")}).`, { errors: foreign });
  return actor.officeIds;
}

/**
 * Who may write these rules for the member, and whether each is a rule for one of the member's
 * offices: the checks of a PUT, also run by the console's preview before anything is written.
 */
export async function checkAvailability(ctx: Ctx, staffId: string, rules: RuleInput[]): Promise<{ member: StaffRow; replaced: string[] | null }> {
  const member = await getStaff(ctx, staffId);
  assertScheduleAccess(ctx.actor, member);
  const replaced = officesReplacedBy(ctx.actor, rules);
  const errors: FieldError[] = [];
  rules.forEach((r, i) => {
    const problem = parseRule(r.rrule);
    if (problem) errors.push({ path: `${i}.rrule`, message: problem });
    if (!member.officeIds.includes(r.officeId)) errors.push({ path: `${i}.officeId`, message: `'${r.officeId}' is not one of this staff member's offices` });
  });
  if (errors.length) throw invalidFields(errors);
  return { member, replaced };
}

export interface RuleInput {
  rrule: string;
  start: string;
  end: string;
  timeZone?: string;
  officeId: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/**
 * Replaces the member's rule set in one batch, after checking every rule. A scheduler replaces
 * only the rules of their own offices; the member's rules for other offices stay untouched.
 */
export async function putAvailability(ctx: Ctx, staffId: string, rules: RuleInput[]): Promise<RuleRow[]> {
  const { member, replaced } = await checkAvailability(ctx, staffId, rules);
  const rows = rules.map((r) => ({
    staffId,
    officeId: r.officeId,
    rrule: r.rrule,
    start: r.start,
    end: r.end,
    timeZone: r.timeZone ?? member.timeZone,
    validFrom: r.validFrom ?? null,
    validUntil: r.validUntil ?? null,
  }));
  const { db } = ctx.deps.database;
  const old = and(eq(availabilityRules.staffId, staffId), replaced ? inArray(availabilityRules.officeId, replaced) : undefined);
  // Hours gained are freed time for the offers: recorded in the same batch as the new rules.
  const rulesAfter = new Map((replaced ?? member.officeIds).map((officeId) => [officeId, rows.filter((r) => r.officeId === officeId)]));
  const opened = await openedTimeStatements(ctx, member, { kind: "hours", rules: rulesAfter });
  await writeConfig(ctx, db.delete(availabilityRules).where(old), ...rows.map((r) => db.insert(availabilityRules).values(r)), ...opened);
  return listAvailability(ctx, staffId);
}

export async function listAvailability(ctx: Ctx, staffId: string): Promise<RuleRow[]> {
  await getStaff(ctx, staffId);
  return ctx.deps.database.db.select().from(availabilityRules).where(eq(availabilityRules.staffId, staffId)).orderBy(asc(availabilityRules.id));
}

export async function addTimeOff(ctx: Ctx, staffId: string, input: { start: number; end: number; reason: string }): Promise<TimeOffRow> {
  const member = await getStaff(ctx, staffId);
  assertTimeOffAccess(ctx.actor, member);
  const now = ctx.deps.clock.now();
  const row: TimeOffRow = { id: newId("tof", now), staffId, startAt: input.start, endAt: input.end, reason: input.reason, createdAt: now };
  await writeConfig(ctx, ctx.deps.database.db.insert(timeOff).values(row));
  return row;
}

export async function listTimeOff(ctx: Ctx, staffId: string, limit: number, cursor?: string) {
  await getStaff(ctx, staffId);
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(timeOff)
      .where(and(eq(timeOff.staffId, staffId), after ? gt(timeOff.id, after) : undefined))
      .orderBy(asc(timeOff.id))
      .limit(take),
  );
}

export async function deleteTimeOff(ctx: Ctx, staffId: string, id: string): Promise<void> {
  const member = await getStaff(ctx, staffId);
  assertTimeOffAccess(ctx.actor, member);
  const [row] = await ctx.deps.database.db
    .select({ id: timeOff.id, start: timeOff.startAt, end: timeOff.endAt })
    .from(timeOff)
    .where(and(eq(timeOff.staffId, staffId), eq(timeOff.id, id)));
  if (!row) throw notFound("time off", id);
  // The time it gives back is freed time for the offers, recorded in the same batch.
  const opened = await openedTimeStatements(ctx, member, { kind: "time-off", removedTimeOff: row });
  await writeConfig(ctx, ctx.deps.database.db.delete(timeOff).where(eq(timeOff.id, id)), ...opened);
}
