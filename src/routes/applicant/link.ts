// POST /v1/appointments/{id}/link: staff revoke the applicant's link and get a new one, e.g. when
// a phone was lost or the link was sent to the wrong person. Every earlier link then shows the
// same 404 page as a made-up one.
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { reissueLink } from "../../domain/applicant/link.js";
import { IdParams, errorResponses, json } from "../common.js";
import { Appointment } from "../appointments/schema.js";
import { views } from "../appointments/view.js";

export function registerLinkRoute(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/appointments/{id}/link",
      tags: ["appointments"],
      summary: "Revoke the applicant's link and issue a new one (admin, or scheduler of the appointment's office)",
      description:
        "Admins, and schedulers for the appointment's office (403 otherwise). Bumps the appointment's link version in one conditional update, so every earlier link stops working; answers the appointment with its new `selfServiceUrl`. Recorded in history as `link_reissued`.",
      middleware: [allow("admin", "scheduler")],
      request: { params: IdParams },
      responses: { 200: json(Appointment, "The appointment with its new selfServiceUrl"), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const [view] = await views(ctx, [await reissueLink(ctx, c.req.valid("param").id)]);
      return c.json(view!, 200);
    },
  );
}
