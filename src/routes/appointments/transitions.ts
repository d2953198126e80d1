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
    createRoute({ method: "post", path: "/v1/appointments/{id}/reschedule", tags, middleware: [desk], request: { params: IdParams, body: body(Reschedule) }, responses: { 200: json(Appointment), ...errorResponses } }),
    async (c) => {
      const ctx = ctxOf(c);
      const { start, ...input } = c.req.valid("json");
      const [view] = await views(ctx, [await reschedule(ctx, c.req.valid("param").id, { ...input, start: start.at, startOffset: start.offset })]);
      return c.json(view!, 200);
    },
  );

  app.openapi(
    createRoute({ method: "post", path: "/v1/appointments/{id}/cancel", tags, middleware: [desk], request: { params: IdParams, body: body(Cancel) }, responses: { 200: json(Appointment), ...errorResponses } }),
    async (c) => {
      const ctx = ctxOf(c);
      const [view] = await views(ctx, [await cancel(ctx, c.req.valid("param").id, c.req.valid("json").reason)]);
      return c.json(view!, 200);
    },
  );

  const simple = [
    ["confirm", "confirm", desk],
    ["check-in", "check_in", attendance],
    ["complete", "complete", attendance],
    ["no-show", "no_show", attendance],
  ] as const;
  for (const [path, action, access] of simple) {
    app.openapi(
      createRoute({ method: "post", path: `/v1/appointments/{id}/${path}`, tags, middleware: [access], request: { params: IdParams }, responses: { 200: json(Appointment), ...errorResponses } }),
      async (c) => {
        const ctx = ctxOf(c);
        const [view] = await views(ctx, [await changeStatus(ctx, c.req.valid("param").id, action)]);
        return c.json(view!, 200);
      },
    );
  }
}
