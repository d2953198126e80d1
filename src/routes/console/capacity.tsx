// GET /console/capacity?office=&service=: capacity against demand for the next 8 weeks. Reads
// only; the domain says who may see which office (a foreign office is a 403 page).
import type { Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { officeCapacity, type Capacity } from "../../domain/capacity.js";
import { listServices } from "../../domain/services.js";
import { localTime } from "../../i18n/dates.js";
import { parseIsoDate } from "../../slots/index.js";
import { CapacityPage } from "../../pages/console/capacity.js";
import { dateWords, dayWords } from "./dates.js";
import { consolePage } from "./render.js";
import { pickOffice } from "./scope.js";
import type { ConsoleEnv } from "./session.js";

export function registerCapacity(console: Hono<ConsoleEnv>) {
  console.get("/capacity", async (c) => {
    const ctx = ctxOf(c);
    const { t, lang } = c.var;
    const { office, offices } = await pickOffice(ctx, c.req.query("office") || undefined, t.errors);
    const services = (await listServices(ctx, 200)).items;
    const asked = c.req.query("service")?.trim() || undefined;
    const service = asked ? services.find((s) => s.id === asked) : services[0];
    const error = !service ? (asked ? t.capacity.unknownService(asked) : t.capacity.noService) : null;
    const capacity: Capacity | null = service ? await officeCapacity(ctx, office.id, service.id) : null;
    const zone = office.timeZone;
    const view = {
      office,
      offices,
      services: services.map((s) => ({ id: s.id, name: s.name })),
      service: service?.id ?? asked ?? "",
      capacity,
      error,
      day: (date: string) => dayWords(zone, parseIsoDate(date)!, lang),
      instant: (at: number) => `${dateWords(at, zone, lang)}, ${localTime(at, zone)}`,
    };
    return consolePage(c, { title: t.capacity.title, section: "capacity", status: asked && !service ? 422 : 200 }, <CapacityPage view={view} t={t} />);
  });
}
