// Who would gain from a freed time: waiting cases whose window holds its day, and booked cases
// whose appointment of the same service is later. Both must speak a language the freed
// interviewer serves and be reachable. Flagged cases come first, then the office's rule: the
// window closing soonest (default) or the oldest screening; the case id breaks ties.
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";
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
function common(input: FindInput, few = false, viaAppointments = false): SQL[] {
  const { freed, service, languages } = input;
  // For the few flagged or extended cases, the unary + keeps SQLite off the queue index, whose
  // screening range holds every case of the office, and on the small partial index instead.
  const screened = few ? sql`+${cases.screenedAt}` : sql`${cases.screenedAt}`;
  return [
    // Booked cases are found from the office's later appointments (a handful), never by walking its cases.
    viaAppointments ? sql`+${cases.officeId} = ${freed.officeId}` : eq(cases.officeId, freed.officeId),
    eq(cases.track, service.agency),
    inArray(cases.language, languages.length ? languages : [""]),
    // The window holds the freed day: it opened (screened + minDays ≤ day) and has not closed.
    sql`${screened} <= ${addDays(freed.localDate, -service.windowMinDays)}`,
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

/**
 * Waiting cases, in three narrow reads rather than one sort of every case of the office (10,000
 * waiting cases took 30–70 ms to sort; see bench/offers.ts): the flagged ones (few, partial
 * index); those without extensions, whose window closes in screening order, so SQLite walks the
 * queue index from the oldest window still open and stops after `limit`; and the extended ones
 * (few, partial index). Under the screened-first rule the second read takes every unflagged case.
 */
async function waiting(deps: Deps, input: FindInput): Promise<Candidate[]> {
  const { db } = deps.database;
  const { freed, service } = input;
  const stillOpen = sql`${windowEnd(service)} >= ${freed.localDate}`;
  const read = (where: SQL | undefined, orderBy: SQL[], few = false) =>
    db
      .select(caseColumns(input))
      .from(cases)
      .where(
        and(
          ...common(input, few),
          where,
          notExists(
            db
              .select({ one: sql`1` })
              .from(appointments)
              .where(and(eq(appointments.caseId, cases.id), inArray(appointments.status, [...QUEUE_HIDING_STATUSES]))),
          ),
        ),
      )
      .orderBy(...orderBy)
      .limit(input.limit);
  const inOrder = [sql`${cases.screenedAt}`, sql`${cases.id}`];
  const parts =
    input.settings.offerOrder === "screened-first"
      ? [read(and(isNotNull(cases.prioritySince), stillOpen), [ordering(input).key, sql`${cases.id}`], true), read(and(isNull(cases.prioritySince), stillOpen), inOrder)]
      : [
          read(and(isNotNull(cases.prioritySince), stillOpen), [ordering(input).key, sql`${cases.id}`], true),
          // Without extensions the window is open exactly when the screening is recent enough.
          read(and(isNull(cases.prioritySince), eq(cases.windowExtensionDays, 0), gte(cases.screenedAt, addDays(freed.localDate, -service.windowMaxDays))), inOrder),
          read(and(isNull(cases.prioritySince), gt(cases.windowExtensionDays, 0), stillOpen), [ordering(input).key, sql`${cases.id}`], true),
        ];
  const rows = (await Promise.all(parts)).flat();
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
        ...common(input, true, true),
        sql`${windowEnd(service)} >= ${freed.localDate}`,
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
