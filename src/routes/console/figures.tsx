// Figures for programme managers: GET /console/figures (table, chart, utilisation) and
// GET /console/figures.csv with the same parameters (?table=interviewers for utilisation, ?table=offers for offers).
// Reads only; the domain enforces who may see which office.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { computeFigures, type Figures, type FiguresQuery } from "../../domain/figures.js";
import { addDays, dayNumber } from "../../domain/dates.js";
import type { OfficeRow } from "../../domain/offices.js";
import { listServices } from "../../domain/services.js";
import { localDateOf } from "../../slots/index.js";
import { FiguresView, queryOf, type FiguresChoices, type FiguresFilter } from "../../pages/console/figures.js";
import { figuresCsv, utilisationCsv } from "../../pages/console/figures-csv.js";
import { offersCsv } from "../../pages/console/offers-figures.js";
import { consolePage, problemText } from "./render.js";
import { myOffices, noOfficeError } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";
import { assertOffice } from "../../domain/access.js";
import { DomainError, invalidField } from "../../domain/errors.js";

/** The default period: the last 30 local days up to today, in the office's zone. */
const DEFAULT_DAYS = 30;

interface FiguresRequest {
  filter: FiguresFilter;
  query: FiguresQuery;
  choices: FiguresChoices;
}

/** The parameters with their defaults; a foreign office is refused here (403) before anything is read. */
async function readRequest(c: Context<ConsoleEnv>): Promise<FiguresRequest> {
  const ctx = ctxOf(c);
  const param = (name: string) => c.req.query(name)?.trim() || undefined;
  const mine = await myOffices(ctx);
  const requested = param("office");
  if (requested && requested !== "all") assertOffice(ctx.actor, requested);
  if (mine.length === 0 && (!requested || requested === "all")) throw noOfficeError(ctx, c.var.t.errors);
  const officeIds = requested === "all" ? mine.map((o) => o.id) : [requested ?? mine[0]!.id];
  // Defaults are read in the zone of the office shown (the first one for "all offices"); an
  // unknown office is refused with the other fields, below.
  const zoneOffice: OfficeRow | null = mine.find((o) => o.id === officeIds[0]) ?? mine[0] ?? null;
  const today = localDateOf(zoneOffice?.timeZone ?? "UTC", ctx.deps.clock.now());
  const to = param("to") ?? today;
  const from = param("from") ?? addDays(dayNumber(to) === null ? today : to, -(DEFAULT_DAYS - 1));
  const service = param("service") ?? "";
  const services = await listServices(ctx, 200);
  return {
    filter: { office: requested === "all" ? "all" : officeIds[0]!, service, from, to },
    query: { officeIds, serviceId: service || undefined, from, to },
    choices: { offices: mine.map((o) => ({ id: o.id, name: o.name })), services: services.items.map((s) => ({ id: s.id, name: s.name })), canChooseAll: mine.length > 1 },
  };
}

/** "From: must be a real date written YYYY-MM-DD.", naming the field as the form labels it. */
const explain = (problem: DomainError, t: ConsoleStrings) => problemText(problem, (e) => `${t.figures.fieldNames[e.path] ?? e.path}: ${e.message}.`);

const isValidation = (error: unknown): error is DomainError => error instanceof DomainError && error.kind === "validation";

const safeName = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "_");

export function registerFigures(console: Hono<ConsoleEnv>) {
  console.get("/figures", async (c) => {
    const r = await readRequest(c);
    let figures: Figures | null = null;
    let error: string | null = null;
    try {
      figures = await computeFigures(ctxOf(c), r.query);
    } catch (e) {
      // A bad parameter shows the form again with the reason; anything else is the guard's.
      if (!isValidation(e)) throw e;
      error = explain(e, c.var.t);
    }
    const view = <FiguresView filter={r.filter} choices={r.choices} figures={figures} error={error} csvHref={`/console/figures.csv?${queryOf(r.filter)}`} t={c.var.t} />;
    return consolePage(c, { title: c.var.t.figures.title, section: "figures", status: error ? 422 : 200 }, view);
  });

  console.get("/figures.csv", async (c) => {
    const table = c.req.query("table") ?? "services";
    const r = await readRequest(c);
    try {
      if (table !== "services" && table !== "interviewers" && table !== "offers") throw invalidField("table", "must be services, interviewers or offers");
      const figures = await computeFigures(ctxOf(c), r.query);
      const name = `cita-${table === "services" ? "figures" : table === "offers" ? "offers" : "utilisation"}-${safeName(r.filter.office)}-${r.query.from}-${r.query.to}.csv`;
      const csv = table === "services" ? figuresCsv(figures, c.var.t) : table === "offers" ? offersCsv(figures, c.var.lang) : utilisationCsv(figures, c.var.t);
      // A byte-order mark, so that spreadsheet programs read the accents of "Bogotá" as UTF-8.
      return c.body(`\uFEFF${csv}`, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
    } catch (e) {
      if (!isValidation(e)) throw e;
      throw new DomainError("validation", explain(e, c.var.t));
    }
  });
}
