// Reading offers: what the offer page shows, and a case's offers for staff.
import { asc, eq } from "drizzle-orm";
import { appointments, cases, freedTimes, offers, offices } from "../db/schema.js";
import { getCase } from "./cases.js";
import type { Ctx } from "./context.js";
import type { Deps } from "../deps.js";
import { localDateOf } from "../slots/index.js";
import { dayNumber } from "./dates.js";

/** Days an accepted offer saved: from the original date (appointment, or window's last day) to the new one, in the office's days. */
export const daysSaved = (o: { originalAt: number; start: number }, zone: string) => dayNumber(localDateOf(zone, o.originalAt))! - dayNumber(localDateOf(zone, o.start))!;

/** The offer with its freed time, case and office: what its page and its message are made of. */
export async function loadOffer(deps: Deps, id: string) {
  const [row] = await deps.database.db
    .select({ offer: offers, freed: freedTimes, caseRow: cases, office: offices })
    .from(offers)
    .innerJoin(freedTimes, eq(freedTimes.id, offers.freedTimeId))
    .innerJoin(cases, eq(cases.id, offers.caseId))
    .innerJoin(offices, eq(offices.id, offers.officeId))
    .where(eq(offers.id, id))
    .limit(1);
  return row ?? null;
}

/** The offer with its freed time, case, office and the appointment it would move (if any). */
export async function offerPageData(deps: Deps, id: string) {
  const row = await loadOffer(deps, id);
  if (!row) return null;
  const [current] = row.offer.appointmentId ? await deps.database.db.select().from(appointments).where(eq(appointments.id, row.offer.appointmentId)) : [];
  return { ...row, current: current ?? null };
}

export interface CaseOffer {
  id: string;
  status: string;
  start: number;
  end: number;
  staffId: string;
  serviceId: string;
  appointmentId: string | null;
  bookedAppointmentId: string | null;
  originalAt: number;
  expiresAt: number;
  createdAt: number;
  decidedAt: number | null;
}

/** A case's offers, oldest first; the caller must be allowed the case's office. */
export async function listCaseOffers(ctx: Ctx, caseId: string): Promise<CaseOffer[]> {
  await getCase(ctx, caseId);
  return offersWhere(ctx.deps, eq(offers.caseId, caseId));
}

/** Offers that name this appointment, as the one they would move or the one they booked. */
export async function appointmentOffers(deps: Deps, appointmentId: string, caseId: string): Promise<CaseOffer[]> {
  const rows = await offersWhere(deps, eq(offers.caseId, caseId));
  return rows.filter((o) => o.appointmentId === appointmentId || o.bookedAppointmentId === appointmentId || o.appointmentId === null);
}

async function offersWhere(deps: Deps, where: ReturnType<typeof eq>): Promise<CaseOffer[]> {
  const rows = await deps.database.db
    .select({ offer: offers, freed: freedTimes })
    .from(offers)
    .innerJoin(freedTimes, eq(freedTimes.id, offers.freedTimeId))
    .where(where)
    .orderBy(asc(offers.id));
  return rows.map(({ offer, freed }) => ({
    id: offer.id,
    status: offer.status,
    start: freed.startAt,
    end: freed.endAt,
    staffId: freed.staffId,
    serviceId: freed.serviceId,
    appointmentId: offer.appointmentId,
    bookedAppointmentId: offer.bookedAppointmentId,
    originalAt: offer.originalAt,
    expiresAt: offer.expiresAt,
    createdAt: offer.createdAt,
    decidedAt: offer.decidedAt,
  }));
}
