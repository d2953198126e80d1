// What a change of an interviewer's weekly hours would do, before it is saved: the free time of
// the next four weeks at each office the change touches (computed by the slot engine, as the
// slot API will answer once saved), and the booked appointments the new hours leave outside.
// Nothing here writes.
import { and, eq, gt, inArray } from "drizzle-orm";
import { appointments } from "../db/schema.js";
import { findSlots, isoDate, localDayOf, mergeIntervals, startOfLocalDay, expandRule, type AvailabilityRule } from "../slots/index.js";
import { LIVE_STATUSES } from "./lifecycle.js";
import { availableMinutes } from "./figures.js";
import { loadResources } from "./slot-resources.js";
import { getOffice, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import { checkAvailability, listAvailability, type RuleInput, type StaffRow } from "./staff.js";
import type { AppointmentRow } from "./booking/read.js";
import type { Ctx } from "./context.js";
import { DAY_MS } from "./dates.js";
import { DomainError } from "./errors.js";

export const PREVIEW_WEEKS = 4;

export interface PreviewWeek {
  office: OfficeRow;
  /** Local dates of the week's first and last day (office zone), from today on. */
  firstDate: string;
  lastDate: string;
  /** Minutes the interviewer is free to serve there: hours ∩ opening hours, less closures, time off and bookings. */
  freeMinutes: number;
  /** Starts the slot engine offers with this interviewer, per service they give (after the notice). */
  starts: { service: ServiceRow; count: number }[];
}

/** The member's rules once `rules` replace those of the offices the actor may write. */
export interface RuleSet {
  member: StaffRow;
  /** The offices whose rules change. */
  offices: string[];
  rulesAt: (officeId: string) => AvailabilityRule[];
}

export async function ruleSetWith(ctx: Ctx, staffId: string, rules?: RuleInput[]): Promise<RuleSet> {
  const saved = await listAvailability(ctx, staffId);
  const { member, replaced } = await checkAvailability(ctx, staffId, rules ?? []);
  const offices = replaced ? member.officeIds.filter((o) => replaced.includes(o)) : member.officeIds;
  const next = rules ? [...saved.filter((r) => !offices.includes(r.officeId)), ...rules.map((r) => ({ ...r, timeZone: r.timeZone ?? member.timeZone }))] : saved;
  const rulesAt = (officeId: string) => next.filter((r) => r.officeId === officeId);
  return { member, offices, rulesAt };
}

async function servicesOf(ctx: Ctx, member: StaffRow): Promise<ServiceRow[]> {
  const found = await Promise.all(
    member.serviceIds.map((id) =>
      getService(ctx, id).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === "not-found") return null;
        throw error;
      }),
    ),
  );
  return found.filter((s): s is ServiceRow => s !== null);
}

/** The next four weeks from today (office zone) at each office whose rules change. */
export async function previewWeeks(ctx: Ctx, set: RuleSet): Promise<PreviewWeek[]> {
  const now = ctx.deps.clock.now();
  const services = await servicesOf(ctx, set.member);
  const weeks: PreviewWeek[] = [];
  for (const officeId of set.offices) {
    const office = await getOffice(ctx, officeId);
    const zone = office.timeZone;
    const today = localDayOf(zone, now);
    for (let k = 0; k < PREVIEW_WEEKS; k++) {
      const first = today + 7 * k;
      const lo = startOfLocalDay(zone, first) ?? first * DAY_MS;
      const hi = startOfLocalDay(zone, first + 7) ?? (first + 7) * DAY_MS;
      const week: PreviewWeek = { office, firstDate: isoDate(first), lastDate: isoDate(first + 6), freeMinutes: 0, starts: [] };
      for (const service of services) {
        const query = await loadResources(ctx, office, service, { from: lo, to: hi, staffId: set.member.id });
        const loaded = query.staff[0];
        if (!loaded) continue;
        const member = { ...loaded, rules: set.rulesAt(officeId) };
        query.staff = [member];
        const notBefore = now + service.minNoticeHours * 3_600_000;
        week.starts.push({ service, count: findSlots(query).filter((s) => s.start >= notBefore).length });
        // Free time is the interviewer's, whatever the service: counted once, from now on.
        if (week.starts.length === 1) week.freeMinutes = availableMinutes(query, { ...member, timeOff: [...member.timeOff, ...member.appointments] }, Math.max(lo, now), hi);
      }
      weeks.push(week);
    }
  }
  return weeks;
}

/** Is [start, end) inside one stretch of these rules' hours? */
function insideHours(rules: AvailabilityRule[], a: Pick<AppointmentRow, "startAt" | "endAt">): boolean {
  const around = { from: a.startAt - DAY_MS, to: a.endAt + DAY_MS };
  const hours = mergeIntervals(rules.flatMap((r) => expandRule(r, around.from, around.to)));
  return hours.some((h) => h.start <= a.startAt && h.end >= a.endAt);
}

/** The member's live appointments still ahead at the changing offices that the rules leave outside their hours. */
export async function strandedAppointments(ctx: Ctx, set: RuleSet): Promise<AppointmentRow[]> {
  if (!set.offices.length) return [];
  const rows = await ctx.deps.database.db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.staffId, set.member.id),
        inArray(appointments.officeId, set.offices),
        inArray(appointments.status, [...LIVE_STATUSES]),
        gt(appointments.startAt, ctx.deps.clock.now()),
      ),
    )
    .orderBy(appointments.startAt);
  return rows.filter((a) => !insideHours(set.rulesAt(a.officeId), a));
}
