// GET /console/day?office=&date=YYYY-MM-DD: an office's local day, by hour, for the desk.
// Also the names the desk pages show for an appointment's case, service, interviewer and room.
import type { Context, Hono } from "hono";
import { ctxOf, type Ctx } from "../../http/context.js";
import { Problem } from "../../http/problem.js";
import { daySheet, type AppointmentRow } from "../../domain/booking/read.js";
import { findCase } from "../../domain/cases.js";
import { listRooms } from "../../domain/offices.js";
import { getService } from "../../domain/services.js";
import { listStaff } from "../../domain/staff.js";
import { queueLabels } from "../../domain/queue-number.js";
import { localDateWords, localTime } from "../../i18n/dates.js";
import { isoDate, localDateOf, parseIsoDate, startOfLocalDay } from "../../slots/index.js";
import { DaySheetPage } from "../../pages/console/day.js";
import type { PageNotice } from "../../pages/console/appointment.js";
import { consolePage } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";

/** "Monday 7 December 2026" for the local date of `instant`. */
export const dateWords = (instant: number, zone: string) => `${localDateWords(instant, zone, "en")} ${localDateOf(zone, instant).slice(0, 4)}`;

/** Noon of a local date: always inside that date, whatever the zone does at midnight. */
export const noonOf = (zone: string, day: number) => (startOfLocalDay(zone, day) ?? day * 86_400_000) + 12 * 3_600_000;

export const dayHref = (officeId: string, date: string) => `/console/day?${new URLSearchParams({ office: officeId, date })}`;

export interface DeskNames {
  reference: (caseId: string) => string;
  service: (serviceId: string) => string;
  interviewer: (staffId: string) => string;
  room: (roomId: string | null) => string;
}

/** What the desk calls the things an office's appointments point to; an id when a name is gone. */
export async function deskNames(ctx: Ctx, officeId: string, rows: Pick<AppointmentRow, "caseId" | "serviceId">[]): Promise<DeskNames> {
  const unique = <T,>(xs: T[]) => [...new Set(xs)];
  const [cases, services, staff, rooms] = await Promise.all([
    Promise.all(unique(rows.map((r) => r.caseId)).map((id) => findCase(ctx, id))),
    Promise.all(unique(rows.map((r) => r.serviceId)).map((id) => getService(ctx, id))),
    listStaff(ctx, 200, undefined, officeId),
    listRooms(ctx, officeId, 200),
  ]);
  const named = (pairs: { id: string; name: string }[]) => new Map(pairs.map((p) => [p.id, p.name]));
  const references = new Map(cases.map((c) => [c.id, c.reference]));
  const serviceNames = named(services);
  const staffNames = named(staff.items);
  const roomNames = named(rooms.items);
  return {
    reference: (id) => references.get(id) ?? id,
    service: (id) => serviceNames.get(id) ?? id,
    interviewer: (id) => staffNames.get(id) ?? id,
    room: (id) => (id === null ? "—" : (roomNames.get(id) ?? id)),
  };
}

/** What each status change says once made, and the status it leads to. */
const PAST: Record<string, [string, string]> = { confirm: ["confirmed", "confirmed"], check_in: ["checked in", "checked_in"], complete: ["completed", "completed"], no_show: ["marked as a no-show", "no_show"] };

/** The day sheet; `notice` for a refusal of a form sent from it. */
export async function showDay(c: Context<ConsoleEnv>, query: { office?: string; date?: string; done?: string; apt?: string }, status = 200, notice: PageNotice | null = null) {
  const ctx = ctxOf(c);
  const { office, offices } = await pickOffice(ctx, query.office || undefined);
  const zone = office.timeZone;
  const date = query.date || localDateOf(zone, ctx.deps.clock.now());
  const day = parseIsoDate(date);
  if (day === null) throw new Problem(422, "validation", `date: '${date}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-07.`);

  const rows = await daySheet(ctx, office.id, date);
  const names = await deskNames(ctx, office.id, rows);
  const numbers = queueLabels(rows);
  const done = rows.find((r) => r.id === query.apt);
  const said = query.done ? PAST[query.done] : undefined;
  // Only while the appointment is in the state announced: a later change makes the message stale.
  const doneNotice = done && said && done.status === said[1] ? { tone: "ok" as const, text: `${numbers.get(done.id)} (${names.reference(done.caseId)}) ${said[0]}.` } : null;

  return consolePage(
    c,
    { title: "Day sheet", section: "day", status },
    <DaySheetPage
      office={office}
      offices={offices}
      date={date}
      dateLabel={dateWords(noonOf(zone, day), zone)}
      links={{
        previous: dayHref(office.id, isoDate(day - 1)),
        next: dayHref(office.id, isoDate(day + 1)),
        today: dayHref(office.id, localDateOf(zone, ctx.deps.clock.now())),
        close: `/console/closures?${new URLSearchParams({ office: office.id, date })}`,
      }}
      rows={rows.map((r) => ({
        id: r.id,
        hour: `${localTime(r.startAt, zone).slice(0, 2)}:00`,
        time: `${localTime(r.startAt, zone)}–${localTime(r.endAt, zone)}`,
        number: numbers.get(r.id)!,
        reference: names.reference(r.caseId),
        service: names.service(r.serviceId),
        interviewer: names.interviewer(r.staffId),
        room: names.room(r.roomId),
        status: r.status,
      }))}
      self={dayHref(office.id, date)}
      csrf={c.var.csrf}
      notice={notice ?? doneNotice}
    />,
  );
}

export function registerDay(console: Hono<ConsoleEnv>) {
  console.get("/day", (c) => showDay(c, c.req.query()));
}
