// The interviewers pages: GET /console/staff (the list), GET/POST /console/staff/new (an admin
// adds one), GET /console/staff/:id (one interviewer) and POST /console/staff/:id (an admin
// changes the details). Hours and time off are in staff-hours.tsx. Fields are checked by the
// API's schemas, roles and office scopes by the domain.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { assertStaffEditor, createStaff, listStaff, updateStaff } from "../../domain/staff.js";
import { listServices } from "../../domain/services.js";
import { StaffCreate, StaffUpdate } from "../staff/schema.js";
import { NewStaffPage, StaffListPage, type StaffForm } from "../../pages/console/staff.js";
import type { PageNotice } from "../../pages/console/parts.js";
import { problemNotice } from "../../pages/console/cases-form.js";
import { consolePage } from "./render.js";
import { myOffices } from "./scope.js";
import { staffPage } from "./staff-page.js";
import { registerStaffHours } from "./staff-hours.js";
import { fieldRefusal, parsedBy } from "./form-checks.js";
import type { ConsoleEnv } from "./session.js";
import { notOneLine } from "../text.js";

/** The form with every value of a repeated field (the check boxes). */
async function formAll(c: Context<ConsoleEnv>): Promise<StaffForm> {
  const body = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]): [string, string | string[]][] => {
      const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
      return k === "officeIds" || k === "serviceIds" ? [[k, values]] : values.length ? [[k, values[0]!]] : [];
    }),
  );
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

/** The form as the API's body; an empty optional field is one not sent. */
function staffBody(form: StaffForm, withId: boolean) {
  return {
    ...(withId && text(form.id) ? { id: text(form.id) } : {}),
    name: text(form.name),
    email: text(form.email),
    phone: text(form.phone) ? text(form.phone).replace(/[\s().-]/g, "") : null,
    agency: text(form.agency),
    timeZone: text(form.timeZone),
    languages: text(form.languages)
      .split(/[\s,;]+/)
      .filter(Boolean),
    officeIds: list(form.officeIds),
    serviceIds: list(form.serviceIds),
  };
}

async function newPage(c: Context<ConsoleEnv>, form: StaffForm, message?: PageNotice, status = 200) {
  const ctx = ctxOf(c);
  const [offices, services] = await Promise.all([myOffices(ctx), listServices(ctx, 200)]);
  const props = { form, offices, services: services.items, message, csrf: c.var.csrf, t: c.var.t };
  return consolePage(c, { title: c.var.t.staff.newTitle, section: "staff", status }, <NewStaffPage {...props} />);
}

const oneLine = (form: StaffForm) => notOneLine(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.join(" ") : v])));

export function registerStaffPages(console: Hono<ConsoleEnv>) {
  console.get("/staff", async (c) => {
    const ctx = ctxOf(c);
    const [page, offices, services] = await Promise.all([listStaff(ctx, 200), myOffices(ctx), listServices(ctx, 200)]);
    const names = new Map([...offices, ...services.items].map((x) => [x.id, x.name]));
    const props = { staff: page.items, canAdd: ctx.actor.role === "admin", names, t: c.var.t };
    return consolePage(c, { title: c.var.t.staff.listTitle, section: "staff" }, <StaffListPage {...props} />);
  });

  console.get("/staff/new", (c) => {
    assertStaffEditor(ctxOf(c).actor);
    return newPage(c, { agency: "IOM", timeZone: "America/Bogota", languages: "es" });
  });

  console.post("/staff/new", async (c) => {
    const form = await formAll(c);
    const bad = oneLine(form);
    if (bad) return newPage(c, form, problemNotice(bad, []), 422);
    try {
      const created = await createStaff(ctxOf(c), parsedBy(StaffCreate, staffBody(form, true)));
      return c.redirect(`/console/staff/${encodeURIComponent(created.id)}?done=created`, 303);
    } catch (error) {
      const { notice, status } = fieldRefusal(error, c.var.t, (path) => c.var.t.staff.fieldNames[path.split(".")[0]!] ?? path);
      return newPage(c, form, notice, status);
    }
  });

  console.get("/staff/:id", (c) => staffPage(c));

  console.post("/staff/:id", async (c) => {
    const form = await formAll(c);
    const bad = oneLine(form);
    if (bad) return staffPage(c, { details: form, message: problemNotice(bad, []), status: 422 });
    const id = c.req.param("id");
    try {
      await updateStaff(ctxOf(c), id, parsedBy(StaffUpdate, staffBody(form, false)));
      return c.redirect(`/console/staff/${encodeURIComponent(id)}?done=details`, 303);
    } catch (error) {
      const { notice, status } = fieldRefusal(error, c.var.t, (path) => c.var.t.staff.fieldNames[path.split(".")[0]!] ?? path);
      return staffPage(c, { details: form, message: notice, status });
    }
  });

  registerStaffHours(console);
}
