// Services: GET /console/services (the list), GET/POST /console/services/new (create, admin),
// GET/POST /console/services/:id (duration, buffer, window, daily cap, step, notice). The API's
// schemas check the form (any whole number of minutes it accepts); the domain decides the role.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { createService, getService, listServices, updateService, type ServiceRow } from "../../domain/services.js";
import { assertAdmin } from "../../domain/access.js";
import { statusOf } from "../../http/problem.js";
import { ServiceCreate, ServiceUpdate } from "../services/schema.js";
import { ServiceFormPage, ServicesPage } from "../../pages/console/services.js";
import type { PageNotice } from "../../pages/console/parts.js";
import type { FieldErrors } from "../../pages/console/offices-fields.js";
import { checked, numberField, textOrNull } from "./offices-form.js";
import { formRefusal, refusalOf } from "./offices.js";
import { consolePage, formOf } from "./render.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";

const FIELDS = [
  "id",
  "name",
  "agency",
  "durationMinutes",
  "bufferMinutes",
  "window.minDays",
  "window.maxDays",
  "needsRoom",
  "slotStepMinutes",
  "minNoticeHours",
  "dailyCapPerOffice",
];

const path = (id: string) => `/console/services/${encodeURIComponent(id)}`;

function serviceValues(s: ServiceRow): Record<string, string> {
  return {
    id: s.id,
    name: s.name,
    agency: s.agency,
    durationMinutes: String(s.durationMinutes),
    bufferMinutes: String(s.bufferMinutes),
    "window.minDays": String(s.windowMinDays),
    "window.maxDays": String(s.windowMaxDays),
    needsRoom: s.needsRoom ? "on" : "",
    slotStepMinutes: String(s.slotStepMinutes),
    minNoticeHours: String(s.minNoticeHours),
    dailyCapPerOffice: s.dailyCapPerOffice === null ? "" : String(s.dailyCapPerOffice),
  };
}

/** The form as the API's body; an empty number is "not given" (the API's default, or unchanged), an empty cap is none. */
function serviceBody(form: Record<string, string>) {
  const body: Record<string, unknown> = {
    ...(textOrNull(form.id) ? { id: textOrNull(form.id) } : {}),
    ...(textOrNull(form.name) ? { name: form.name } : {}),
    agency: form.agency ?? "",
    durationMinutes: numberField(form.durationMinutes),
    bufferMinutes: numberField(form.bufferMinutes),
    window: { minDays: numberField(form["window.minDays"]), maxDays: numberField(form["window.maxDays"]) },
    needsRoom: form.needsRoom === "on",
    slotStepMinutes: numberField(form.slotStepMinutes),
    minNoticeHours: numberField(form.minNoticeHours),
    dailyCapPerOffice: numberField(form.dailyCapPerOffice) ?? null,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

function listItem(s: ServiceRow, t: ConsoleStrings) {
  const n = new Intl.NumberFormat(t.tag);
  const w = t.services;
  return {
    id: s.id,
    name: s.name,
    agency: s.agency,
    duration: w.minutes(n.format(s.durationMinutes)),
    buffer: w.minutes(n.format(s.bufferMinutes)),
    window: w.days(n.format(s.windowMinDays), n.format(s.windowMaxDays)),
    step: w.minutes(n.format(s.slotStepMinutes)),
    notice: w.hours(n.format(s.minNoticeHours)),
    cap: s.dailyCapPerOffice === null ? w.noCap : n.format(s.dailyCapPerOffice),
  };
}

function formPage(c: Context<ConsoleEnv>, p: { serviceId?: string; name?: string; values: Record<string, string>; errors?: FieldErrors; notice?: PageNotice; status?: number }) {
  const { t, csrf, actor } = c.var;
  const title = p.serviceId ? t.services.editTitle(p.name ?? p.serviceId) : t.services.newTitle;
  const props = { serviceId: p.serviceId, values: p.values, errors: p.errors ?? {}, notice: p.notice, readOnly: actor.role !== "admin", csrf, t };
  return consolePage(c, { title, section: "services", status: p.status }, <ServiceFormPage {...props} />);
}

export function registerServices(console: Hono<ConsoleEnv>) {
  console.get("/services", async (c) => {
    const ctx = ctxOf(c);
    const t = c.var.t;
    const services = (await listServices(ctx, 200)).items.map((s) => listItem(s, t));
    return consolePage(c, { title: t.services.title, section: "services" }, <ServicesPage services={services} isAdmin={ctx.actor.role === "admin"} t={t} />);
  });

  console.get("/services/new", (c) => {
    assertAdmin(c.var.actor);
    return formPage(c, { values: { agency: "IOM", bufferMinutes: "0", slotStepMinutes: "30", minNoticeHours: "24" } });
  });

  console.post("/services/new", async (c) => {
    assertAdmin(c.var.actor);
    const t = c.var.t;
    const form = await formOf(c);
    try {
      const service = await createService(ctxOf(c), checked(ServiceCreate, serviceBody(form)));
      return c.redirect(`${path(service.id)}?done=created`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      return formPage(c, { values: form, ...refusalOf(problem, t, FIELDS, t.services.fields), status: statusOf(problem) });
    }
  });

  console.get("/services/:id", async (c) => {
    const service = await getService(ctxOf(c), c.req.param("id"));
    const t = c.var.t;
    const done = c.req.query("done");
    const notice: PageNotice | undefined = done === undefined ? undefined : { tone: "ok", text: done === "created" ? t.services.created : t.services.saved };
    return formPage(c, { serviceId: service.id, name: service.name, values: serviceValues(service), notice });
  });

  console.post("/services/:id", async (c) => {
    assertAdmin(c.var.actor);
    const t = c.var.t;
    const service = await getService(ctxOf(c), c.req.param("id"));
    const form = await formOf(c);
    try {
      await updateService(ctxOf(c), service.id, checked(ServiceUpdate, serviceBody({ ...form, id: "" })));
      return c.redirect(`${path(service.id)}?done=saved`, 303);
    } catch (error) {
      const problem = formRefusal(error);
      return formPage(c, { serviceId: service.id, name: service.name, values: form, ...refusalOf(problem, t, FIELDS, t.services.fields), status: statusOf(problem) });
    }
  });
}
