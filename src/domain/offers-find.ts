// Who would gain from a freed time: waiting cases whose window holds its day, and booked cases
// whose appointment of the same service is later. Both must speak a language the freed
// interviewer serves and be reachable. Flagged cases come first, then the office's rule: the
// window closing soonest (default) or the oldest screening; the case id breaks ties.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, notExists, or, sql, type SQL } from "drizzle-orm";
import { appointments, cases, offers } from "../db/schema.js";
import { addDays } from "./dates.js";
import { APPLICANT_CUTOFF_MS } from "./applicant/rules.js";
import { QUEUE_HIDING_STATUSES } from "./queue.js";
import type { Deps } from "../deps.js";
import type { OfficeRow } from "./offices.js";
import type { ServiceRow } from "./services.js";
import type { OfferSettings } from "./offers-settings.js";

export interface FreedTime {
  id: string;
  officeId: string;
  serviceId: string;
  staffId: string;
  startAt: number;
  /** The freed start's local date in the office's zone. */
  localDate: string;
  fromCaseId: string | null;
}

export interface Candidate {
  caseId: string;
  prioritySince: number | null;
  /** The sort key after the flag: window end, or screening date ("YYYY-MM-DD"). */
  orderKey: string;
  /** The live appointment to move on accept, or null for a waiting case. */
  appointmentId: string | null;
  /** The appointment's start, or for a waiting case the last day of its window (local midnight, see docs/offers.md). */
  originalStart: number | null;
  windowEnd: string;
  email: string | null;
  phone: string | null;
}

export interface FindInput {
  freed: FreedTime;
  office: OfficeRow;
  service: ServiceRow;
  languages: string[];
  settings: OfferSettings;
  now: number;
  limit: number;
}

/** The window's last day as SQL: screenedAt + maxDays + the case's extensions. */
const windowEnd = (service: ServiceRow) => sql<string>`date(${cases.screenedAt}, '+' || (${service.windowMaxDays} + ${cases.windowExtensionDays}) || ' days')`;

/** The filters both kinds of candidate share: office, track, language, window, reachable, not yet offered this time. */
function common(input: FindInput): SQL[] {
  const { freed, service, languages } = input;
  return [
    eq(cases.officeId, freed.officeId),
    eq(cases.track, service.agency),
    inArray(cases.language, languages.length ? languages : [""]),
    // The window holds the freed day: it opened (screened + minDays ≤ day) and has not closed.
    lte(cases.screenedAt, addDays(freed.localDate, -service.windowMinDays)),
    sql`${windowEnd(service)} >= ${freed.localDate}`,
    or(isNotNull(cases.contactEmail), and(isNotNull(cases.contactPhone), isNull(cases.smsStoppedAt)))!,
    freed.fromCaseId ? sql`${cases.id} <> ${freed.fromCaseId}` : sql`1 = 1`,
    sql`not exists (${sqlOffered(freed.id)})`,
  ];
}

const sqlOffered = (freedId: string) => sql`select 1 from ${offers} where ${offers.freedTimeId} = ${freedId} and ${offers.caseId} = ${cases.id}`;

function ordering(input: FindInput) {
  const key = input.settings.offerOrder === "screened-first" ? sql<string>`${cases.screenedAt}` : windowEnd(input.service);
  return { key, orderBy: [sql`(${cases.prioritySince} is null)`, key, asc(cases.id)] };
}

const caseColumns = (input: FindInput) => ({
  caseId: cases.id,
  prioritySince: cases.prioritySince,
  orderKey: ordering(input).key,
  windowEnd: windowEnd(input.service),
  email: cases.contactEmail,
  phone: cases.contactPhone,
});

async function waiting(deps: Deps, input: FindInput): Promise<Candidate[]> {
  const { db } = deps.database;
  const rows = await db
    .select(caseColumns(input))
    .from(cases)
    .where(
      and(
        ...common(input),
        notExists(
          db
            .select({ one: sql`1` })
            .from(appointments)
            .where(and(eq(appointments.caseId, cases.id), inArray(appointments.status, [...QUEUE_HIDING_STATUSES]))),
        ),
      ),
    )
    .orderBy(...ordering(input).orderBy)
    .limit(input.limit);
  return rows.map((r) => ({ ...r, appointmentId: null, originalStart: null }));
}

async function booked(deps: Deps, input: FindInput): Promise<Candidate[]> {
  const { office, service, freed, now } = input;
  const rows = await deps.database.db
    .select({ ...caseColumns(input), appointmentId: appointments.id, originalStart: appointments.startAt })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .where(
      and(
        eq(appointments.officeId, freed.officeId),
        eq(appointments.serviceId, service.id),
        inArray(appointments.status, ["scheduled", "confirmed"]),
        gt(appointments.startAt, freed.startAt),
        // Accepting moves it as the applicant would: not within a day of it, and within the limits.
        gt(appointments.startAt, now + APPLICANT_CUTOFF_MS),
        lt(appointments.rescheduleCount, office.settings.rescheduleLimit),
        lt(appointments.applicantRescheduleCount, office.settings.applicantRescheduleLimit),
        ...common(input),
      ),
    )
    .orderBy(...ordering(input).orderBy)
    .limit(input.limit);
  return rows;
}

const rank = (c: Candidate) => [c.prioritySince === null ? 1 : 0, c.orderKey, c.caseId] as const;
const before = (a: Candidate, b: Candidate) => {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
};

/** The next `limit` cases to offer the freed time to, best first. */
export async function findCandidates(deps: Deps, input: FindInput): Promise<Candidate[]> {
  if (input.limit <= 0) return [];
  const [w, b] = await Promise.all([waiting(deps, input), booked(deps, input)]);
  return [...w, ...b].sort(before).slice(0, input.limit);
}
