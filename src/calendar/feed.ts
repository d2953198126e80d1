// Each interviewer's private subscription feed (webcal): their appointments from 30 days back
// on, METHOD:PUBLISH, one VEVENT per appointment with its lifelong UID and SEQUENCE. Calendar
// clients cannot send a bearer header, so the URL carries a token of its own, stored as a hash.
// No applicant contact details are in it: the case reference is the only link to the person.
import { and, asc, eq, gte, ne } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { appointments, cases, offices, services, staff } from "../db/schema.js";
import { getStaff } from "../domain/staff.js";
import { randomToken, sha256Hex } from "../lib/ids.js";
import { writeCalendar, type CalendarEvent } from "./ics.js";
import type { Ctx } from "../domain/context.js";
import { DomainError } from "../domain/errors.js";

export const FEED_PAST_DAYS = 30;
/** A bound on one answer; an interviewer's calendar never holds this many future appointments. */
export const FEED_MAX_EVENTS = 2000;

export const feedPath = (staffId: string) => `/v1/staff/${encodeURIComponent(staffId)}/feed.ics`;

/** A new token for the staff member's feed; the previous one stops working. Shown once. */
export async function issueFeedToken(ctx: Ctx, staffId: string) {
  const member = await getStaff(ctx, staffId);
  const token = randomToken("feed");
  await ctx.deps.database.db.update(staff).set({ feedTokenHash: await sha256Hex(token) }).where(eq(staff.id, member.id));
  const url = `${ctx.deps.config.publicUrl}${feedPath(member.id)}?token=${token}`;
  return { staffId: member.id, token, url, webcalUrl: url.replace(/^https?:/, "webcal:") };
}

function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const refused = () => new DomainError("unauthorized", "This feed needs its own valid ?token=.");

/** The staff member whose feed this token opens; an unknown member and a wrong token look alike. */
async function authorize(deps: Deps, staffId: string, token: string | undefined) {
  if (!token || token.length > 200) throw refused();
  const [member] = await deps.database.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  const hash = await sha256Hex(token);
  if (!member?.feedTokenHash || !sameHash(hash, member.feedTokenHash)) throw refused();
  return member;
}

export async function staffFeed(deps: Deps, staffId: string, token: string | undefined): Promise<string> {
  const member = await authorize(deps, staffId, token);
  const now = deps.clock.now();
  const rows = await deps.database.db
    .select({ a: appointments, reference: cases.reference, service: services.name, office: offices.name, address: offices.address })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(offices, eq(offices.id, appointments.officeId))
    .where(and(eq(appointments.staffId, member.id), gte(appointments.startAt, now - FEED_PAST_DAYS * 86_400_000), ne(appointments.status, "cancelled")))
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(FEED_MAX_EVENTS);
  const events: CalendarEvent[] = rows.map(({ a, reference, service, office, address }) => ({
    uid: a.uid,
    sequence: a.sequence,
    start: a.startAt,
    end: a.endAt,
    summary: `${service} — ${reference}`,
    description: [`Case: ${reference}`, `Status: ${a.status.replace("_", " ")}`, ...(a.roomId ? [`Room: ${a.roomId}`] : [])].join("\n"),
    location: `${office}, ${address}`,
    // Not yet confirmed by the applicant: the time is held, but shown as tentative.
    status: a.status === "scheduled" ? "TENTATIVE" : "CONFIRMED",
  }));
  return writeCalendar({ method: "PUBLISH", stamp: now, name: `Cita — ${member.name}`, events });
}
