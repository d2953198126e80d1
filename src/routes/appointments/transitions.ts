// POST /v1/appointments/{id}/{reschedule,cancel,confirm,check-in,complete,no-show}
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { cancel, changeStatus, reschedule } from "../../domain/booking/transitions.js";
import { IdParams, body, errorResponses, json } from "../common.js";
import { Appointment, Cancel, Reschedule } from "./schema.js";
import { views } from "./view.js";

const tags = ["appointments"];
const desk = allow("admin", "scheduler");
const attendance = allow("admin", "scheduler", "interviewer");

export function registerTransitions(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/appointments/{id}/reschedule",
      tags,
      summary: "Move an appointment to another time",
      description:
        "Admins, and schedulers for their offices. Same answers as booking (409 `slot-taken` with `nextSlots`, 422 `outside-window` unless `overrideWindow.reason`); the office's reschedule limit applies (409). The appointment goes back to `scheduled` and its invite is re-sent with a higher `sequence`.",
      middleware: [desk],
      request: { params: IdParams, body: body(Reschedule) },
      responses: { 200: json(Appointment), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const { start, ...input } = c.req.valid("json");
      const [view] = await views(ctx, [await reschedule(ctx, c.req.valid("param").id, { ...input, start: start.at, startOffset: start.offset })]);
      return c.json(view!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/appointments/{id}/cancel",
      tags,
      summary: "Cancel an appointment",
      description:
        "Admins, and schedulers for their offices. The reason is kept in the history; the invite is withdrawn (METHOD:CANCEL). Only a scheduled or confirmed appointment; otherwise 409.",
      middleware: [desk],
      request: { params: IdParams, body: body(Cancel) },
      responses: { 200: json(Appointment), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const [view] = await views(ctx, [await cancel(ctx, c.req.valid("param").id, c.req.valid("json").reason)]);
      return c.json(view!, 200);
    },
  );

  const docs = {
    confirm: ["Confirm an appointment", "Admins, and schedulers for their offices. Only a `scheduled` appointment; otherwise 409."],
    "check-in": [
      "Check the applicant in on arrival",
      "Admins; schedulers for their offices; interviewers their own appointments. Only a scheduled or confirmed appointment, on its local day at the office; otherwise 409.",
    ],
    complete: ["Mark an appointment as held", "Admins; schedulers for their offices; interviewers their own appointments. Only after check-in; otherwise 409."],
    "no-show": [
      "Mark that the applicant did not come",
      "Admins; schedulers for their offices; interviewers their own appointments. Only a scheduled or confirmed appointment whose start has passed; otherwise 409.",
    ],
  } as const;
  const simple = [
    ["confirm", "confirm", desk],
    ["check-in", "check_in", attendance],
    ["complete", "complete", attendance],
    ["no-show", "no_show", attendance],
  ] as const;
  for (const [path, action, access] of simple) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/v1/appointments/{id}/${path}`,
        tags,
        summary: docs[path][0],
        description: docs[path][1],
        middleware: [access],
        request: { params: IdParams },
        responses: { 200: json(Appointment), ...errorResponses },
      }),
      async (c) => {
        const ctx = ctxOf(c);
        const [view] = await views(ctx, [await changeStatus(ctx, c.req.valid("param").id, action)]);
        return c.json(view!, 200);
      },
    );
  }
}
