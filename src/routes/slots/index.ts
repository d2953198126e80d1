import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { MAX_GRID_STARTS, MAX_RANGE_DAYS, pickSlots } from "../../domain/slot-search.js";
import { versionedCache } from "../../domain/versioned-cache.js";
import { slotView, type Slot } from "../../slots/index.js";
import { Language, errorResponses, json } from "../common.js";

const SlotsQuery = z.strictObject({
  service: z.string().max(100),
  office: z.string().max(100),
  from: z.string().max(40).openapi({ description: "An instant, or a local date (midnight in the office's zone)", example: "2026-12-01" }),
  to: z
    .string()
    .max(40)
    .openapi({
      description: `Exclusive; at most ${MAX_RANGE_DAYS} days after from, and at most ${MAX_GRID_STARTS} steps of the service's grid (15 days at 5-minute steps); else 422 naming to`,
      example: "2026-12-08",
    }),
  case: z.string().max(100).optional().openapi({ description: "Only inside this case's window; the case's office and its track's service, else 422 naming office or service" }),
  staff: z.string().max(100).optional(),
  language: Language.optional(),
});

export const SlotView = z.object({ start: z.string(), end: z.string(), localStart: z.string(), localEnd: z.string(), staffIds: z.array(z.string()) }).openapi("Slot");

export function registerSlots(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/slots",
      tags: ["slots"],
      summary: "Free start times for a service at an office, optionally inside a case's window",
      description:
        "Every role. The range [from, to) is at most 92 days; a local date means midnight in the office's zone. With `case`, only times inside that case's window; `staff` and `language` narrow who may serve. Sorted by start.",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { query: SlotsQuery },
      responses: { 200: json(z.object({ timeZone: z.string(), slots: z.array(SlotView) })), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const ctx = ctxOf(c);
      const pick = await pickSlots(ctx, {
        serviceId: q.service,
        officeId: q.office,
        from: q.from,
        to: q.to,
        caseId: q.case,
        staffId: q.staff,
        language: q.language,
        maxGridStarts: MAX_GRID_STARTS,
      });
      // The finished body is kept under the same versions as the answer it was cut from, so a
      // repeated query costs a version read and a lookup instead of formatting ~10 KB again.
      const bodies = versionedCache<Body>(ctx.deps, "slots-json", BODY_LIMITS);
      const key = `${pick.key}\n${pick.first}\n${pick.end}`;
      const body = bodies.get(key, pick.version) ?? bodies.set(key, pick.version, renderSlots(pick.timeZone, pick.slots.slice(pick.first, pick.end)));
      // The bytes are the JSON of the response schema above, serialized once.
      return c.body(body, 200, { "content-type": "application/json" }) as never;
    },
  );
}

type Body = Uint8Array<ArrayBuffer>;
const encoder = new TextEncoder();
const BODY_LIMITS = { maxEntries: 1000, maxWeight: 16 * 1024 * 1024, weigh: (b: Body) => b.byteLength };

/** The 200 body, exactly as `c.json` would write it. */
export function renderSlots(timeZone: string, slots: readonly Slot[]): Body {
  return encoder.encode(JSON.stringify({ timeZone, slots: slots.map((s) => slotView(s, timeZone)) })) as Body;
}
