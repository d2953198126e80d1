// Each interviewer's private subscription feed: its token and what it shows. Calendar clients
// cannot send a bearer header, so the feed has a token of its own, stored as a hash. What the
// feed reads carries no applicant contact details: the case reference is the only link to the
// person. Writing the iCalendar text is the route's business (src/routes/calendar/feed.ts).
import { and, asc, eq, gte, ne } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { appointments, cases, offices, services, staff } from "../db/schema.js";
import { randomToken, sha256Hex } from "../lib/ids.js";
import { getStaff, type StaffRow } from "./staff.js";
import type { Actor, Ctx } from "./context.js";
import { DomainError, forbidden } from "./errors.js";

export const FEED_PAST_DAYS = 30;
/** A bound on one answer; an interviewer's calendar never holds this many future appointments. */
export const FEED_MAX_EVENTS = 2000;

/**
 * The feed shows the interviewer's appointments in every office, so only they and an admin may
 * issue its token; a scheduler of one of their offices may not.
 */
export const mayIssueFeedToken = (actor: Actor, staffId: string) => actor.role === "admin" || (actor.role === "interviewer" && actor.staffId === staffId);

/** A new token for the staff member's feed; the previous one stops working. Shown once. */
export async function issueFeedToken(ctx: Ctx, staffId: string): Promise<{ staffId: string; token: string }> {
  const member = await getStaff(ctx, staffId);
  if (!mayIssueFeedToken(ctx.actor, member.id)) throw forbidden("Only the interviewer themself or an admin may issue their feed token.");
  const token = randomToken("feed");
  await ctx.deps.database.db
    .update(staff)
    .set({ feedTokenHash: await sha256Hex(token) })
    .where(eq(staff.id, member.id));
  return { staffId: member.id, token };
}

function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const refused = () => new DomainError("unauthorized", "This feed needs its own valid ?token=.");

/** The staff member whose feed this token opens; an unknown member and a wrong token look alike. */
export async function checkFeedToken(deps: Deps, staffId: string, token: string | undefined): Promise<StaffRow> {
  if (!token || token.length > 200) throw refused();
  const [member] = await deps.database.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  const hash = await sha256Hex(token);
  if (!member?.feedTokenHash || !sameHash(hash, member.feedTokenHash)) throw refused();
  return member;
}

export interface FeedAppointment {
  uid: string;
  sequence: number;
  startAt: number;
  endAt: number;
  status: string;
  roomId: string | null;
  reference: string;
  service: string;
  office: string;
  address: string;
}

/** The staff member's appointments that are not cancelled, from FEED_PAST_DAYS before `now` on. */
export function feedAppointments(deps: Deps, staffId: string, now: number): Promise<FeedAppointment[]> {
  return deps.database.db
    .select({
      uid: appointments.uid,
      sequence: appointments.sequence,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      status: appointments.status,
      roomId: appointments.roomId,
      reference: cases.reference,
      service: services.name,
      office: offices.name,
      address: offices.address,
    })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(offices, eq(offices.id, appointments.officeId))
    .where(and(eq(appointments.staffId, staffId), gte(appointments.startAt, now - FEED_PAST_DAYS * 86_400_000), ne(appointments.status, "cancelled")))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(FEED_MAX_EVENTS);
}
