// GET /console/day?office=&date=YYYY-MM-DD: an office's local day, by hour, for the desk.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { daySheet } from "../../domain/booking/read.js";
import { queueLabels } from "../../domain/queue-number.js";
import { localTime } from "../../i18n/dates.js";
import { isoDate, localDateOf, parseIsoDate } from "../../slots/index.js";
import { DaySheetPage } from "../../pages/console/day.js";
import type { PageNotice } from "../../pages/console/parts.js";
import { STATUS_AFTER, isStatusAction } from "../../domain/lifecycle.js";
import { dayWords } from "./dates.js";
import { deskNames } from "./names.js";
import { consolePage } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import { DomainError } from "../../domain/errors.js";

export const dayHref = (officeId: string, date: string) => `/console/day?${new URLSearchParams({ office: officeId, date })}`;

/** The day sheet; `notice` for a refusal of a form sent from it. */
export async function showDay(c: Context<ConsoleEnv>, query: { office?: string; date?: string; done?: string; apt?: string }, status = 200, notice: PageNotice | null = null) {
  const ctx = ctxOf(c);
  const { t } = c.var;
  const { office, offices } = await pickOffice(ctx, query.office || undefined, t.errors);
  const zone = office.timeZone;
  const date = query.date || localDateOf(zone, ctx.deps.clock.now());
  const day = parseIsoDate(date);
  if (day === null) throw new DomainError("validation", t.day.badDate(date));

  const rows = await daySheet(ctx, office.id, date);
  const names = await deskNames(ctx, office.id, rows);
  const numbers = queueLabels(rows);
  const changed = rows.find((r) => r.id === query.apt);
  const action = isStatusAction(query.done) ? query.done : undefined;
  // Only while the appointment is in the state announced: a later change makes the message stale.
  const doneNotice: PageNotice | null =
    changed && action && changed.status === STATUS_AFTER[action]
      ? { tone: "ok", text: `${numbers.get(changed.id)} (${names.reference(changed.caseId)}) ${t.doneOnDay[action]}.` }
      : null;

  return consolePage(
    c,
    { title: t.day.title, section: "day", status },
    <DaySheetPage
      office={office}
      offices={offices}
      date={date}
      dateLabel={dayWords(zone, day, c.var.lang)}
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
      t={t}
    />,
  );
}

export function registerDay(console: Hono<ConsoleEnv>) {
  console.get("/day", (c) => showDay(c, c.req.query()));
}
