// Loads what the pure slot engine needs for one query, reading only rows near the range.
import { and, eq, gt, gte, inArray, isNotNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { appointments, availabilityRules, closures, dayCounts, staff, timeOff, type HoursRow } from "../db/schema.js";
import { closedDates, findSlots, isKnownHolidayCountry, localDateOf, localDayOf, startOfLocalDay, type Interval, type Slot, type SlotQuery } from "../slots/index.js";
import { versionedCache } from "./versioned-cache.js";
import { prepared } from "../db/prepared.js";
import { versionsOf, type Versions } from "./versions.js";
import { DAY_MS, addDays, dayNumber, parseInstant } from "./dates.js";
import { mondayOf } from "../slots/calendar.js";
import { findCase, getCase, type CaseRow } from "./cases.js";
import type { AppointmentRow } from "./booking/read.js";
import { getOffice, listRoomIds, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import type { Ctx } from "./context.js";
import { invalidField } from "./errors.js";

/** Longest hold an appointment can have (480 min + 240 min buffer): overlap reads look this far back. */
export const MAX_HOLD_MS = 12 * 60 * 60 * 1000;
/** A slot search spans at most this many days: three calendar months (92 days), any window in one query. */
export const MAX_RANGE_DAYS = 92;
/**
 * A client's slot query covers at most this many steps of the service's grid, whatever the
 * office's hours: 92 days at 30-minute steps, 15 at 5-minute ones. It bounds the engine's time
 * and the answer's size (one 92-day query on a 5-minute grid was 25,000 slots, 6.7 MB, ~2 s).
 */
export const MAX_GRID_STARTS = 4_500;

/** When moving an appointment, its own hold is not busy time and its day counts one less. */
export function withoutOwnHold(q: SlotQuery, own: Pick<AppointmentRow, "staffId" | "roomId" | "startAt" | "holdUntil" | "localDate">): SlotQuery {
  const notOwn = (i: Interval) => !(i.start === own.startAt && i.end === own.holdUntil);
  for (const s of q.staff) if (s.id === own.staffId) s.appointments = s.appointments.filter(notOwn);
  for (const room of q.rooms) if (room.id === own.roomId) room.busy = room.busy.filter(notOwn);
  const count = q.dayCounts.get(own.localDate);
  if (count !== undefined) (q.dayCounts as Map<string, number>).set(own.localDate, count - 1);
  return q;
}

/** A range boundary: an instant or local date as the API takes it, or a local day number. */
export type Boundary = string | { day: number };

export interface SlotRequest {
  serviceId: string;
  officeId: string;
  from: Boundary;
  to: Boundary;
  caseId?: string;
  staffId?: string;
  language?: string;
  /** The appointment being moved: its own time is offered too. */
  moving?: AppointmentRow;
  /** For ranges a client chose: at most this many grid steps (MAX_GRID_STARTS). */
  maxGridStarts?: number;
}

/** An instant, or a local date meaning midnight in the office's zone. */
function boundary(value: Boundary, zone: string, field: string): number {
  if (typeof value !== "string" || /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = typeof value === "string" ? dayNumber(value) : value.day;
    const start = day === null ? null : startOfLocalDay(zone, day);
    if (start === null) throw invalidField(field, "must be a real date (YYYY-MM-DD) or an ISO instant with an offset");
    return start;
  }
  const instant = parseInstant(value);
  if (instant === null) throw invalidField(field, "must be a local date (YYYY-MM-DD) or an ISO 8601 instant with an offset or Z");
  return instant;
}

/** The case's window as local dates: screenedAt + minDays … screenedAt + maxDays + extensions. */
export function caseWindow(c: CaseRow, s: ServiceRow) {
  return { firstDate: addDays(c.screenedAt, s.windowMinDays), lastDate: addDays(c.screenedAt, s.windowMaxDays + c.windowExtensionDays) };
}

interface Calendar {
  staffIds: string[];
  rules: Map<string, SlotQuery["staff"][number]["rules"]>;
  timeOff: Map<string, Interval[]>;
  roomIds: string[];
  closedDates: Set<string>;
  closedIntervals: Interval[];
}

/** Who may serve and when, for the local weeks [loadFrom, loadTo): changes only with configuration. */
async function loadCalendar(ctx: Ctx, office: OfficeRow, service: ServiceRow, w: Weeks, opts: { staffId?: string; language?: string }): Promise<Calendar> {
  const { db } = ctx.deps.database;
  const inJson = (column: typeof staff.officeIds, value: string) => sql`exists (select 1 from json_each(${column}) where value = ${value})`;
  const members = (
    await db
      .select({ id: staff.id, languages: staff.languages })
      .from(staff)
      .where(and(inJson(staff.officeIds, office.id), inJson(staff.serviceIds, service.id), opts.staffId ? eq(staff.id, opts.staffId) : undefined))
  ).filter((m) => !opts.language || m.languages.includes(opts.language));
  const ids = members.map((m) => m.id);
  const [rules, away, roomIds, officeClosures] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(availabilityRules)
          .where(and(eq(availabilityRules.officeId, office.id), inArray(availabilityRules.staffId, ids)))
      : [],
    ids.length
      ? db
          .select({ staffId: timeOff.staffId, start: timeOff.startAt, end: timeOff.endAt })
          .from(timeOff)
          .where(and(inArray(timeOff.staffId, ids), lt(timeOff.startAt, w.loadTo), gt(timeOff.endAt, w.loadFrom)))
      : [],
    service.needsRoom ? listRoomIds(ctx, office.id) : [],
    db
      .select()
      .from(closures)
      .where(
        and(
          eq(closures.officeId, office.id),
          or(and(gte(closures.date, w.firstDate), lte(closures.date, w.lastDate)), and(lt(closures.startAt, w.loadTo), gt(closures.endAt, w.loadFrom))),
        ),
      ),
  ]);
  return {
    staffIds: ids,
    rules: groupBy(
      rules,
      (r) => r.staffId,
      (r) => r,
    ),
    timeOff: groupBy(
      away,
      (a) => a.staffId,
      (a) => ({ start: a.start, end: a.end }),
    ),
    roomIds,
    closedDates: closedDates({
      country: isKnownHolidayCountry(office.country) ? office.country : null,
      from: w.firstDate,
      to: w.lastDate,
      closures: officeClosures.flatMap((c) => (c.date ? [{ date: c.date, open: c.open }] : [])),
    }),
    closedIntervals: officeClosures.flatMap((c) => (c.startAt !== null && c.endAt !== null ? [{ start: c.startAt, end: c.endAt }] : [])),
  };
}

function groupBy<R, V>(rows: R[], key: (r: R) => string | null, value: (r: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) (map.get(k) ?? map.set(k, []).get(k)!).push(value(r));
  }
  return map;
}

interface Weeks {
  loadFrom: number;
  loadTo: number;
  firstDate: string;
  lastDate: string;
}

/**
 * The local weeks around [from, to) (the engine ranks staff by booked minutes per week), far
 * enough past `to` for a slot that starts just before it, and the local dates they span ±1.
 */
function weeksAround(zone: string, from: number, to: number): Weeks {
  const firstMonday = mondayOf(localDayOf(zone, from));
  const lastMonday = mondayOf(localDayOf(zone, to - 1));
  const loadFrom = Math.min(from, startOfLocalDay(zone, firstMonday) ?? from - 7 * DAY_MS);
  const loadTo = Math.max(to + MAX_HOLD_MS, startOfLocalDay(zone, lastMonday + 7) ?? to + 7 * DAY_MS);
  return { loadFrom, loadTo, firstDate: addDays(localDateOf(zone, loadFrom), -1), lastDate: addDays(localDateOf(zone, loadTo), 1) };
}

/**
 * The busy-time reads, prepared once per database: they run on every slot search and booking.
 * Staff ids travel as one JSON array so the statement text never varies.
 */
const busyQueries = (ctx: Ctx) =>
  prepared(ctx.deps.database, "busyTime", (db) => {
    const live = ne(appointments.status, "cancelled");
    const near = and(gt(appointments.startAt, sql.placeholder("from")), lt(appointments.startAt, sql.placeholder("to")));
    return {
      staff: db
        .select({ staffId: appointments.staffId, start: appointments.startAt, end: appointments.holdUntil })
        .from(appointments)
        .where(and(sql`${appointments.staffId} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`, live, near))
        .prepare(),
      rooms: db
        .select({ roomId: appointments.roomId, start: appointments.startAt, end: appointments.holdUntil })
        .from(appointments)
        .where(and(eq(appointments.officeId, sql.placeholder("office")), isNotNull(appointments.roomId), live, near))
        .prepare(),
      counts: db
        .select({ day: dayCounts.day, count: dayCounts.count })
        .from(dayCounts)
        .where(
          and(
            eq(dayCounts.officeId, sql.placeholder("office")),
            eq(dayCounts.serviceId, sql.placeholder("service")),
            gte(dayCounts.day, sql.placeholder("first")),
            lte(dayCounts.day, sql.placeholder("last")),
          ),
        )
        .prepare(),
    };
  });

/**
 * Everything the engine needs for [from, to). Who may serve and when is cached per process
 * while the configuration version holds; busy time and day counts are always read fresh, and
 * every read is bounded on both sides so a long history does not slow it down.
 */
export async function loadResources(
  ctx: Ctx,
  office: OfficeRow,
  service: ServiceRow,
  opts: { from: number; to: number; staffId?: string; language?: string; versions?: Versions },
): Promise<SlotQuery> {
  const zone = office.timeZone;
  const w = weeksAround(zone, opts.from, opts.to);
  const { config } = opts.versions ?? (await versionsOf(ctx, office.id));
  const key = [office.id, service.id, opts.staffId ?? "", opts.language ?? "", w.loadFrom, w.loadTo].join("\n");
  const calendars = versionedCache<Calendar>(ctx.deps, "calendar");
  const calendar = calendars.get(key, config) ?? calendars.set(key, config, await loadCalendar(ctx, office, service, w, opts));
  const ids = calendar.staffIds;
  const range = { from: w.loadFrom - MAX_HOLD_MS, to: w.loadTo };
  const [busy, roomBusy, counts] = await Promise.all([
    ids.length ? busyQueries(ctx).staff.all({ ...range, ids: JSON.stringify(ids) }) : [],
    service.needsRoom ? busyQueries(ctx).rooms.all({ ...range, office: office.id }) : [],
    service.dailyCapPerOffice ? busyQueries(ctx).counts.all({ office: office.id, service: service.id, first: w.firstDate, last: w.lastDate }) : [],
  ]);
  const busyBy = groupBy(
    busy,
    (b) => b.staffId,
    (b) => ({ start: b.start, end: b.end }),
  );
  const roomBusyBy = groupBy(
    roomBusy,
    (r) => r.roomId,
    (r) => ({ start: r.start, end: r.end }),
  );

  return {
    from: opts.from,
    to: opts.to,
    office: { timeZone: zone, hours: office.hours as HoursRow[], closedDates: calendar.closedDates, closedIntervals: calendar.closedIntervals },
    service: {
      durationMinutes: service.durationMinutes,
      bufferMinutes: service.bufferMinutes,
      slotStepMinutes: service.slotStepMinutes,
      dailyCapPerOffice: service.dailyCapPerOffice,
      needsRoom: service.needsRoom,
    },
    staff: ids.map((id) => ({ id, rules: calendar.rules.get(id) ?? [], appointments: busyBy.get(id) ?? [], timeOff: calendar.timeOff.get(id) ?? [] })),
    rooms: calendar.roomIds.map((id) => ({ id, busy: roomBusyBy.get(id) ?? [] })),
    dayCounts: new Map(counts.map((c) => [c.day, c.count])),
    notBefore: Number.NEGATIVE_INFINITY,
    window: null,
  };
}

const keyOf = (b: Boundary) => (typeof b === "string" ? b : `day:${b.day}`);

/** A case's slots are of its office and its track's agency, as its booking would be: else 422 naming the field. */
async function assertCaseFits(ctx: Ctx, caseRow: CaseRow, req: SlotRequest) {
  if (caseRow.officeId !== req.officeId) throw invalidField("office", `the case belongs to office '${caseRow.officeId}'`);
  const service = await getService(ctx, req.serviceId);
  if (service.agency !== caseRow.track) throw invalidField("service", `the case is on the ${caseRow.track} track; '${service.id}' is ${service.agency}'s`);
}

/** A request's free slots: `slots[first, end)` of the engine's cached answer. */
export interface SlotPick {
  timeZone: string;
  slots: readonly Slot[];
  first: number;
  end: number;
  /** Names the cached answer; with `version`, `first` and `end` it fixes the result. */
  key: string;
  version: string;
}

/** Number of leading items for which `before` holds (they are sorted so it holds for a prefix). */
function countWhile<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Free slots for a request. The engine's answer (before the case's window and the notice
 * period, which depend on the case and the clock) is cached per process until a write that
 * shapes this office's free time bumps its version counters. The answer is sorted by start,
 * so the notice period and the window each cut it to a contiguous run.
 */
export async function pickSlots(ctx: Ctx, req: SlotRequest): Promise<SlotPick> {
  const versions = await versionsOf(ctx, req.officeId);
  // An applicant's request names only the case of the appointment their link opens.
  const caseRow = req.caseId ? await (ctx.actor.role === "applicant" ? findCase : getCase)(ctx, req.caseId) : null;
  if (caseRow) await assertCaseFits(ctx, caseRow, req);
  const language = req.language ?? caseRow?.language;
  // The size limit is part of the key: an unchecked answer is never handed to a request that has one.
  const key = [
    req.officeId,
    req.serviceId,
    keyOf(req.from),
    keyOf(req.to),
    req.staffId ?? "",
    language ?? "",
    req.moving ? `${req.moving.id}:${req.moving.version}` : "",
    req.maxGridStarts ?? "",
  ].join("\n");
  const answers = versionedCache<Answer>(ctx.deps, "slots", ANSWER_LIMITS);
  const answer = answers.get(key, versions.office) ?? answers.set(key, versions.office, await search(ctx, req, language, versions));
  const notBefore = ctx.deps.clock.now() + answer.service.minNoticeHours * 3_600_000;
  const window = caseRow ? caseWindow(caseRow, answer.service) : null;
  let first = countWhile(answer.slots, (s) => s.start < notBefore);
  let end = answer.slots.length;
  if (window) {
    first = Math.max(
      first,
      countWhile(answer.dates, (d) => d < window.firstDate),
    );
    end = countWhile(answer.dates, (d) => d <= window.lastDate);
  }
  return { timeZone: answer.timeZone, slots: answer.slots, first, end: Math.max(first, end), key, version: versions.office };
}

export async function listSlots(ctx: Ctx, req: SlotRequest): Promise<{ timeZone: string; slots: Slot[] }> {
  const pick = await pickSlots(ctx, req);
  return { timeZone: pick.timeZone, slots: pick.slots.slice(pick.first, pick.end) };
}

// About 400 bytes per slot with its formatted view: the answers stay within a few tens of MB.
const ANSWER_LIMITS = { maxEntries: 500, maxWeight: 60_000, weigh: (a: Answer) => a.slots.length + 1 };

/** The engine's answer before the case's window and the notice period, with each start's local date. */
interface Answer {
  timeZone: string;
  service: ServiceRow;
  slots: Slot[];
  dates: string[];
}

async function search(ctx: Ctx, req: SlotRequest, language: string | undefined, versions: Versions): Promise<Answer> {
  const [office, service] = await Promise.all([getOffice(ctx, req.officeId), getService(ctx, req.serviceId)]);
  const zone = office.timeZone;
  const from = boundary(req.from, zone, "from");
  const to = boundary(req.to, zone, "to");
  if (to <= from) throw invalidField("to", "must be after from");
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw invalidField("to", `the range may span at most ${MAX_RANGE_DAYS} days`);
  const stepMs = service.slotStepMinutes * 60_000;
  if (req.maxGridStarts !== undefined && (to - from) / stepMs > req.maxGridStarts) {
    const days = Math.floor((req.maxGridStarts * stepMs) / DAY_MS);
    throw invalidField(
      "to",
      `the range may hold at most ${req.maxGridStarts} starts of the service's ${service.slotStepMinutes}-minute grid: at most ${days} days for this service`,
    );
  }
  const query = await loadResources(ctx, office, service, { from, to, staffId: req.staffId, language, versions });
  const slots = findSlots(req.moving ? withoutOwnHold(query, req.moving) : query);
  return { timeZone: zone, service, slots, dates: slots.map((s) => localDateOf(zone, s.start)) };
}
