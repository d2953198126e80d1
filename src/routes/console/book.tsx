// GET /console/cases/:id/book?service=&week=: the case and one week of free times in its window.
// POST /console/cases/:id/book (start, service, staffId?): books, then 303 to the appointment;
// a refusal shows the book page again with the reason and a 4xx status.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { isLive } from "../../domain/lifecycle.js";
import { book } from "../../domain/booking/book.js";
import { listAppointments, type AppointmentRow } from "../../domain/booking/read.js";
import { getCase, type CaseRow } from "../../domain/cases.js";
import { parseInstant } from "../../domain/dates.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import { windowStanding } from "../../domain/queue.js";
import { listServices, type ServiceRow } from "../../domain/services.js";
import { freeWeek } from "../../domain/free-week.js";
import { caseWindow } from "../../domain/slot-search.js";
import { listStaff } from "../../domain/staff.js";
import { localTime } from "../../i18n/dates.js";
import { formatUtcIso, isoDate, localDateOf, localDayOf, parseIsoDate, type SlotView } from "../../slots/index.js";
import { BookPage, type BookView, type BookWeek, type SlotChoice } from "../../pages/console/book.js";
import { errorNotice } from "../../pages/console/parts.js";
import { dayWords } from "./dates.js";
import { consolePage, formOf } from "./render.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleLanguage, ConsoleStrings } from "../../pages/console/strings/index.js";
import type { Ctx } from "../../domain/context.js";
import { DomainError, invalidField } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { parseWrittenInstant } from "../../domain/booking/written-start.js";
import { notOneLine } from "../text.js";

interface Loaded {
  ctx: Ctx;
  caseRow: CaseRow;
  office: OfficeRow;
  service: ServiceRow;
  services: ServiceRow[];
  /** Names of the office's interviewers by id. */
  names: Map<string, string>;
  /** Those who give this service. */
  serving: Set<string>;
}

/** The case (404 / 403 through getCase), its office, and the service of its track it is booked for. */
async function load(c: Context<ConsoleEnv>, serviceId: string | undefined): Promise<Loaded> {
  const ctx = ctxOf(c);
  const caseRow = await getCase(ctx, c.req.param("id")!);
  const [office, all, staff] = await Promise.all([getOffice(ctx, caseRow.officeId), listServices(ctx, 200), listStaff(ctx, 200, undefined, caseRow.officeId)]);
  const services = all.items.filter((s) => s.agency === caseRow.track);
  const service = serviceId ? services.find((s) => s.id === serviceId) : services[0];
  if (serviceId && !service) throw invalidField("service", `no service '${serviceId}' books the case's ${caseRow.track} track`);
  if (!service) throw new DomainError("conflict", `No service books the ${caseRow.track} track yet. An admin can create one.`);
  return {
    ctx,
    caseRow,
    office,
    service,
    services,
    names: new Map(staff.items.map((s) => [s.id, s.name])),
    serving: new Set(staff.items.filter((s) => s.serviceIds.includes(service.id)).map((s) => s.id)),
  };
}

async function liveAppointment(l: Loaded): Promise<AppointmentRow | null> {
  let cursor: string | undefined;
  do {
    const page = await listAppointments(l.ctx, 200, cursor, { caseId: l.caseRow.id });
    const live = page.items.find((a) => a.serviceId === l.service.id && isLive(a.status));
    if (live) return live;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}

function choice(l: Loaded, slot: { start: number; end: number; staffIds: string[] }, lang: ConsoleLanguage, withDay = false): SlotChoice {
  const zone = l.office.timeZone;
  return {
    start: formatUtcIso(slot.start),
    time: localTime(slot.start, zone),
    end: localTime(slot.end, zone),
    day: withDay ? dayWords(zone, localDayOf(zone, slot.start), lang) : undefined,
    staff: slot.staffIds.map((id) => ({ id, name: l.names.get(id) ?? id })),
  };
}

/**
 * The Monday–Sunday week of `requested` (kept within the window), else the first week of the
 * window with a free time, else the window's first week still ahead.
 */
async function weekOf(l: Loaded, requested: string | undefined, t: ConsoleStrings, lang: ConsoleLanguage): Promise<{ week: BookWeek | null; empty: BookView["empty"] }> {
  const zone = l.office.timeZone;
  const asked = requested === undefined ? undefined : parseIsoDate(requested);
  if (asked === null) throw invalidField("week", "must be a date (YYYY-MM-DD)");
  const week = await freeWeek(l.ctx, { caseRow: l.caseRow, service: l.service, office: l.office, requested: asked });
  if (!week.open) return { week: null, empty: "passed" };
  if (week.full) return { week: null, empty: "full" };
  const { monday } = week;
  const weekHref = (day: number) => `/console/cases/${encodeURIComponent(l.caseRow.id)}/book?service=${encodeURIComponent(l.service.id)}&week=${isoDate(day)}`;
  return {
    empty: null,
    week: {
      label: t.book.weekLabel(dayWords(zone, monday, lang), dayWords(zone, monday + 6, lang)),
      previous: week.previous === null ? null : weekHref(week.previous),
      next: week.next === null ? null : weekHref(week.next),
      days: week.days.map(([day, slots]) => ({ label: dayWords(zone, day, lang), slots: slots.map((slot) => choice(l, slot, lang)) })),
    },
  };
}

interface Shown {
  week?: string;
  status?: number;
  message?: BookView["message"];
  nextSlots?: SlotView[];
}

async function showBook(c: Context<ConsoleEnv>, l: Loaded, shown: Shown = {}) {
  const zone = l.office.timeZone;
  const { t, lang } = c.var;
  const window = caseWindow(l.caseRow, l.service);
  const live = await liveAppointment(l);
  const { week, empty } = live ? { week: null, empty: null } : await weekOf(l, shown.week, t, lang);
  const view: BookView = {
    caseRow: l.caseRow,
    office: l.office,
    service: l.service,
    services: l.services,
    window,
    standing: windowStanding(window, localDateOf(zone, l.ctx.deps.clock.now())),
    live: live && {
      id: live.id,
      when: `${dayWords(zone, localDayOf(zone, live.startAt), lang)}, ${localTime(live.startAt, zone)}–${localTime(live.endAt, zone)}`,
      staffName: l.names.get(live.staffId) ?? live.staffId,
      status: live.status,
    },
    week,
    empty,
    message: shown.message ?? null,
    nextSlots: shown.nextSlots ? shown.nextSlots.map((s) => choice(l, { start: parseInstant(s.start)!, end: parseInstant(s.end)!, staffIds: s.staffIds }, lang, true)) : null,
    csrf: c.var.csrf,
    t,
  };
  return consolePage(c, { title: t.book.title(l.caseRow.reference), section: "queue", status: shown.status }, <BookPage view={view} />);
}

/** Why book() refused, shown on the book page of the week that was tried. */
async function refused(c: Context<ConsoleEnv>, l: Loaded, start: number, problem: DomainError) {
  const week = localDateOf(l.office.timeZone, start);
  const w = c.var.t.book;
  // Whatever the engine said, a live appointment of this case is the real reason (a form sent twice, say).
  const live = await liveAppointment(l);
  if (live) return showBook(c, l, { status: 409, message: errorNotice(w.nothingNew(l.caseRow.reference, l.service.name)) });
  if (problem.kind === "slot-taken") {
    const nextSlots = (problem.extra.nextSlots as SlotView[] | undefined) ?? [];
    // The daily cap also answers slot-taken, with a detail of its own.
    const reason = problem.extra.because === "daily-cap" ? problem.detail : w.takenFirst;
    return showBook(c, l, { week, status: 409, message: errorNotice(`${reason} ${w.pickNext}`), nextSlots });
  }
  return showBook(c, l, { week, status: statusOf(problem), message: errorNotice(problem.detail) });
}

export function registerBook(console: Hono<ConsoleEnv>) {
  console.get("/cases/:id/book", async (c) => {
    const l = await load(c, c.req.query("service") || undefined);
    return showBook(c, l, { week: c.req.query("week") || undefined });
  });

  console.post("/cases/:id/book", async (c) => {
    const form = await formOf(c);
    const w = c.var.t.book;
    if (!form.service) throw invalidField("service", w.noServiceField);
    const l = await load(c, form.service);
    const notOne = notOneLine(form);
    if (notOne) return showBook(c, l, { status: 422, message: errorNotice(notOne) });
    // The offset as written: the booking refuses office time on the wrong side of a clock change.
    const written = form.start ? parseWrittenInstant(form.start) : null;
    const start = written?.at ?? null;
    if (start === null) {
      const text = form.start ? w.badStart(form.start) : w.noStart;
      return showBook(c, l, { status: 422, message: errorNotice(text) });
    }
    const staffId = form.staffId || undefined;
    if (staffId && !l.serving.has(staffId)) {
      const text = w.badStaff(staffId, l.office.name, l.service.name);
      return showBook(c, l, { week: localDateOf(l.office.timeZone, start), status: 422, message: errorNotice(text) });
    }
    let booked: AppointmentRow;
    try {
      booked = await book(l.ctx, { caseId: l.caseRow.id, serviceId: l.service.id, officeId: l.office.id, start, startOffset: written?.offset, staffId });
    } catch (cause) {
      if (cause instanceof DomainError && cause.kind !== "internal" && statusOf(cause) !== 403) return refused(c, l, start, cause);
      throw cause;
    }
    return c.redirect(`/console/appointments/${encodeURIComponent(booked.id)}`, 303);
  });
}
