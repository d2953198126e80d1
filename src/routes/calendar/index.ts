import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { getAppointment } from "../../domain/booking/read.js";
import { appointmentInvite } from "../../calendar/invite.js";
import { issueFeedToken, staffFeed } from "../../calendar/feed.js";
import { factsFor, loadAppointment } from "../../notify/facts.js";
import { maySeeLink } from "../../domain/links.js";
import { IdParams, errorResponses, json } from "../common.js";
import { notFound } from "../../domain/errors.js";

const calendar = (description: string) => ({ description, content: { "text/calendar": { schema: z.string() } } });

const FeedQuery = z.object({ token: z.string().max(500).optional().openapi({ description: "The feed's own token (from POST …/feed-token)" }) });

const FeedToken = z
  .object({
    staffId: z.string(),
    token: z.string().openapi({ description: "Shown only in this answer; issuing a new one revokes it" }),
    url: z.string(),
    webcalUrl: z.string(),
  })
  .openapi("FeedToken");

const noStore = { "cache-control": "private, no-store" };

/** Invite (.ics) and interviewer feed routes. */
export function registerCalendar(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/appointments/{id}/invite.ics",
      tags: ["appointments"],
      summary: "The appointment's current invite: METHOD:REQUEST, or METHOD:CANCEL once cancelled; same UID for life, SEQUENCE = sequence",
      description: "Admins; schedulers for their offices; interviewers their own appointments.",
      middleware: [allow("admin", "scheduler", "interviewer")],
      request: { params: IdParams },
      responses: { 200: calendar("text/calendar; method=REQUEST or CANCEL"), ...errorResponses },
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

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff/{id}/feed.ics",
      tags: ["staff"],
      summary: "The interviewer's appointments as a subscribable calendar; authenticated by ?token=, not a bearer token",
      security: [],
      request: { params: IdParams, query: FeedQuery },
      responses: { 200: calendar("METHOD:PUBLISH, from 30 days back"), 401: errorResponses[401] },
    }),
    async (c) => {
      const content = await staffFeed(c.var.deps, c.req.valid("param").id, c.req.valid("query").token);
      return c.body(content, 200, { ...noStore, "content-type": "text/calendar; charset=utf-8" });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/staff/{id}/feed-token",
      tags: ["staff"],
      summary: "Issue (or re-issue, revoking the old one) the staff member's feed token; the URL is shown only in this answer",
      description: "Only the interviewer themselves or an admin: the feed shows the interviewer's appointments in every office, so a scheduler gets 403.",
      middleware: [allow("admin", "interviewer")],
      request: { params: IdParams },
      responses: { 201: json(FeedToken, "Issued"), ...errorResponses },
    }),
    async (c) => c.json(await issueFeedToken(ctxOf(c), c.req.valid("param").id), 201, noStore),
  );
}
