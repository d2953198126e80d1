// A case's priority flag: staff put a case first in line for freed times (docs/offers.md), always
// with a reason. The flag and its history entry are written in one batch.
import { eq, sql } from "drizzle-orm";
import { casePriorityChanges, cases } from "../db/schema.js";
import { statement } from "../db/database.js";
import { actorName } from "./booking/book.js";
import { getCase, type CaseRow } from "./cases.js";
import type { Ctx } from "./context.js";

export async function setPriority(ctx: Ctx, caseId: string, input: { priority: boolean; reason: string }): Promise<CaseRow> {
  const current = await getCase(ctx, caseId);
  const now = ctx.deps.clock.now();
  // Setting it again keeps the first `since`: the flag's age is how long the case has been first.
  const since = input.priority ? (current.prioritySince ?? now) : null;
  await ctx.deps.database.batch([
    statement(sql`UPDATE ${cases} SET priority_since = ${since}, priority_reason = ${input.priority ? input.reason : null}, updated_at = ${now} WHERE id = ${caseId}`),
    statement(ctx.deps.database.db.insert(casePriorityChanges).values({ caseId, priority: input.priority, reason: input.reason, actor: actorName(ctx), at: now })),
  ]);
  return getCase(ctx, caseId);
}

export async function priorityHistory(ctx: Ctx, caseId: string) {
  await getCase(ctx, caseId);
  return ctx.deps.database.db.select().from(casePriorityChanges).where(eq(casePriorityChanges.caseId, caseId)).orderBy(casePriorityChanges.id);
}
