import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { listSlots } from "../../domain/slots.js";
import { slotView } from "../../slots/index.js";
import { Language, errorResponses, json } from "../common.js";

const SlotsQuery = z.strictObject({
  service: z.string().max(100),
  office: z.string().max(100),
  from: z.string().max(40).openapi({ description: "An instant, or a local date (midnight in the office's zone)", example: "2026-12-01" }),
  to: z.string().max(40).openapi({ description: "Exclusive; at most 92 days after from", example: "2026-12-08" }),
  case: z.string().max(100).optional(),
  staff: z.string().max(100).optional(),
  language: Language.optional(),
});

export const SlotView = z
  .object({ start: z.string(), end: z.string(), localStart: z.string(), localEnd: z.string(), staffIds: z.array(z.string()) })
  .openapi("Slot");

export function registerSlots(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/slots",
      tags: ["slots"],
      summary: "Free start times for a service at an office, optionally inside a case's window",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { query: SlotsQuery },
      responses: { 200: json(z.object({ timeZone: z.string(), slots: z.array(SlotView) })), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { timeZone, slots } = await listSlots(ctxOf(c), {
        serviceId: q.service,
        officeId: q.office,
        from: q.from,
        to: q.to,
        caseId: q.case,
        staffId: q.staff,
        language: q.language,
      });
      return c.json({ timeZone, slots: slots.map((s) => slotView(s, timeZone)) }, 200);
    },
  );
}
