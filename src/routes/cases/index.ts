import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createCase, extendWindow, getCase, listCases, updateCase, type CaseRow } from "../../domain/cases.js";
import { IdParams, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Case, CaseCreate, CaseQuery, CaseUpdate, ExtensionCreate } from "./schema.js";

export const caseView = (r: CaseRow) => ({
  id: r.id,
  reference: r.reference,
  name: r.name,
  officeId: r.officeId,
  track: r.track,
  screenedAt: r.screenedAt,
  language: r.language,
  householdSize: r.householdSize,
  nationality: r.nationality,
  presentSince: r.presentSince,
  birthDate: r.birthDate,
  legalStatus: r.legalStatus,
  contact: { email: r.contactEmail, phone: r.contactPhone },
  windowExtensionDays: r.windowExtensionDays,
  eligibilityOverride: r.eligibilityOverride === null ? null : { reason: r.eligibilityOverride },
  priority: r.prioritySince === null ? null : { since: isoUtc(r.prioritySince), reason: r.priorityReason ?? "" },
  createdAt: isoUtc(r.createdAt),
  updatedAt: isoUtc(r.updatedAt),
});

const tags = ["cases"];
const staffDesk = allow("admin", "scheduler");

export function registerCases(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/cases",
      tags,
      summary: "Create a case",
      description:
        "Admins, and schedulers for their own offices. The case must meet the office's eligibility rules (422 `not-eligible` lists the failed ones) unless an admin sends `eligibilityOverride.reason`; a `reference` already in use is a 409.",
      middleware: [staffDesk],
      request: { body: body(CaseCreate) },
      responses: { 201: json(Case, "Created"), ...errorResponses },
    }),
    async (c) => c.json(caseView(await createCase(ctxOf(c), c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/cases",
      tags,
      summary: "List cases",
      description: "Admins see every case, schedulers the cases of their offices; interviewers may not (403).",
      middleware: [staffDesk],
      request: { query: CaseQuery },
      responses: { 200: json(listOf(Case)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const page = await listCases(ctxOf(c), limit, cursor, filter);
      return c.json({ items: page.items.map(caseView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/cases/{id}",
      tags,
      summary: "Get a case",
      description: "Admins, and schedulers for cases of their offices.",
      middleware: [staffDesk],
      request: { params: IdParams },
      responses: { 200: json(Case), ...errorResponses },
    }),
    async (c) => c.json(caseView(await getCase(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/cases/{id}",
      tags,
      summary: "Update a case",
      description: "Admins, and schedulers for cases of their offices. Only the fields sent change; eligibility is checked again.",
      middleware: [staffDesk],
      request: { params: IdParams, body: body(CaseUpdate) },
      responses: { 200: json(Case), ...errorResponses },
    }),
    async (c) => c.json(caseView(await updateCase(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/cases/{id}/extensions",
      tags,
      summary: "Extend a case's booking window",
      description: "Admins, and schedulers for cases of their offices. Adds `days` to the end of the window, with a reason; answers 201 with the case.",
      middleware: [staffDesk],
      request: { params: IdParams, body: body(ExtensionCreate) },
      responses: { 201: json(Case, "The case with its longer window"), ...errorResponses },
    }),
    async (c) => c.json(caseView(await extendWindow(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );
}
