// The offers' figures for an office and period: offers made (by when they were made, in the
// office's days), accepted, and the days the accepted ones saved (docs/offers.md).
import { and, eq, gte, lt } from "drizzle-orm";
import { freedTimes, offers } from "../db/schema.js";
import { daysSaved } from "./offers-read.js";
import type { Ctx } from "./context.js";

export interface OfferFigures {
  made: number;
  accepted: number;
  /** Sum over accepted offers of the days between the original date and the new one. */
  daysSaved: number;
}

export async function offerFigures(ctx: Ctx, office: { id: string; timeZone: string }, lo: number, hi: number, serviceId?: string): Promise<OfferFigures> {
  const rows = await ctx.deps.database.db
    .select({ status: offers.status, originalAt: offers.originalAt, start: freedTimes.startAt })
    .from(offers)
    .innerJoin(freedTimes, eq(freedTimes.id, offers.freedTimeId))
    .where(and(eq(offers.officeId, office.id), gte(offers.createdAt, lo), lt(offers.createdAt, hi), serviceId ? eq(freedTimes.serviceId, serviceId) : undefined));
  const accepted = rows.filter((r) => r.status === "accepted");
  return { made: rows.length, accepted: accepted.length, daysSaved: accepted.reduce((sum, r) => sum + daysSaved(r, office.timeZone), 0) };
}
