// Accepting and declining an offer. The first accept claims the freed time (one conditional
// UPDATE; a unique index lets one offer per freed time be 'accepting' or 'accepted'), then books
// it through the ordinary booking functions: a waiting case gets a new appointment (book), a
// booked case has its appointment moved (reschedule: the old time is released in the same batch).
// The database's no-overlap triggers still decide against any staff booking racing it.
import { and, eq, sql } from "drizzle-orm";
import { freedTimes, offers } from "../db/schema.js";
import { constraintFailure, statement } from "../db/database.js";
import { book } from "./booking/book.js";
import { reschedule } from "./booking/transitions.js";
import { recordHistory } from "./booking/statements.js";
import { applicantCtx } from "./applicant/link.js";
import { closeFreedTime, systemCtx, topUp } from "./offers-make.js";
import { DomainError } from "./errors.js";
import { formatUtcIso } from "../slots/index.js";
import type { Deps } from "../deps.js";

export type OfferRow = typeof offers.$inferSelect;

/** What became of an accept: the appointment it booked or moved, or why not. */
export type AcceptOutcome = { outcome: "accepted"; appointmentId: string } | { outcome: "gone" | "expired" | "declined" };

export async function readOffer(deps: Deps, id: string) {
  const [row] = await deps.database.db
    .select({ offer: offers, freed: freedTimes })
    .from(offers)
    .innerJoin(freedTimes, eq(freedTimes.id, offers.freedTimeId))
    .where(eq(offers.id, id))
    .limit(1);
  return row ?? null;
}

/** open → expired once its time ran out. */
async function expire(deps: Deps, id: string): Promise<void> {
  await deps.database.db
    .update(offers)
    .set({ status: "expired", decidedAt: deps.clock.now() })
    .where(and(eq(offers.id, id), eq(offers.status, "open")));
}

/** open → accepting, unless another offer of the same time holds it (unique index) or it closed meanwhile. */
async function claim(deps: Deps, id: string, now: number): Promise<boolean> {
  try {
    const rows = await deps.database.db
      .update(offers)
      .set({ status: "accepting", decidedAt: now })
      .where(and(eq(offers.id, id), eq(offers.status, "open"), sql`${offers.expiresAt} > ${now}`))
      .returning({ id: offers.id });
    return rows.length > 0;
  } catch (error) {
    if (constraintFailure(error)?.kind === "UNIQUE") return false;
    throw error;
  }
}

const wasOutcome = (offer: OfferRow): AcceptOutcome =>
  offer.status === "accepted" && offer.bookedAppointmentId
    ? { outcome: "accepted", appointmentId: offer.bookedAppointmentId }
    : { outcome: offer.status === "expired" ? "expired" : offer.status === "declined" ? "declined" : "gone" };

/** A second tap while the first accept still books: wait for it (a few seconds at most) and answer the same. */
async function settled(deps: Deps, id: string): Promise<AcceptOutcome> {
  for (let i = 0; i < 30; i++) {
    const again = await readOffer(deps, id);
    if (!again) return { outcome: "gone" };
    if (again.offer.status !== "accepting") return wasOutcome(again.offer);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { outcome: "gone" };
}

export async function acceptOffer(deps: Deps, id: string): Promise<AcceptOutcome> {
  const found = await readOffer(deps, id);
  if (!found) return { outcome: "gone" };
  const { offer, freed } = found;
  const now = deps.clock.now();
  if (offer.status === "open" && offer.expiresAt <= now) {
    // Expired here rather than by the sweep: the next case is offered the time all the same.
    await expire(deps, id);
    await topUp(deps, freed.id);
    return { outcome: "expired" };
  }
  if (offer.status !== "open" || !(await claim(deps, id, now))) return settled(deps, id);
  let appointmentId: string;
  try {
    const moved = offer.appointmentId
      ? await reschedule(applicantCtx(deps, offer.appointmentId), offer.appointmentId, { start: freed.startAt, staffId: freed.staffId })
      : await book(systemCtx(deps, freed.officeId), { caseId: offer.caseId, serviceId: freed.serviceId, officeId: freed.officeId, start: freed.startAt, staffId: freed.staffId });
    appointmentId = moved.id;
  } catch (error) {
    if (!(error instanceof DomainError)) {
      // Unexpected: let the claim go so the offer can be tried again.
      await deps.database.db
        .update(offers)
        .set({ status: "open", decidedAt: null })
        .where(and(eq(offers.id, id), eq(offers.status, "accepting")));
      throw error;
    }
    await deps.database.db.update(offers).set({ status: "gone", decidedAt: now }).where(eq(offers.id, id));
    // Taken by someone else, or no longer a bookable start: nobody can have it. Otherwise only
    // this case could not (it changed meanwhile): the next case is offered the time.
    if (error.kind === "slot-taken" || error.kind === "validation") await closeFreedTime(deps, freed.id);
    else await topUp(deps, freed.id);
    return { outcome: "gone" };
  }
  await deps.database.batch([
    statement(sql`UPDATE ${offers} SET status = 'accepted', decided_at = ${now}, booked_appointment_id = ${appointmentId} WHERE id = ${id}`),
    statement(sql`UPDATE ${freedTimes} SET status = 'filled' WHERE id = ${freed.id}`),
    // The others of this time are gone; the case's offers of other times too (it has its time now).
    statement(sql`UPDATE ${offers} SET status = 'gone', decided_at = ${now} WHERE status = 'open' AND (freed_time_id = ${freed.id} OR case_id = ${offer.caseId})`),
    recordHistory(appointmentId, now, "applicant", "offer_accepted", null, {
      offerId: id,
      status: "scheduled",
      start: formatUtcIso(freed.startAt),
      end: formatUtcIso(freed.endAt),
      staffId: freed.staffId,
      roomId: null,
    }),
  ]);
  return { outcome: "accepted", appointmentId };
}

/** The applicant says no: the offer closes and the next case is offered the time. */
export async function declineOffer(deps: Deps, id: string): Promise<AcceptOutcome> {
  const found = await readOffer(deps, id);
  if (!found) return { outcome: "gone" };
  const declined = await deps.database.db
    .update(offers)
    .set({ status: "declined", decidedAt: deps.clock.now() })
    .where(and(eq(offers.id, id), eq(offers.status, "open")))
    .returning({ id: offers.id });
  if (declined.length === 0) return wasOutcome(found.offer);
  await topUp(deps, found.freed.id);
  return { outcome: "declined" };
}
