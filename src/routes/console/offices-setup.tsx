// The parts of an office's set-up beside its form: GET/POST /console/offices/:id/rooms (add a
// room, admin), GET/POST …/holidays (keep a public holiday open, admin and the office's
// schedulers) and POST …/holidays/:entryId/close, GET/POST …/eligibility (preview, then save:
// admin). The API's schemas check each form; the domain decides roles and scopes.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { createRoom, getOffice, listRooms, setEligibility } from "../../domain/offices.js";
import { closeHolidayAgain, keepHolidayOpen, officeHolidays } from "../../domain/office-holidays.js";
import { previewEligibility } from "../../domain/eligibility-preview.js";
import { assertAdmin, assertOffice } from "../../domain/access.js";
import { statusOf } from "../../http/problem.js";
import { ClosureCreate, Eligibility, RoomCreate } from "../offices/schema.js";
import { EligibilityPage, HolidaysPage, RoomsPage } from "../../pages/console/offices-setup.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import type { FieldErrors } from "../../pages/console/offices-fields.js";
import { checked, listField, numberField, textOrNull } from "./offices-form.js";
import { formRefusal, refusalOf } from "./offices.js";
import { dateWords } from "./dates.js";
import { consolePage, formOf } from "./render.js";
import type { ConsoleEnv } from "./session.js";
import { DAY_MS, dayNumber } from "../../domain/dates.js";
import { isRealDate } from "../../domain/closure-moves.js";
import { isKnownHolidayCountry } from "../../slots/index.js";

/** How far ahead the holidays page looks. */
const HOLIDAY_MONTHS = 6;

interface Shown {
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: PageNotice;
  status?: number;
}

/** The office of the path: 404 unknown, 403 not one of the person's. */
async function officeOf(c: Context<ConsoleEnv>) {
  const ctx = ctxOf(c);
  assertOffice(ctx.actor, c.req.param("id")!);
  return { ctx, office: await getOffice(ctx, c.req.param("id")!) };
}

const base = (id: string) => `/console/offices/${encodeURIComponent(id)}`;
const ok = (text: string): PageNotice => ({ tone: "ok", text });

async function roomsPage(c: Context<ConsoleEnv>, shown: Shown = {}) {
  const { ctx, office } = await officeOf(c);
  const { t, csrf } = c.var;
  const rooms = (await listRooms(ctx, office.id, 200)).items;
  const added = rooms.find((r) => r.id === c.req.query("added"));
  const props = { officeId: office.id, rooms, values: shown.values ?? {}, errors: shown.errors ?? {}, readOnly: ctx.actor.role !== "admin", csrf, t };
  const notice = shown.notice ?? (added ? ok(t.offices.rooms.added(added.name)) : undefined);
  return consolePage(c, { title: t.offices.rooms.title(office.name), section: "offices", status: shown.status }, <RoomsPage {...props} notice={notice} />);
}

async function holidaysPage(c: Context<ConsoleEnv>, shown: Shown = {}) {
  const { ctx, office } = await officeOf(c);
  const { t, csrf, lang } = c.var;
  const w = t.offices.holidays;
  const list = await officeHolidays(ctx, office.id, Math.round((HOLIDAY_MONTHS * 365) / 12), lang);
  // A local date in words: noon UTC of that date names the same day everywhere.
  const words = (date: string) => dateWords(dayNumber(date)! * DAY_MS + DAY_MS / 2, "UTC", lang);
  const holidays = list.map((h) => ({ ...h, words: words(h.date) }));
  const kept = c.req.query("kept") ?? "";
  const notice = shown.notice ?? (isRealDate(kept) ? ok(w.keptOpen(words(kept))) : c.req.query("closed") ? ok(w.closedAgain) : undefined);
  const intro = isKnownHolidayCountry(office.country) ? w.intro(office.country, HOLIDAY_MONTHS) : w.unknownCountry(office.country);
  const props = { officeId: office.id, intro, holidays, values: shown.values ?? {}, errors: shown.errors ?? {}, notice, csrf, t };
  return consolePage(c, { title: w.title(office.name), section: "offices", status: shown.status }, <HolidaysPage {...props} />);
}

async function eligibilityPage(c: Context<ConsoleEnv>, shown: Shown = {}) {
  const { ctx, office } = await officeOf(c);
  const { t, csrf } = c.var;
  const rules = office.eligibility;
  const values = shown.values ?? {
    nationalities: rules?.nationalities.join(", ") ?? "",
    presentOnOrBefore: rules?.presentOnOrBefore ?? "",
    minAge: rules?.minAge === undefined ? "" : String(rules.minAge),
    legalStatuses: rules?.legalStatuses?.join(", ") ?? "",
  };
  const notice = shown.notice ?? (c.req.query("done") !== undefined ? ok(t.offices.eligibility.saved) : undefined);
  const props = { officeId: office.id, values, errors: shown.errors ?? {}, notice, hasRules: rules !== null, readOnly: ctx.actor.role !== "admin", csrf, t };
  return consolePage(c, { title: t.offices.eligibility.title(office.name), section: "offices", status: shown.status }, <EligibilityPage {...props} />);
}

export function registerOfficeSetup(console: Hono<ConsoleEnv>) {
  console.get("/offices/:id/rooms", (c) => roomsPage(c));

  console.post("/offices/:id/rooms", async (c) => {
    assertAdmin(c.var.actor);
    const { ctx, office } = await officeOf(c);
    const form = await formOf(c);
    try {
      const input = checked(RoomCreate, { name: form.name ?? "", ...(textOrNull(form.id) ? { id: textOrNull(form.id) } : {}) });
      const room = await createRoom(ctx, office.id, input);
      return c.redirect(`${base(office.id)}/rooms?added=${encodeURIComponent(room.id)}`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      return roomsPage(c, { values: form, ...refusalOf(problem, c.var.t, ["id", "name"], c.var.t.offices.fields), status: statusOf(problem) });
    }
  });

  console.get("/offices/:id/holidays", (c) => holidaysPage(c));

  console.post("/offices/:id/holidays", async (c) => {
    const { ctx, office } = await officeOf(c);
    const form = await formOf(c);
    const date = (form.date ?? "").trim();
    try {
      const input = checked(ClosureCreate, { date, reason: form.reason ?? "", open: true });
      await keepHolidayOpen(ctx, office.id, date, input.reason);
      return c.redirect(`${base(office.id)}/holidays?kept=${encodeURIComponent(date)}`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      const fields = { ...c.var.t.offices.fields, reason: c.var.t.offices.holidays.reason };
      const { errors, notice } = refusalOf(problem, c.var.t, ["date", "reason"], fields);
      // The date is the row's hidden field: its refusal is said above the table.
      const { date: dateError, ...rest } = errors;
      return holidaysPage(c, { values: { ...form, date }, errors: rest, notice: dateError ? errorNotice(dateError) : notice, status: statusOf(problem) });
    }
  });

  console.post("/offices/:id/holidays/:entryId/close", async (c) => {
    const { ctx, office } = await officeOf(c);
    await closeHolidayAgain(ctx, office.id, c.req.param("entryId"));
    return c.redirect(`${base(office.id)}/holidays?closed=1`, 303);
  });

  console.get("/offices/:id/eligibility", (c) => eligibilityPage(c));

  console.post("/offices/:id/eligibility", async (c) => {
    assertAdmin(c.var.actor);
    const { ctx, office } = await officeOf(c);
    const t = c.var.t;
    const form = await formOf(c);
    const statuses = listField(form.legalStatuses);
    const body = {
      nationalities: listField(form.nationalities),
      presentOnOrBefore: (form.presentOnOrBefore ?? "").trim(),
      ...(numberField(form.minAge) === undefined ? {} : { minAge: numberField(form.minAge) }),
      ...(statuses.length ? { legalStatuses: statuses } : {}),
    };
    try {
      const rules = checked(Eligibility, body);
      if (form.do === "preview") {
        const { refused, current } = await previewEligibility(ctx, office.id, rules);
        const n = new Intl.NumberFormat(t.tag);
        return eligibilityPage(c, { values: form, notice: { tone: "info", text: t.offices.eligibility.previewResult(n.format(refused), n.format(current)) } });
      }
      await setEligibility(ctx, office.id, rules);
      return c.redirect(`${base(office.id)}/eligibility?done=saved`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      const fields = ["nationalities", "presentOnOrBefore", "minAge", "legalStatuses"];
      return eligibilityPage(c, { values: form, ...refusalOf(problem, t, fields, t.offices.fields), status: statusOf(problem) });
    }
  });
}
