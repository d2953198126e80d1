// Closures: GET/POST /console/closures (the office's coming closures; close a day),
// GET /console/closures/:officeId/:date (a closed day and its appointments),
// POST …/:officeId/:date/move (move them all to the first free times) and
// POST …/:officeId/:closureId/delete (reopen). Rules and scopes are the domain's.
import type { Context, Hono } from "hono";
import { ctxOf, type Ctx } from "../../http/context.js";
import { Problem } from "../../http/problem.js";
import { deleteClosure, listClosures, type ClosureRow, type OfficeRow } from "../../domain/offices.js";
import { closeDay, closuresOn, isRealDate, moveAppointmentsOff, movesOffDay, stillOnDay } from "../../domain/closure-moves.js";
import { getCase } from "../../domain/cases.js";
import { getStaff } from "../../domain/staff.js";
import { DAY_MS, dayNumber } from "../../domain/dates.js";
import { localDateWords, localDateTimeWords } from "../../i18n/dates.js";
import { localDateOf } from "../../slots/index.js";
import { ClosedDayPage, ClosuresPage, type Message } from "../../pages/console/closures.js";
import { consolePage, formOf } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";

type C = Context<ConsoleEnv>;

const when = (instant: number, zone: string) => localDateTimeWords(instant, zone, "en");
const dateWords = (date: string) => localDateWords(dayNumber(date)! * DAY_MS + DAY_MS / 2, "UTC", "en");

/** A refusal in words that name the field: "Reason is required: …". */
function problemText(p: Problem): string {
  const errors = p.extra.errors as { path: string; message: string }[] | undefined;
  if (!errors?.length) return p.detail;
  return errors.map((e) => `${e.path.charAt(0).toUpperCase()}${e.path.slice(1)} ${e.message}.`).join(" ");
}

const refusal = (error: unknown): Problem => {
  if (error instanceof Problem && error.status < 500) return error;
  throw error;
};

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

async function listPage(c: C, requested: string | undefined, form: { date: string; reason: string }, message?: Message, status = 200) {
  const ctx = ctxOf(c);
  const { office, offices } = await pickOffice(ctx, requested);
  const now = ctx.deps.clock.now();
  const today = localDateOf(office.timeZone, now);
  const zone = office.timeZone;
  const coming = (await allClosures(ctx, office.id))
    .filter((r) => (r.date !== null && r.date >= today) || (r.endAt !== null && r.endAt > now))
    .map((r) => ({ row: r, key: r.date ?? localDateOf(zone, r.startAt!) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ row: r }) => ({
      id: r.id,
      date: r.date,
      when: r.date ? `${dateWords(r.date)} (${r.date})` : `${when(r.startAt!, zone)} – ${when(r.endAt!, zone)}`,
      reason: r.reason,
      open: r.open,
    }));
  const props = { office, offices, today, closures: coming, form, message, csrf: c.var.csrf };
  return consolePage(c, { title: "Closures", section: "closures", status }, <ClosuresPage {...props} />);
}

/** Names for the page, looked up once each; an id stands in for what the actor may not see. */
function namer(ctx: Ctx) {
  const staff = new Map<string, Promise<string>>();
  const cases = new Map<string, Promise<string>>();
  const orId = (id: string) => (error: unknown) => (refusal(error), id);
  return {
    staff: (id: string) => staff.get(id) ?? staff.set(id, getStaff(ctx, id).then((s) => s.name, orId(id))).get(id)!,
    reference: (id: string) => cases.get(id) ?? cases.set(id, getCase(ctx, id).then((k) => k.reference, orId(id))).get(id)!,
  };
}

async function dayPage(c: C, office: OfficeRow, date: string) {
  const ctx = ctxOf(c);
  const closed = (await closuresOn(ctx, office.id, date)).filter((r) => !r.open);
  if (!closed.length) throw new Problem(404, "not-found", `${office.name} is not closed on ${date}. Close the day on the Closures page first.`);
  const zone = office.timeZone;
  const names = namer(ctx);
  const movedParam = c.req.query("moved");
  const ids = (movedParam ?? "").split(",").filter((id) => /^[\w-]{1,64}$/.test(id)).slice(0, 200);
  const moves = movedParam === undefined ? undefined : await movesOffDay(ctx, office.id, date, ids);
  const moved = moves && (await Promise.all(moves.map(async (m) => ({
    id: m.appointmentId,
    reference: await names.reference(m.caseId),
    from: when(m.from.start, zone),
    to: when(m.to.start, zone),
    fromStaff: await names.staff(m.from.staffId),
    toStaff: await names.staff(m.to.staffId),
  }))));
  const remaining = await Promise.all((await stillOnDay(ctx, office.id, date)).map(async ({ appointment: a, reason }) => ({
    id: a.id,
    reference: await names.reference(a.caseId),
    time: when(a.startAt, zone),
    interviewer: await names.staff(a.staffId),
    status: a.status,
    reason,
  })));
  const props = { office, date, dateWords: dateWords(date), closures: closed, moved, remaining, csrf: c.var.csrf };
  return consolePage(c, { title: `Closed: ${date}`, section: "closures" }, <ClosedDayPage {...props} />);
}

export function registerClosures(console: Hono<ConsoleEnv>) {
  console.get("/closures", async (c) => {
    const date = c.req.query("date") ?? "";
    const reopened = c.req.query("reopened") !== undefined;
    if (date && !isRealDate(date)) return listPage(c, c.req.query("office"), { date: "", reason: "" }, { tone: "error", text: "Date must be a date written YYYY-MM-DD." }, 422);
    const message: Message | undefined = reopened ? { tone: "ok", text: "The closure was removed: the day can be booked again. Appointments moved off it stay at their new times." } : undefined;
    return listPage(c, c.req.query("office"), { date, reason: "" }, message);
  });

  console.post("/closures", async (c) => {
    const form = await formOf(c);
    const { office } = await pickOffice(ctxOf(c), form.office || undefined);
    const input = { date: (form.date ?? "").trim(), reason: form.reason ?? "" };
    try {
      const { closure } = await closeDay(ctxOf(c), office.id, input);
      return c.redirect(`/console/closures/${office.id}/${closure.date}`, 303);
    } catch (error) {
      const p = refusal(error);
      return listPage(c, office.id, input, { tone: "error", text: problemText(p) }, p.status);
    }
  });

  console.get("/closures/:officeId/:date", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"));
    const date = c.req.param("date");
    if (!isRealDate(date)) throw new Problem(422, "validation", "Date must be a date written YYYY-MM-DD.");
    return dayPage(c, office, date);
  });

  console.post("/closures/:officeId/:date/move", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"));
    const date = c.req.param("date");
    if (!isRealDate(date)) throw new Problem(422, "validation", "Date must be a date written YYYY-MM-DD.");
    const { moved } = await moveAppointmentsOff(ctxOf(c), office.id, date);
    return c.redirect(`/console/closures/${office.id}/${date}?moved=${moved.map((m) => m.appointmentId).join(",")}`, 303);
  });

  console.post("/closures/:officeId/:closureId/delete", async (c) => {
    const { office } = await pickOffice(ctxOf(c), c.req.param("officeId"));
    await deleteClosure(ctxOf(c), office.id, c.req.param("closureId"));
    return c.redirect(`/console/closures?office=${office.id}&reopened=1`, 303);
  });
}
