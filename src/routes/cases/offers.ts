// A case's earlier-time offers and its priority flag (docs/offers.md).
import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { listCaseOffers, type CaseOffer } from "../../domain/offers-read.js";
import { priorityHistory, setPriority } from "../../domain/case-priority.js";
import { IdParams, body, errorResponses, isoUtc, json } from "../common.js";
import { Text } from "../text.js";
import { Case } from "./schema.js";
import { caseView } from "./index.js";

const Offer = z
  .object({
    id: z.string(),
    status: z.enum(["open", "accepting", "accepted", "declined", "expired", "gone"]).openapi({
      description: "`accepting` while an accept books it; `gone`: someone else took the time, or it can no longer be booked",
    }),
    start: z.string(),
    end: z.string(),
    staffId: z.string(),
    serviceId: z.string(),
    appointmentId: z.string().nullable().openapi({ description: "The case's appointment the offer would move; null for a case still waiting" }),
    bookedAppointmentId: z.string().nullable().openapi({ description: "The appointment the accepted offer booked or moved" }),
    original: z.string().openapi({ description: "What the case had: its appointment's start, or its window's last day (local midnight) when it was waiting" }),
    expiresAt: z.string().openapi({ description: "Counted in waking time: the office's quiet hours do not count" }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("Offer");

const offerView = (o: CaseOffer) => ({
  id: o.id,
  status: o.status as z.infer<typeof Offer>["status"],
  start: isoUtc(o.start),
  end: isoUtc(o.end),
  staffId: o.staffId,
  serviceId: o.serviceId,
  appointmentId: o.appointmentId,
  bookedAppointmentId: o.bookedAppointmentId,
  original: isoUtc(o.originalAt),
  expiresAt: isoUtc(o.expiresAt),
  createdAt: isoUtc(o.createdAt),
  decidedAt: o.decidedAt === null ? null : isoUtc(o.decidedAt),
});

const PriorityChange = z.strictObject({ priority: z.boolean(), reason: Text(300) }).openapi("PriorityChange");

const PriorityEntry = z.object({ at: z.string(), actor: z.string(), priority: z.boolean(), reason: z.string() }).openapi("PriorityEntry");

const staffDesk = allow("admin", "scheduler");
const tags = ["cases"];

export function registerCaseOffers(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/cases/{id}/offers",
      tags,
      summary: "A case's earlier-time offers",
      description: "Admins, and schedulers of the case's office. Every offer made to the case, oldest first, whatever became of it.",
      middleware: [staffDesk],
      request: { params: IdParams },
      responses: { 200: json(z.object({ items: z.array(Offer) }), "The offers"), ...errorResponses },
    }),
    async (c) => c.json({ items: (await listCaseOffers(ctxOf(c), c.req.valid("param").id)).map(offerView) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/cases/{id}/priority",
      tags,
      summary: "Flag a case to be offered freed times first, or clear the flag",
      description:
        "Admins, and schedulers of the case's office. `{ priority: true, reason }` puts the case ahead of the office's usual order for earlier-time offers; `false` clears it. Both need a reason and are kept in the case's priority history.",
      middleware: [staffDesk],
      request: { params: IdParams, body: body(PriorityChange) },
      responses: { 200: json(Case, "The case as it now is"), ...errorResponses },
    }),
    async (c) => c.json(caseView(await setPriority(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/cases/{id}/priority",
      tags,
      summary: "A case's priority history",
      description: "Admins, and schedulers of the case's office. Every change of the flag, oldest first: when, who, on or off, and why.",
      middleware: [staffDesk],
      request: { params: IdParams },
      responses: { 200: json(z.object({ items: z.array(PriorityEntry) }), "The history"), ...errorResponses },
    }),
    async (c) => {
      const rows = await priorityHistory(ctxOf(c), c.req.valid("param").id);
      return c.json({ items: rows.map((r) => ({ at: isoUtc(r.at), actor: r.actor, priority: r.priority, reason: r.reason })) }, 200);
    },
  );
}
