// Applicants' cases: who they are, which office and track, and the window their appointment must fall in.
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { caseExtensions, cases } from "../db/schema.js";
import { statement } from "../db/database.js";
import { prepared } from "../db/prepared.js";
import { newId } from "../lib/ids.js";
import { localDateOf } from "../slots/index.js";
import { failedRules } from "./eligibility.js";
import { getOffice, insertOnce } from "./offices.js";
import { readdressPending } from "./notifications.js";
import { pageBy } from "./pagination.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";
import { DomainError, invalidField, forbidden, notFound } from "./errors.js";

export type CaseRow = typeof cases.$inferSelect;

export interface CaseFields {
  reference?: string;
  /** The applicant's name (protected: lists show it masked). */
  name?: string | null;
  track: string;
  screenedAt: string;
  language: string;
  householdSize: number;
  nationality: string;
  presentSince: string;
  birthDate: string;
  legalStatus: string;
  contact?: { email?: string | null; phone?: string | null };
  eligibilityOverride?: { reason: string };
}

export interface CaseInput extends CaseFields {
  officeId: string;
}

async function assertEligible(ctx: Ctx, officeId: string, row: CaseRow, override?: { reason: string }): Promise<string | null> {
  const office = await getOffice(ctx, officeId);
  const failed = failedRules(office.eligibility ?? null, row, row.screenedAt);
  if (failed.length === 0) return row.eligibilityOverride;
  if (override) {
    if (ctx.actor.role !== "admin") throw forbidden("Only an admin may override the eligibility rules.");
    return override.reason;
  }
  throw new DomainError("not-eligible", failed.map((f) => `${f.path}: ${f.message}`).join("; "), { errors: failed });
}

/** A screening has happened: its date is not after today at the case's office (the office's date, not UTC's). */
async function assertScreened(ctx: Ctx, officeId: string, screenedAt: string) {
  const { timeZone } = await getOffice(ctx, officeId);
  const today = localDateOf(timeZone, ctx.deps.clock.now());
  if (screenedAt > today) throw invalidField("screenedAt", `must not be after today at the office (${today} in ${timeZone})`);
}

export async function createCase(ctx: Ctx, input: CaseInput): Promise<CaseRow> {
  assertOffice(ctx.actor, input.officeId);
  await assertScreened(ctx, input.officeId, input.screenedAt);
  const now = ctx.deps.clock.now();
  const id = newId("case", now);
  const row: CaseRow = {
    id,
    reference: input.reference ?? `C-${id.slice(-10).toUpperCase()}`,
    name: input.name ?? null,
    officeId: input.officeId,
    track: input.track,
    screenedAt: input.screenedAt,
    language: input.language,
    householdSize: input.householdSize,
    nationality: input.nationality,
    presentSince: input.presentSince,
    birthDate: input.birthDate,
    legalStatus: input.legalStatus,
    contactEmail: input.contact?.email ?? null,
    contactPhone: input.contact?.phone ?? null,
    windowExtensionDays: 0,
    eligibilityOverride: null,
    smsStoppedAt: null,
    prioritySince: null,
    priorityReason: null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  };
  row.eligibilityOverride = await assertEligible(ctx, input.officeId, row, input.eligibilityOverride);
  await insertOnce("case", row.reference, () => ctx.deps.database.db.insert(cases).values(row), "reference");
  return row;
}

/** The case without an access check, for code that has already checked access to its appointment. */
export async function findCase(ctx: Ctx, id: string): Promise<CaseRow> {
  const byId = prepared(ctx.deps.database, "caseById", (db) =>
    db
      .select()
      .from(cases)
      .where(eq(cases.id, sql.placeholder("id")))
      .limit(1)
      .prepare(),
  );
  const [row] = await byId.all({ id });
  if (!row) throw notFound("case", id);
  return row;
}

export async function getCase(ctx: Ctx, id: string): Promise<CaseRow> {
  const row = await findCase(ctx, id);
  assertOffice(ctx.actor, row.officeId);
  return row;
}

export function listCases(ctx: Ctx, limit: number, cursor?: string, filter: { officeId?: string; reference?: string } = {}) {
  const { actor } = ctx;
  if (filter.officeId) assertOffice(actor, filter.officeId);
  const scope = actor.role === "admin" ? undefined : inArray(cases.officeId, actor.officeIds.length ? actor.officeIds : [""]);
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db
      .select()
      .from(cases)
      .where(
        and(
          scope,
          filter.officeId ? eq(cases.officeId, filter.officeId) : undefined,
          filter.reference ? eq(cases.reference, filter.reference) : undefined,
          after ? gt(cases.id, after) : undefined,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(take),
  );
}

export async function updateCase(ctx: Ctx, id: string, patch: Partial<CaseFields>): Promise<CaseRow> {
  const current = await getCase(ctx, id);
  if (patch.screenedAt !== undefined) await assertScreened(ctx, current.officeId, patch.screenedAt);
  const { contact, eligibilityOverride, ...fields } = patch;
  const next: CaseRow = {
    ...current,
    ...fields,
    contactEmail: contact && "email" in contact ? (contact.email ?? null) : current.contactEmail,
    contactPhone: contact && "phone" in contact ? (contact.phone ?? null) : current.contactPhone,
    updatedAt: ctx.deps.clock.now(),
  };
  next.eligibilityOverride = await assertEligible(ctx, current.officeId, next, eligibilityOverride);
  // Messages not yet sent follow the corrected contact, in the same batch as the correction.
  const readdressed = [
    ...(next.contactEmail !== current.contactEmail ? [readdressPending(id, "email", next.contactEmail, next.updatedAt)] : []),
    ...(next.contactPhone !== current.contactPhone ? [readdressPending(id, "sms", next.contactPhone, next.updatedAt)] : []),
  ];
  await insertOnce(
    "case",
    next.reference,
    () => ctx.deps.database.batch([statement(ctx.deps.database.db.update(cases).set(next).where(eq(cases.id, id))), ...readdressed]),
    "reference",
  );
  return next;
}

/** More days at the end of the case's window (an applicant looking for a sponsor, say), recorded with its reason. */
export async function extendWindow(ctx: Ctx, id: string, input: { days: number; reason: string }): Promise<CaseRow> {
  const current = await getCase(ctx, id);
  const now = ctx.deps.clock.now();
  const { db } = ctx.deps.database;
  await ctx.deps.database.batch([
    statement(db.insert(caseExtensions).values({ id: newId("ext", now), caseId: id, days: input.days, reason: input.reason, actor: ctx.actor.id, createdAt: now })),
    statement(
      db
        .update(cases)
        .set({ windowExtensionDays: sql`${cases.windowExtensionDays} + ${input.days}`, updatedAt: now })
        .where(eq(cases.id, id)),
    ),
  ]);
  return getCase(ctx, current.id);
}
