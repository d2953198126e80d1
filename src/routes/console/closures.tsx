// Closures: GET/POST /console/closures (the office's coming closures; close a day),
// GET /console/closures/:officeId/:date (a closed day and its appointments),
// POST …/:officeId/:date/move (move them all to the first free times) and
// POST …/:officeId/:closureId/delete (reopen). Rules and scopes are the domain's.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { deleteClosure, listClosures, type ClosureRow, type OfficeRow } from "../../domain/offices.js";
import { closeDay, closuresOn, isRealDate, moveAppointmentsOff, movesOffDay, stillOnDay } from "../../domain/closure-moves.js";
import { DAY_MS, dayNumber } from "../../domain/dates.js";
import { localDateWords, localDateTimeWords } from "../../i18n/dates.js";
import { localDateOf } from "../../slots/index.js";
import { ClosedDayPage, ClosuresPage } from "../../pages/console/closures.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import { deskNames } from "./names.js";
import { consolePage, formOf, problemText } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleLanguage, ConsoleStrings } from "../../pages/console/strings/index.js";
import type { Ctx } from "../../domain/context.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { notOneLine } from "../text.js";

const when = (instant: number, zone: string, lang: ConsoleLanguage) => localDateTimeWords(instant, zone, lang);
/** "Thursday 10 December" for "2026-12-10"; the page shows the ISO date next to it. */
const dateWords = (date: string, lang: ConsoleLanguage) => localDateWords(dayNumber(date)! * DAY_MS + DAY_MS / 2, "UTC", lang);

function assertRealDate(date: string, t: ConsoleStrings) {
  if (!isRealDate(date)) throw new DomainError("validation", t.closures.notADate);
}

/** "Reason is required: say why the office is closed.": the field's name, as the form labels it, starts the sentence. */
const closureProblemText = (p: DomainError, t: ConsoleStrings) => problemText(p, (e) => t.closures.problem(t.closures.fieldNames[e.path] ?? e.path, e.message));

/** Every closure of the office (a few a year), read page by page. */
async function allClosures(ctx: Ctx, officeId: string): Promise<ClosureRow[]> {
  const rows: ClosureRow[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listClosures(ctx, officeId, 200, cursor);
    rows.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}

async function listPage(c: Context<ConsoleEnv>, requested: string | undefined, form: { date: string; reason: string }, message?: PageNotice, status = 200) {
  const ctx = ctxOf(c);
  const { t, lang } = c.var;
  const { office, offices } = await pickOffice(ctx, requested, t.errors);
  const zone = office.timeZone;
  const now = ctx.deps.clock.now();
  const today = localDateOf(zone, now);
  const coming = (await allClosures(ctx, office.id))
    .filter((r) => (r.date !== null && r.date >= today) || (r.endAt !== null && r.endAt > now))
    .map((r) => ({ row: r, key: r.date ?? localDateOf(zone, r.startAt!) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ row: r }) => ({
      id: r.id,
      date: r.date,
      when: r.date ? `${dateWords(r.date, lang)} (${r.date})` : `${when(r.startAt!, zone, lang)} – ${when(r.endAt!, zone, lang)}`,
      reason: r.reason,
      open: r.open,
    }));
  const props = { office, offices, today, closures: coming, form, message, csrf: c.var.csrf, t };
  return consolePage(c, { title: t.closures.title, section: "closures", status }, <ClosuresPage {...props} />);
}

async function dayPage(c: Context<ConsoleEnv>, office: OfficeRow, date: string) {
  const ctx = ctxOf(c);
  const { t, lang } = c.var;
  const closed = (await closuresOn(ctx, office.id, date)).filter((r) => !r.open);
  if (!closed.length) throw new DomainError("not-found", t.closures.notClosed(office.name, date));
  const zone = office.timeZone;
  // `?moved=` names the appointments a move just made; their moves are read back from history.
  const movedParam = c.req.query("moved");
  const ids = (movedParam ?? "")
    .split(",")
    .filter((id) => /^[\w-]{1,64}$/.test(id))
    .slice(0, 200);
  const [moves, still] = await Promise.all([movedParam === undefined ? undefined : movesOffDay(ctx, office.id, date, ids), stillOnDay(ctx, office.id, date)]);
  const names = await deskNames(ctx, office.id, [...(moves ?? []), ...still.map((s) => s.appointment)]);
  const moved = moves?.map((m) => ({
    id: m.appointmentId,
    reference: names.reference(m.caseId),
    from: when(m.from.start, zone, lang),
    to: when(m.to.start, zone, lang),
    fromStaff: names.interviewer(m.from.staffId),
    toStaff: names.interviewer(m.to.staffId),
  }));
  const remaining = still.map(({ appointment: a, reason }) => ({
    id: a.id,
    reference: names.reference(a.caseId),
    time: when(a.startAt, zone, lang),
    interviewer: names.interviewer(a.staffId),
    status: a.status,
    reason,
  }));
  const props = { office, date, dateWords: dateWords(date, lang), closures: closed, moved, remaining, csrf: c.var.csrf, t };
  return consolePage(c, { title: t.closures.closedTitle(date), section: "closures" }, <ClosedDayPage {...props} />);
}

export function registerClosures(console: Hono<ConsoleEnv>) {
  console.get("/closures", async (c) => {
    const date = c.req.query("date") ?? "";
    const office = c.req.query("office");
    if (date && !isRealDate(date)) return listPage(c, office, { date: "", reason: "" }, errorNotice(c.var.t.closures.notADate), 422);
    const reopened = c.req.query("reopened") !== undefined;
    const message: PageNotice | undefined = reopened ? { tone: "ok", text: c.var.t.closures.reopened } : undefined;
    return listPage(c, office, { date, reason: "" }, message);
  });

  console.post("/closures", async (c) => {
    const form = await formOf(c);
    const { office } = await pickOffice(ctxOf(c), form.office || undefined, c.var.t.errors);
    const input = { date: (form.date ?? "").trim(), reason: form.reason ?? "" };
    // The reason is shown to the desk and in moved appointments' history: one line, like the API's.
    const notOne = notOneLine(form);
    if (notOne) return listPage(c, office.id, input, errorNotice(notOne), 422);
    try {
      const { closure } = await closeDay(ctxOf(c), office.id, input);
      return c.redirect(`/console/closures/${encodeURIComponent(office.id)}/${closure.date}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === "internal") throw error;
      return listPage(c, office.id, input, errorNotice(closureProblemText(error, c.var.t)), statusOf(error));
    }
  });

  console.get("/closures/:officeId/:date", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"), c.var.t.errors);
    const date = c.req.param("date");
    assertRealDate(date, c.var.t);
    return dayPage(c, office, date);
  });

  console.post("/closures/:officeId/:date/move", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"), c.var.t.errors);
    const date = c.req.param("date");
    assertRealDate(date, c.var.t);
    const { moved } = await moveAppointmentsOff(ctxOf(c), office.id, date);
    return c.redirect(`/console/closures/${encodeURIComponent(office.id)}/${date}?moved=${moved.map((m) => encodeURIComponent(m.appointmentId)).join(",")}`, 303);
  });

  console.post("/closures/:officeId/:closureId/delete", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"), c.var.t.errors);
    await deleteClosure(ctxOf(c), office.id, c.req.param("closureId"));
    return c.redirect(`/console/closures?office=${encodeURIComponent(office.id)}&reopened=1`, 303);
  });
}
