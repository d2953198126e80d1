// Loads what the pure slot engine needs for one query from the database: who may serve and when
// (cached while configuration is unchanged), and the busy time near the range.
import { and, eq, gt, gte, isNotNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { appointments, availabilityRules, closures, dayCounts, staff, timeOff, type HoursRow } from "../db/schema.js";
import { closedDates, isKnownHolidayCountry, localDateOf, localDayOf, startOfLocalDay, type Interval, type SlotQuery } from "../slots/index.js";
import { versionedCache } from "./versioned-cache.js";
import { prepared } from "../db/prepared.js";
import { versionsOf, type Versions } from "./versions.js";
import { DAY_MS, addDays } from "./dates.js";
import { mondayOf } from "../slots/calendar.js";
import { listRoomIds, type OfficeRow } from "./offices.js";
import { type ServiceRow } from "./services.js";
import type { Ctx } from "./context.js";

/** Longest hold an appointment can have (480 min + 240 min buffer): overlap reads look this far back. */
export const MAX_HOLD_MS = 12 * 60 * 60 * 1000;

interface Calendar {
  staffIds: string[];
  rules: Map<string, SlotQuery["staff"][number]["rules"]>;
  timeOff: Map<string, Interval[]>;
  roomIds: string[];
  closedDates: Set<string>;
  closedIntervals: Interval[];
}

/**
 * The calendar reads, prepared once per database: a booking's week that no request of this
 * process has read yet loads its calendar, and building these four queries cost more than
 * running them. Staff ids travel as one JSON array so the statement text never varies.
 */
const calendarQueries = (ctx: Ctx) =>
  prepared(ctx.deps.database, "calendar", (db) => {
    const inJson = (column: SQLiteColumn, name: string) => sql`exists (select 1 from json_each(${column}) where value = ${sql.placeholder(name)})`;
    const ofStaff = (column: SQLiteColumn) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`;
    const from = sql.placeholder("from");
    const to = sql.placeholder("to");
    return {
      members: db
        .select({ id: staff.id, languages: staff.languages })
        .from(staff)
        .where(and(inJson(staff.officeIds, "office"), inJson(staff.serviceIds, "service"), sql`(${sql.placeholder("staff")} IS NULL OR ${staff.id} = ${sql.placeholder("staff")})`))
        .prepare(),
      rules: db
        .select()
        .from(availabilityRules)
        .where(and(eq(availabilityRules.officeId, sql.placeholder("office")), ofStaff(availabilityRules.staffId)))
        .prepare(),
      timeOff: db
        .select({ staffId: timeOff.staffId, start: timeOff.startAt, end: timeOff.endAt })
        .from(timeOff)
        .where(and(ofStaff(timeOff.staffId), lt(timeOff.startAt, to), gt(timeOff.endAt, from)))
        .prepare(),
      closures: db
        .select()
        .from(closures)
        .where(
          and(
            eq(closures.officeId, sql.placeholder("office")),
            or(and(gte(closures.date, sql.placeholder("first")), lte(closures.date, sql.placeholder("last"))), and(lt(closures.startAt, to), gt(closures.endAt, from))),
          ),
        )
        .prepare(),
    };
  });

/** Who may serve and when, for the local weeks [loadFrom, loadTo): changes only with configuration. */
async function loadCalendar(ctx: Ctx, office: OfficeRow, service: ServiceRow, w: Weeks, opts: { staffId?: string; language?: string }): Promise<Calendar> {
  const q = calendarQueries(ctx);
  const members = (await q.members.all({ office: office.id, service: service.id, staff: opts.staffId ?? null })).filter(
    (m) => !opts.language || m.languages.includes(opts.language),
  );
  const ids = members.map((m) => m.id);
  const staffIds = JSON.stringify(ids);
  const [rules, away, roomIds, officeClosures] = await Promise.all([
    ids.length ? q.rules.all({ office: office.id, ids: staffIds }) : [],
    ids.length ? q.timeOff.all({ ids: staffIds, from: w.loadFrom, to: w.loadTo }) : [],
    service.needsRoom ? listRoomIds(ctx, office.id) : [],
    q.closures.all({ office: office.id, first: w.firstDate, last: w.lastDate, from: w.loadFrom, to: w.loadTo }),
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
  opts: { from: number; to: number; staffId?: string; language?: string; versions?: Versions; busy?: boolean },
): Promise<SlotQuery> {
  const zone = office.timeZone;
  const w = weeksAround(zone, opts.from, opts.to);
  const { config } = opts.versions ?? (await versionsOf(ctx, office.id));
  const key = [office.id, service.id, opts.staffId ?? "", opts.language ?? "", w.loadFrom, w.loadTo].join("\n");
  const calendars = versionedCache<Calendar>(ctx.deps, "calendar");
  const calendar = calendars.get(key, config) ?? calendars.set(key, config, await loadCalendar(ctx, office, service, w, opts));
  const ids = calendar.staffIds;
  const range = { from: w.loadFrom - MAX_HOLD_MS, to: w.loadTo };
  // `busy: false` leaves out the interviewers' bookings and the day counts (rooms are still read).
  const withBusy = opts.busy !== false;
  const [busy, roomBusy, counts] = await Promise.all([
    withBusy && ids.length ? busyQueries(ctx).staff.all({ ...range, ids: JSON.stringify(ids) }) : [],
    service.needsRoom ? busyQueries(ctx).rooms.all({ ...range, office: office.id }) : [],
    withBusy && service.dailyCapPerOffice ? busyQueries(ctx).counts.all({ office: office.id, service: service.id, first: w.firstDate, last: w.lastDate }) : [],
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
