// The interviewer's private subscription feed (webcal) and the route that issues its token. The
// domain checks the token and reads the appointments (src/domain/staff-feed.ts); here they become
// one METHOD:PUBLISH calendar, one VEVENT per appointment with its lifelong UID and SEQUENCE.
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { checkFeedToken, feedAppointments, issueFeedToken, type FeedAppointment } from "../../domain/staff-feed.js";
import { writeCalendar, type CalendarEvent } from "../../calendar/ics.js";
import { IdParams, errorResponses, json } from "../common.js";
import { FeedQuery, FeedToken, calendarBody, noStore } from "./schema.js";

export const feedPath = (staffId: string) => `/v1/staff/${encodeURIComponent(staffId)}/feed.ics`;

/** The service and case reference, never the applicant's contact details. */
export const feedEvent = (a: FeedAppointment): CalendarEvent => ({
  uid: a.uid,
  sequence: a.sequence,
  start: a.startAt,
  end: a.endAt,
  summary: `${a.service} — ${a.reference}`,
  description: [`Case: ${a.reference}`, `Status: ${a.status.replace("_", " ")}`, ...(a.roomId ? [`Room: ${a.roomId}`] : [])].join("\n"),
  location: `${a.office}, ${a.address}`,
  // Not yet confirmed by the applicant: the time is held, but shown as tentative.
  status: a.status === "scheduled" ? "TENTATIVE" : "CONFIRMED",
});

export function registerStaffFeed(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff/{id}/feed.ics",
      tags: ["staff"],
      summary: "The interviewer's appointments as a subscribable calendar; authenticated by ?token=, not a bearer token",
      security: [],
      request: { params: IdParams, query: FeedQuery },
      responses: { 200: calendarBody("METHOD:PUBLISH, from 30 days back"), 401: errorResponses[401] },
    }),
    async (c) => {
      const deps = c.var.deps;
      const member = await checkFeedToken(deps, c.req.valid("param").id, c.req.valid("query").token);
      const now = deps.clock.now();
      const events = (await feedAppointments(deps, member.id, now)).map(feedEvent);
      const content = writeCalendar({ method: "PUBLISH", stamp: now, name: `Cita — ${member.name}`, events });
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
    async (c) => {
      const ctx = ctxOf(c);
      const { staffId, token } = await issueFeedToken(ctx, c.req.valid("param").id);
      const url = `${ctx.deps.config.publicUrl}${feedPath(staffId)}?token=${token}`;
      return c.json({ staffId, token, url, webcalUrl: url.replace(/^https?:/, "webcal:") }, 201, noStore);
    },
  );
}
