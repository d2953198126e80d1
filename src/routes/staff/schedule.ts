// A staff member's weekly availability rules and time off.
import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { addTimeOff, deleteTimeOff, listAvailability, listTimeOff, putAvailability, type RuleRow, type TimeOffRow } from "../../domain/staff.js";
import { IdParams, PageQuery, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Rule, RuleView, TimeOff, TimeOffCreate, TimeOffParams } from "./schema.js";

const ruleView = (r: RuleRow) => ({ rrule: r.rrule, start: r.start, end: r.end, timeZone: r.timeZone, officeId: r.officeId, validFrom: r.validFrom, validUntil: r.validUntil });
const timeOffView = (t: TimeOffRow) => ({ id: t.id, staffId: t.staffId, start: isoUtc(t.startAt), end: isoUtc(t.endAt), reason: t.reason, createdAt: isoUtc(t.createdAt) });
const tags = ["staff"];
const everyone = allow("admin", "scheduler", "interviewer");

export function registerSchedule(app: App) {
  app.openapi(
    createRoute({
      method: "put",
      path: "/v1/staff/{id}/availability",
      tags,
      summary: "Replace the staff member's weekly rules; a scheduler replaces only the rules of their own offices",
      description:
        "Admins; schedulers for staff of their offices; interviewers their own. From a scheduler, rules for other offices are kept as they are, and a rule in the body for an office not theirs is a 403 whose `errors[].path` names it (`0.officeId`). Hours gained (not a first schedule at an office) are offered as earlier times to the cases that would gain from them: the first free start of each newly opened stretch within 14 days.",
      middleware: [everyone],
      request: { params: IdParams, body: body(z.array(Rule).max(100)) },
      responses: { 200: json(z.array(RuleView)), ...errorResponses },
    }),
    async (c) => c.json((await putAvailability(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))).map(ruleView), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff/{id}/availability",
      tags,
      summary: "Get a staff member's weekly availability",
      description: "Admins; schedulers for staff of their offices; interviewers their own.",
      middleware: [everyone],
      request: { params: IdParams },
      responses: { 200: json(z.array(RuleView)), ...errorResponses },
    }),
    async (c) => c.json((await listAvailability(ctxOf(c), c.req.valid("param").id)).map(ruleView), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/staff/{id}/time-off",
      tags,
      summary: "Add time off; a scheduler only for staff who work solely in their offices (time off blocks every office)",
      description: "Admins; schedulers for staff who work only in their offices; interviewers their own. `end` must be after `start`.",
      middleware: [everyone],
      request: { params: IdParams, body: body(TimeOffCreate) },
      responses: { 201: json(TimeOff, "Created"), ...errorResponses },
    }),
    async (c) => c.json(timeOffView(await addTimeOff(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff/{id}/time-off",
      tags,
      summary: "List a staff member's time off",
      description: "Admins; schedulers for staff of their offices; interviewers their own.",
      middleware: [everyone],
      request: { params: IdParams, query: PageQuery },
      responses: { 200: json(listOf(TimeOff)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listTimeOff(ctxOf(c), c.req.valid("param").id, limit, cursor);
      return c.json({ items: page.items.map(timeOffView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/staff/{id}/time-off/{timeOffId}",
      tags,
      summary: "Remove time off; a scheduler only for staff who work solely in their offices",
      description:
        "Admins; schedulers for staff who work only in their offices; interviewers their own. Answers 204. The time it gives back is offered as earlier times, like hours gained.",
      middleware: [everyone],
      request: { params: TimeOffParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      const { id, timeOffId } = c.req.valid("param");
      await deleteTimeOff(ctxOf(c), id, timeOffId);
      return c.body(null, 204);
    },
  );
}
