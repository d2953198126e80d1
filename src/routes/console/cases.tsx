// The cases pages: GET /console/cases?q=&office= (search by reference, phone or name),
// GET/POST /console/cases/new (register a screened case), GET /console/cases/:id (the case),
// POST …/:id/contact (correct the contact) and …/:id/extensions (extend the window).
// Every field is checked by the API's own schemas and every rule by the domain's functions.
import type { Context, Hono } from "hono";
import { ctxOf } from "../../http/context.js";
import { createCase, extendWindow, getCase, updateCase } from "../../domain/cases.js";
import { SEARCH_LIMIT, searchCases } from "../../domain/case-search.js";
import { getOffice } from "../../domain/offices.js";
import { listServices } from "../../domain/services.js";
import { caseWindow } from "../../domain/slot-search.js";
import { CaseCreate, CaseUpdate, ExtensionCreate } from "../cases/schema.js";
import { notOneLine } from "../text.js";
import { CasePage, CaseSearchPage } from "../../pages/console/cases.js";
import { NewCasePage, problemNotice } from "../../pages/console/cases-form.js";
import { errorNotice, type PageNotice } from "../../pages/console/parts.js";
import { listCaseOffers } from "../../domain/offers-read.js";
import { setPriority } from "../../domain/case-priority.js";
import { offersSection, priorityForm } from "./offers.js";
import { consolePage, formOf } from "./render.js";
import { fieldRefusal, parsedBy } from "./form-checks.js";
import { myOffices } from "./scope.js";
import type { ConsoleEnv } from "./session.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
/** Staff type phones as they hear them ("+57 300 123-4567"); the API wants E.164. */
const phoneOf = (v: string | undefined) => trimmed(v)?.replace(/[\s().-]/g, "");
const numberOf = (v: string | undefined) => (v !== undefined && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : (v ?? ""));

/** The form as the API's request body; a field left empty is a field not sent. */
function caseBody(form: Record<string, string>) {
  const email = trimmed(form.email);
  const phone = phoneOf(form.phone);
  return {
    officeId: form.officeId ?? "",
    reference: trimmed(form.reference),
    name: trimmed(form.name),
    track: form.track ?? "",
    screenedAt: form.screenedAt ?? "",
    language: form.language ?? "",
    householdSize: numberOf(form.householdSize),
    nationality: (form.nationality ?? "").trim().toUpperCase(),
    presentSince: form.presentSince ?? "",
    birthDate: form.birthDate ?? "",
    legalStatus: form.legalStatus ?? "",
    contact: email || phone ? { email, phone } : undefined,
  };
}

/** A refusal with every field at fault named as the form labels it. */
const refusal = (error: unknown, t: ConsoleStrings) => fieldRefusal(error, t, (path) => t.cases.fieldNames[path] ?? path, t.cases.problem);

function oneLineRefusal(form: Record<string, string>): { notice: PageNotice; status: number } | null {
  const bad = notOneLine(form);
  return bad ? { notice: problemNotice(bad, []), status: 422 } : null;
}

async function newPage(c: Context<ConsoleEnv>, form: Record<string, string>, message?: PageNotice, status = 200) {
  const offices = await myOffices(ctxOf(c));
  const { t, csrf } = c.var;
  return consolePage(c, { title: t.cases.newTitle, section: "cases", status }, <NewCasePage offices={offices} form={form} message={message} csrf={csrf} t={t} />);
}

async function casePage(c: Context<ConsoleEnv>, form: { email?: string; phone?: string; days?: string; reason?: string } = {}, message?: PageNotice, status = 200) {
  const ctx = ctxOf(c);
  const { t, csrf } = c.var;
  const caseRow = await getCase(ctx, c.req.param("id")!);
  const [office, services] = await Promise.all([getOffice(ctx, caseRow.officeId), listServices(ctx, 200)]);
  const service = services.items.find((s) => s.agency === caseRow.track);
  const window = service ? { ...caseWindow(caseRow, service), service: service.name } : null;
  const done = c.req.query("done");
  const days = Number(c.req.query("days"));
  const notice: PageNotice | undefined =
    message ??
    (done === "created"
      ? { tone: "ok", text: t.cases.created }
      : done === "contact"
        ? { tone: "ok", text: t.cases.contactSaved }
        : done === "extended"
          ? { tone: "ok", text: t.cases.extended(days) }
          : undefined);
  const contact = { email: form.email ?? caseRow.contactEmail ?? "", phone: form.phone ?? caseRow.contactPhone ?? "" };
  const extension = { days: form.days ?? "", reason: form.reason ?? "" };
  const offers = offersSection(await listCaseOffers(ctx, caseRow.id), caseRow, office.timeZone, c.var.lang, csrf, `/console/cases/${encodeURIComponent(caseRow.id)}/priority`);
  const props = { caseRow, office, window, contact, extension, offers, message: notice, csrf, t };
  return consolePage(c, { title: t.cases.title(caseRow.reference), section: "cases", status }, <CasePage {...props} />);
}

export function registerCasePages(console: Hono<ConsoleEnv>) {
  console.get("/cases", async (c) => {
    const ctx = ctxOf(c);
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const office = c.req.query("office") ?? "";
    const [offices, hits] = await Promise.all([myOffices(ctx), searchCases(ctx, { q, officeId: office || undefined })]);
    const props = { q, office, offices, hits, full: hits.length === SEARCH_LIMIT, t: c.var.t };
    return consolePage(c, { title: c.var.t.cases.searchTitle, section: "cases" }, <CaseSearchPage {...props} />);
  });

  console.get("/cases/new", (c) => newPage(c, {}));

  console.post("/cases/new", async (c) => {
    const form = await formOf(c);
    const bad = oneLineRefusal(form);
    if (bad) return newPage(c, form, bad.notice, bad.status);
    try {
      const created = await createCase(ctxOf(c), parsedBy(CaseCreate, caseBody(form)));
      return c.redirect(`/console/cases/${encodeURIComponent(created.id)}?done=created`, 303);
    } catch (error) {
      const { notice, status } = refusal(error, c.var.t);
      return newPage(c, form, notice, status);
    }
  });

  console.get("/cases/:id", (c) => casePage(c));

  console.post("/cases/:id/contact", async (c) => {
    const form = await formOf(c);
    const bad = oneLineRefusal(form);
    if (bad) return casePage(c, form, bad.notice, bad.status);
    const id = c.req.param("id");
    try {
      // null removes a contact: its waiting messages are closed, as through the API.
      const contact = { email: trimmed(form.email) ?? null, phone: phoneOf(form.phone) ?? null };
      await updateCase(ctxOf(c), id, parsedBy(CaseUpdate, { contact }));
      return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=contact`, 303);
    } catch (error) {
      const { notice, status } = refusal(error, c.var.t);
      return casePage(c, form, notice, status);
    }
  });

  // The case's priority flag for earlier-time offers, set or cleared with a reason.
  console.post("/cases/:id/priority", async (c) => {
    const flag = priorityForm(await formOf(c));
    if ("refusal" in flag) return casePage(c, {}, errorNotice(flag.refusal), 422);
    const id = c.req.param("id");
    await setPriority(ctxOf(c), id, flag);
    return c.redirect(`/console/cases/${encodeURIComponent(id)}`, 303);
  });

  console.post("/cases/:id/extensions", async (c) => {
    const form = await formOf(c);
    const bad = oneLineRefusal(form);
    if (bad) return casePage(c, form, bad.notice, bad.status);
    const id = c.req.param("id");
    try {
      const input = parsedBy(ExtensionCreate, { days: numberOf(form.days), reason: form.reason ?? "" });
      await extendWindow(ctxOf(c), id, input);
      return c.redirect(`/console/cases/${encodeURIComponent(id)}?done=extended&days=${input.days}`, 303);
    } catch (error) {
      const { notice, status } = refusal(error, c.var.t);
      return casePage(c, form, notice, status);
    }
  });
}
