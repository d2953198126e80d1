import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { book } from "../../domain/booking/book.js";
import { appointmentHistory, daySheet, getAppointment, listAppointments } from "../../domain/booking/read.js";
import { getOffice } from "../../domain/offices.js";
import { IdParams, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Appointment, AppointmentCreate, AppointmentQuery, DayParams, HistoryEntry } from "./schema.js";
import { appointmentView, views } from "./view.js";
import { registerTransitions } from "./transitions.js";

const tags = ["appointments"];
const desk = allow("admin", "scheduler");
const everyone = allow("admin", "scheduler", "interviewer");

export function registerAppointments(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/appointments",
      tags,
      summary: "Book an appointment",
      description:
        "Admins, and schedulers for their own offices (403 otherwise). 201 booked; 409 `slot-taken` when someone got the time first or the daily cap is reached (the body says which in `because`: `taken` or `daily-cap`, and lists `nextSlots`); 422 `outside-window` when the start is outside the case's window, unless `overrideWindow.reason` is given (kept in the history); 422 `validation` naming each wrong field. Without `staffId` (or `roomId` when the service needs a room) the service picks a free one.",
      middleware: [desk],
      request: { body: body(AppointmentCreate) },
      responses: { 201: json(Appointment, "Booked"), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const { start, ...input } = c.req.valid("json");
      const [view] = await views(ctx, [await book(ctx, { ...input, start: start.at, startOffset: start.offset })]);
      return c.json(view!, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/appointments",
      tags,
      summary: "List appointments",
      description: "Every role: admins see all, schedulers those of their offices, interviewers their own. Filters combine.",
      middleware: [everyone],
      request: { query: AppointmentQuery },
      responses: { 200: json(listOf(Appointment)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const ctx = ctxOf(c);
      const page = await listAppointments(ctx, limit, cursor, filter);
      return c.json({ items: await views(ctx, page.items), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/appointments/{id}",
      tags,
      summary: "Get an appointment",
      description: "Admins; schedulers for their offices; interviewers their own appointments.",
      middleware: [everyone],
      request: { params: IdParams },
      responses: { 200: json(Appointment), ...errorResponses },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const [view] = await views(ctx, [await getAppointment(ctx, c.req.valid("param").id)]);
      return c.json(view!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/appointments/{id}/history",
      tags,
      summary: "An appointment's history",
      description: "Admins; schedulers for their offices; interviewers their own appointments. Every change in order: `at`, `actor`, `action`, `from`, `to`.",
      middleware: [everyone],
      request: { params: IdParams },
      responses: { 200: json(z.object({ items: z.array(HistoryEntry) })), ...errorResponses },
    }),
    async (c) => {
      const rows = await appointmentHistory(ctxOf(c), c.req.valid("param").id);
      return c.json({ items: rows.map((h) => ({ at: isoUtc(h.at), actor: h.actor, action: h.action, from: h.from, to: h.to })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices/{id}/day/{date}",
      tags: ["offices"],
      summary: "The office's appointments of one local day, in start order",
      description: "Admins and interviewers; schedulers for their own offices. `date` is a local date in the office's zone; interviewers see only their own appointments.",
      middleware: [everyone],
      request: { params: DayParams },
      responses: { 200: json(z.object({ officeId: z.string(), date: z.string(), timeZone: z.string(), items: z.array(Appointment) })), ...errorResponses },
    }),
    async (c) => {
      const { id, date } = c.req.valid("param");
      const ctx = ctxOf(c);
      const office = await getOffice(ctx, id);
      const rows = await daySheet(ctx, id, date);
      return c.json({ officeId: id, date, timeZone: office.timeZone, items: await Promise.all(rows.map((r) => appointmentView(ctx, r, office.timeZone))) }, 200);
    },
  );

  registerTransitions(app);
}
