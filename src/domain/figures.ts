// Figures for programme managers: per office and service, how many appointments were booked,
// how many were missed, how long applicants waited after screening and whether they were seen
// inside their window; per interviewer, how much of their available time was booked.
// Plain counts come from SQL aggregates over the period's rows only (bounded by start_at, on the
// office index); percentiles and utilisation are computed here.
import { offerFigures, type OfferFigures } from "./offers-figures.js";
import { and, asc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { appointments, cases, offices, services, staff } from "../db/schema.js";
import { expandOfficeHours, expandRule, mergeIntervals, startOfLocalDay, type Interval, type SlotQuery } from "../slots/index.js";
import { MINUTE_MS, isoDate, mondayOf } from "../slots/calendar.js";
import { dayNumber } from "./dates.js";
import type { OfficeRow } from "./offices.js";
import type { ServiceRow } from "./services.js";
import { caseWindow } from "./slot-search.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";
import { invalidField, forbidden } from "./errors.js";
import { loadResources } from "./slot-resources.js";

export const MAX_PERIOD_DAYS = 366;

/** Local dates, both inclusive, read in each office's own zone. */
export interface Period {
  from: string;
  to: string;
}

/** A share kept as its two counts, so that 0 of 0 is shown as "no figure", never as 0 %. */
export interface Ratio {
  part: number;
  whole: number;
}

export interface ServiceFigures {
  serviceId: string;
  serviceName: string;
  /** Appointments of the period that were not cancelled (any other status). */
  booked: number;
  cancelled: number;
  completed: number;
  checkedIn: number;
  noShow: number;
  /** no_show / (completed + checked_in + no_show), among booked appointments whose start has passed. */
  noShowRate: Ratio;
  /** Local days from the case's screening to the appointment, over booked appointments (nearest rank). */
  daysMedian: number | null;
  daysP90: number | null;
  /** Booked appointments on a date inside the case's current window, without a window override. */
  insideWindow: Ratio;
}

export interface InterviewerFigures {
  staffId: string;
  name: string;
  /** Length of their booked appointments at the office (buffers excluded), all services. */
  bookedMinutes: number;
  /** Their availability ∩ the office's hours, less closures, holidays and time off. */
  availableMinutes: number;
}

export interface OfficeFigures {
  office: { id: string; name: string; timeZone: string };
  services: ServiceFigures[];
  interviewers: InterviewerFigures[];
  bookedMinutes: number;
  availableMinutes: number;
  /** Earlier-time offers made in the period (docs/offers.md). */
  offers: OfferFigures;
}

export interface Figures {
  period: Period;
  offices: OfficeFigures[];
  /** Booked appointments per local week (Monday first) over every office and service shown. */
  weeks: { monday: string; booked: number }[];
}

export interface FiguresQuery extends Period {
  officeIds: string[];
  serviceId?: string;
}

/** A period the figures accept, or a 422 naming the field. */
export function checkPeriod(from: string, to: string): { first: number; last: number } {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === null) throw invalidField("from", "must be a real date written YYYY-MM-DD");
  if (last === null) throw invalidField("to", "must be a real date written YYYY-MM-DD");
  if (last < first) throw invalidField("to", "must be on or after from");
  if (last - first + 1 > MAX_PERIOD_DAYS) throw invalidField("to", `the period may span at most ${MAX_PERIOD_DAYS} days`);
  return { first, last };
}

/**
 * The value at rank ⌈p·n/100⌉ of the ascending list (nearest rank): always a value that
 * occurred, so "days" stay whole days; the median of an even count is the lower middle one.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;
}

// Interval arithmetic over merged, ascending lists of [start, end).

function clip(list: readonly Interval[], lo: number, hi: number): Interval[] {
  return list.flatMap((i) => (i.end > lo && i.start < hi ? [{ start: Math.max(i.start, lo), end: Math.min(i.end, hi) }] : []));
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const { start, end } of a) {
    let from = start;
    while (j < b.length && b[j]!.end <= from) j++;
    for (let k = j; k < b.length && b[k]!.start < end; k++) {
      if (b[k]!.start > from) out.push({ start: from, end: b[k]!.start });
      from = Math.max(from, b[k]!.end);
    }
    if (from < end) out.push({ start: from, end });
  }
  return out;
}

export const minutesOf = (list: readonly Interval[]) => list.reduce((sum, i) => sum + (i.end - i.start), 0) / MINUTE_MS;

/** When an interviewer could serve applicants at the office within [lo, hi): merged, ascending. */
export function availableIntervals(q: SlotQuery, member: SlotQuery["staff"][number], lo: number, hi: number): Interval[] {
  const { office } = q;
  const open = subtract(clip(mergeIntervals(expandOfficeHours(office.hours, office.timeZone, lo, hi, office.closedDates)), lo, hi), mergeIntervals(office.closedIntervals));
  const rules = clip(mergeIntervals(member.rules.flatMap((r) => expandRule(r, lo, hi))), lo, hi);
  return subtract(intersect(rules, open), mergeIntervals(member.timeOff));
}

/** Minutes an interviewer could serve applicants at the office within [lo, hi). */
export const availableMinutes = (q: SlotQuery, member: SlotQuery["staff"][number], lo: number, hi: number): number => minutesOf(availableIntervals(q, member, lo, hi));

/** Who may serve at the office and when, merged over the services asked about (the slot search's loader). */
async function officeCalendar(ctx: Ctx, office: OfficeRow, list: ServiceRow[], lo: number, hi: number) {
  const servedBy = new Map<string, number>();
  const members = new Map<string, SlotQuery["staff"][number]>();
  let query: SlotQuery | null = null;
  for (const service of list) {
    const q = await loadResources(ctx, office, service, { from: lo, to: hi });
    query ??= q;
    servedBy.set(service.id, q.staff.length);
    for (const m of q.staff) members.set(m.id, m);
  }
  return { query, servedBy, members };
}

function ratio(part: number, whole: number): Ratio {
  return { part, whole };
}

async function officeFigures(
  ctx: Ctx,
  office: OfficeRow,
  list: ServiceRow[],
  filter: string | undefined,
  first: number,
  last: number,
  weeks: Map<string, number>,
): Promise<OfficeFigures> {
  const { db } = ctx.deps.database;
  const zone = office.timeZone;
  const lo = startOfLocalDay(zone, first);
  const hi = startOfLocalDay(zone, last + 1);
  if (lo === null || hi === null) throw invalidField("from", `the period does not exist in the time zone ${zone}`);
  const now = ctx.deps.clock.now();
  const inPeriod = and(eq(appointments.officeId, office.id), gte(appointments.startAt, lo), lt(appointments.startAt, hi));
  const ofService = filter ? eq(appointments.serviceId, filter) : undefined;
  const live = ne(appointments.status, "cancelled");
  const started = sql`${appointments.startAt} <= ${now}`;

  const [counts, rows, minutes, calendar] = await Promise.all([
    db
      .select({ serviceId: appointments.serviceId, status: appointments.status, past: sql<number>`${started}`.mapWith(Number), n: sql<number>`count(*)`.mapWith(Number) })
      .from(appointments)
      .where(and(inPeriod, ofService))
      .groupBy(appointments.serviceId, appointments.status, started),
    db
      .select({ serviceId: appointments.serviceId, localDate: appointments.localDate, windowOverride: appointments.windowOverride, caseRow: cases })
      .from(appointments)
      .innerJoin(cases, eq(cases.id, appointments.caseId))
      .where(and(inPeriod, ofService, live)),
    db
      .select({ staffId: appointments.staffId, ms: sql<number>`sum(${appointments.endAt} - ${appointments.startAt})`.mapWith(Number) })
      .from(appointments)
      .where(and(inPeriod, live))
      .groupBy(appointments.staffId),
    officeCalendar(ctx, office, list, lo, hi),
  ]);

  const byService = new Map(list.map((s) => [s.id, s]));
  const serviceFigures: ServiceFigures[] = [];
  for (const service of list) {
    const mine = counts.filter((c) => c.serviceId === service.id);
    if (mine.length === 0 && !calendar.servedBy.get(service.id)) continue;
    const count = (status: string, pastOnly = false) => mine.filter((c) => c.status === status && (!pastOnly || c.past === 1)).reduce((s, c) => s + c.n, 0);
    const booked = mine.filter((c) => c.status !== "cancelled").reduce((s, c) => s + c.n, 0);
    const seen = rows.filter((r) => r.serviceId === service.id);
    const days = seen.map((r) => dayNumber(r.localDate)! - dayNumber(r.caseRow.screenedAt)!).sort((a, b) => a - b);
    const inside = seen.filter((r) => {
      if (r.windowOverride !== null) return false;
      const w = caseWindow(r.caseRow, byService.get(r.serviceId)!);
      return r.localDate >= w.firstDate && r.localDate <= w.lastDate;
    }).length;
    const noShowPast = count("no_show", true);
    serviceFigures.push({
      serviceId: service.id,
      serviceName: service.name,
      booked,
      cancelled: count("cancelled"),
      completed: count("completed"),
      checkedIn: count("checked_in"),
      noShow: count("no_show"),
      noShowRate: ratio(noShowPast, noShowPast + count("completed", true) + count("checked_in", true)),
      daysMedian: nearestRank(days, 50),
      daysP90: nearestRank(days, 90),
      insideWindow: ratio(inside, seen.length),
    });
  }
  for (const r of rows) {
    const monday = isoDate(mondayOf(dayNumber(r.localDate)!));
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
  }

  // Interviewers who may serve the services asked about, and anyone with bookings here.
  const bookedBy = new Map(minutes.map((m) => [m.staffId, m.ms / MINUTE_MS]));
  const ids = [...new Set([...calendar.members.keys(), ...(filter ? [] : bookedBy.keys())])];
  const names = ids.length ? await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, ids)) : [];
  const interviewers = names
    .map((m) => {
      const member = calendar.members.get(m.id);
      return {
        staffId: m.id,
        name: m.name,
        bookedMinutes: bookedBy.get(m.id) ?? 0,
        availableMinutes: member && calendar.query ? availableMinutes(calendar.query, member, lo, hi) : 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en") || (a.staffId < b.staffId ? -1 : 1));
  return {
    office: { id: office.id, name: office.name, timeZone: zone },
    services: serviceFigures,
    interviewers,
    bookedMinutes: interviewers.reduce((s, i) => s + i.bookedMinutes, 0),
    availableMinutes: interviewers.reduce((s, i) => s + i.availableMinutes, 0),
    offers: await offerFigures(ctx, office, lo, hi, filter),
  };
}

/**
 * The figures of the offices asked for over the period. Admins may ask about any office,
 * schedulers only about theirs (403 otherwise); interviewers not at all.
 */
export async function computeFigures(ctx: Ctx, q: FiguresQuery): Promise<Figures> {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "scheduler") throw forbidden("Figures are for schedulers and admins.");
  for (const id of q.officeIds) assertOffice(ctx.actor, id);
  const { first, last } = checkPeriod(q.from, q.to);
  const { db } = ctx.deps.database;
  const list = await db
    .select()
    .from(services)
    .where(q.serviceId ? eq(services.id, q.serviceId) : undefined)
    .orderBy(asc(services.name), asc(services.id));
  if (q.serviceId && list.length === 0) throw invalidField("service", `there is no service '${q.serviceId}'`);
  const rows = q.officeIds.length ? await db.select().from(offices).where(inArray(offices.id, q.officeIds)) : [];
  const missing = q.officeIds.find((id) => !rows.some((o) => o.id === id));
  if (missing !== undefined) throw invalidField("office", `there is no office '${missing}'`);
  const weeks = new Map<string, number>();
  const shown: OfficeFigures[] = [];
  // One office at a time: each has its own zone, and a long list of offices should not open
  // dozens of reads at once.
  for (const id of q.officeIds)
    shown.push(
      await officeFigures(
        ctx,
        rows.find((o) => o.id === id)!,
        list,
        q.serviceId,
        first,
        last,
        weeks,
      ),
    );
  const mondays: { monday: string; booked: number }[] = [];
  for (let m = mondayOf(first); m <= last; m += 7) mondays.push({ monday: isoDate(m), booked: weeks.get(isoDate(m)) ?? 0 });
  return { period: { from: q.from, to: q.to }, offices: shown, weeks: mondays };
}
