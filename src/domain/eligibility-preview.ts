// "This rule set would refuse N of the office's current cases": the same check that registering
// or editing a case runs (failedRules, on the case's screening date), over the office's cases
// that are still being served, before an admin saves new rules.
import { and, eq, notExists } from "drizzle-orm";
import { appointments, cases, type EligibilityRules } from "../db/schema.js";
import { failedRules } from "./eligibility.js";
import { getOffice } from "./offices.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";

export interface EligibilityPreview {
  /** The office's current cases: registered, and none of their appointments completed yet. */
  current: number;
  /** How many of them the rules would refuse (the API's 422 `not-eligible` on their next edit). */
  refused: number;
}

export async function previewEligibility(ctx: Ctx, officeId: string, rules: EligibilityRules): Promise<EligibilityPreview> {
  assertOffice(ctx.actor, officeId);
  await getOffice(ctx, officeId);
  const served = ctx.deps.database.db
    .select({ one: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.caseId, cases.id), eq(appointments.status, "completed")));
  // Only what the rules read: a case's name, contact and reference stay in the database.
  const rows = await ctx.deps.database.db
    .select({
      nationality: cases.nationality,
      presentSince: cases.presentSince,
      birthDate: cases.birthDate,
      legalStatus: cases.legalStatus,
      screenedAt: cases.screenedAt,
    })
    .from(cases)
    .where(and(eq(cases.officeId, officeId), notExists(served)));
  const refused = rows.filter((row) => failedRules(rules, row, row.screenedAt).length > 0).length;
  return { current: rows.length, refused };
}
