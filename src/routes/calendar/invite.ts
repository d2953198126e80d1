// GET /v1/appointments/{id}/invite.ics: the invite as it would be sent now (src/notify/invite.ts).
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { getAppointment } from "../../domain/booking/read.js";
import { maySeeLink } from "../../domain/links.js";
import { notFound } from "../../domain/errors.js";
import { appointmentInvite } from "../../notify/invite.js";
import { factsFor, loadAppointment } from "../../notify/facts.js";
import { IdParams, errorResponses } from "../common.js";
import { calendarBody, noStore } from "./schema.js";

export function registerAppointmentInvite(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/appointments/{id}/invite.ics",
      tags: ["appointments"],
      summary: "The appointment's current invite: METHOD:REQUEST, or METHOD:CANCEL once cancelled; same UID for life, SEQUENCE = sequence",
      description: "Admins; schedulers for their offices; interviewers their own appointments.",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { params: IdParams },
      responses: { 200: calendarBody("text/calendar; method=REQUEST or CANCEL"), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const row = await getAppointment(ctx, c.req.valid("param").id);
      const loaded = await loadAppointment(ctx.deps, row.id);
      if (!loaded) throw notFound("appointment", row.id);
      // An interviewer's copy leaves out the applicant's link (see maySeeLink).
      const facts = await factsFor(ctx.deps, loaded);
      const invite = await appointmentInvite(ctx.deps, loaded, maySeeLink(ctx.actor, row) ? facts : { ...facts, link: null });
      return c.body(invite.content, 200, {
        ...noStore,
        "content-type": `text/calendar; charset=utf-8; method=${invite.method}`,
        "content-disposition": `attachment; filename="${invite.filename}"`,
      });
    },
  );
}
