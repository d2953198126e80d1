// Finding a case at the desk by reference, phone or name, inside the offices the person may use.
// Names are protected data: the search matches them, the lists that show its hits mask them.
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { cases, services } from "../db/schema.js";
import { referenceMatch, type CaseWindow } from "./queue.js";
import { caseWindow } from "./slot-search.js";
import type { CaseRow } from "./cases.js";
import type { ServiceRow } from "./services.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";

export const SEARCH_LIMIT = 50;
/** Fewer digits than this would match half the office by the end of a phone number. */
const MIN_PHONE_DIGITS = 6;

export interface CaseHit {
  caseRow: CaseRow;
  /** The service the case's track books (as in the queue), or null when there is none. */
  service: ServiceRow | null;
  window: CaseWindow | null;
}

/** "+57 300-123 4567", "3001234567": the digits, when the text looks like a phone number. */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/[\s().-]/g, "");
  return new RegExp(`^\\+?\\d{${MIN_PHONE_DIGITS},15}$`).test(digits) ? digits.replace(/^\+/, "") : null;
}

/** Every way `q` may name a case: its reference (whole or prefix), the end of its phone, part of its name. */
function matches(q: string): SQL | undefined {
  const digits = phoneDigits(q);
  const ways = [
    referenceMatch(q),
    digits ? sql`${cases.contactPhone} like ${`%${digits}`}` : undefined,
    q.length >= 2 ? sql`instr(lower(${cases.name}), lower(${q})) > 0` : undefined,
  ];
  return or(...ways);
}

export async function searchCases(ctx: Ctx, req: { q: string; officeId?: string }): Promise<CaseHit[]> {
  const { actor } = ctx;
  if (req.officeId) assertOffice(actor, req.officeId);
  const q = req.q.trim();
  if (!q) return [];
  const scope = actor.role === "admin" ? undefined : inArray(cases.officeId, actor.officeIds.length ? actor.officeIds : [""]);
  const trackService = sql`(select min(s2.id) from services s2 where s2.agency = ${cases.track})`;
  const rows = await ctx.deps.database.db
    .select({ caseRow: cases, service: services })
    .from(cases)
    .leftJoin(services, eq(services.id, trackService))
    .where(and(scope, req.officeId ? eq(cases.officeId, req.officeId) : undefined, matches(q)))
    .orderBy(asc(cases.reference))
    .limit(SEARCH_LIMIT);
  return rows.map(({ caseRow, service }) => ({ caseRow, service, window: service ? caseWindow(caseRow, service) : null }));
}
