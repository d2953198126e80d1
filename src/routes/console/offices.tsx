// Offices: GET /console/offices (the list), GET/POST /console/offices/new (create, admin),
// GET/POST /console/offices/:id (the office's form: details, hours by weekday, public contact,
// reminders and quiet hours). Every check is the API's: its schemas and domain functions, which
// refuse a scheduler (403) and a foreign office (403).
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { createOffice, getOffice, updateOffice } from "../../domain/offices.js";
import { assertAdmin, assertOffice } from "../../domain/access.js";
import { DomainError } from "../../domain/errors.js";
import { statusOf } from "../../http/problem.js";
import { OfficeCreate, OfficeUpdate } from "../offices/schema.js";
import { OfficeFormPage, OfficesPage } from "../../pages/console/offices.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import type { FieldErrors } from "../../pages/console/offices-fields.js";
import { OFFICE_FIELDS, WEEKDAYS, checked, fieldErrorsOf, groupHours, officeBody, officeValues } from "./offices-form.js";
import { consolePage, formOf } from "./render.js";
import { myOffices } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";

/** A refusal the form can show (a field at fault, a taken id); anything else goes to the error page. */
export function formRefusal(error: unknown): DomainError {
  if (error instanceof DomainError && (error.kind === "validation" || error.kind === "conflict")) return error;
  throw error;
}

/** The refusal as per-field lines and a notice above the form ("2 fields need a change"). */
export function refusalOf(error: DomainError, t: ConsoleStrings, fields: readonly string[], labels: Record<string, string>, rename?: (path: string) => string | undefined) {
  const errors = fieldErrorsOf(error, fields, (field, message) => t.offices.problem(labels[field] ?? (field || "—"), message), rename);
  const { [""]: unplaced, ...placed } = errors;
  const count = Object.keys(placed).length;
  const text = error.kind === "validation" ? [count ? t.offices.checkFields(count) : "", unplaced ?? ""].filter(Boolean).join(" ") : error.detail;
  return { errors: placed, notice: errorNotice(text || error.detail) };
}

/** What the office form calls each field: its labels, the weekdays for the hours. */
const officeLabels = (t: ConsoleStrings) => ({ ...t.offices.fields, ...Object.fromEntries(WEEKDAYS.map((d) => [`hours.${d}`, t.offices.weekdays[d]])) });

const path = (id: string) => `/console/offices/${encodeURIComponent(id)}`;

function formPage(c: Context<ConsoleEnv>, p: { officeId?: string; name?: string; values: Record<string, string>; errors?: FieldErrors; notice?: PageNotice; status?: number }) {
  const { t, csrf, actor } = c.var;
  const title = p.officeId ? t.offices.editTitle(p.name ?? p.officeId) : t.offices.newTitle;
  const props = { officeId: p.officeId, values: p.values, errors: p.errors ?? {}, notice: p.notice, readOnly: actor.role !== "admin", csrf, t };
  return consolePage(c, { title, section: "offices", status: p.status }, <OfficeFormPage {...props} />);
}

const done = (c: Context<ConsoleEnv>, words: string): PageNotice | undefined => (c.req.query("done") !== undefined ? { tone: "ok", text: words } : undefined);

export function registerOffices(console: Hono<ConsoleEnv>) {
  console.get("/offices", async (c) => {
    const ctx = ctxOf(c);
    const t = c.var.t;
    const offices = await myOffices(ctx);
    return consolePage(c, { title: t.offices.title, section: "offices" }, <OfficesPage offices={offices} isAdmin={ctx.actor.role === "admin"} t={t} />);
  });

  console.get("/offices/new", async (c) => {
    assertAdmin(c.var.actor);
    return formPage(c, { values: { "settings.reminderHours": "72, 24", "settings.quietHoursStart": "20:00", "settings.quietHoursEnd": "08:00" } });
  });

  console.post("/offices/new", async (c) => {
    assertAdmin(c.var.actor);
    const t = c.var.t;
    const form = await formOf(c);
    const { body, slips, rename } = officeBody(form, t.offices.hoursFormat);
    try {
      const input = checked(OfficeCreate, body, slips);
      const office = await createOffice(ctxOf(c), { ...input, hours: groupHours(input.hours) });
      return c.redirect(`${path(office.id)}?done=created`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      return formPage(c, { values: form, ...refusalOf(problem, t, OFFICE_FIELDS, officeLabels(t), rename), status: statusOf(problem) });
    }
  });

  console.get("/offices/:id", async (c) => {
    const ctx = ctxOf(c);
    assertOffice(ctx.actor, c.req.param("id"));
    const office = await getOffice(ctx, c.req.param("id"));
    const t = c.var.t;
    const notice = done(c, c.req.query("done") === "created" ? t.offices.created : t.offices.saved);
    return formPage(c, { officeId: office.id, name: office.name, values: officeValues(office), notice });
  });

  console.post("/offices/:id", async (c) => {
    const ctx = ctxOf(c);
    const t = c.var.t;
    // The API's order: the role first (a scheduler is refused whatever the form says), then the fields.
    assertAdmin(ctx.actor);
    const office = await getOffice(ctx, c.req.param("id"));
    const form = await formOf(c);
    const { body, slips, rename } = officeBody({ ...form, id: "" }, t.offices.hoursFormat);
    try {
      const input = checked(OfficeUpdate, body, slips);
      await updateOffice(ctx, office.id, { ...input, hours: input.hours && groupHours(input.hours) });
      return c.redirect(`${path(office.id)}?done=saved`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      const refusal = refusalOf(problem, t, OFFICE_FIELDS, officeLabels(t), rename);
      return formPage(c, { officeId: office.id, name: office.name, values: { ...form, id: office.id }, ...refusal, status: statusOf(problem) });
    }
  });
}
