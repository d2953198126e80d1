import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createStaff, getStaff, listStaff, updateStaff, type StaffRow } from "../../domain/staff.js";
import { IdParams, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Staff, StaffCreate, StaffQuery, StaffUpdate } from "./schema.js";
import { registerSchedule } from "./schedule.js";

export const staffView = (s: StaffRow) => ({
  id: s.id,
  name: s.name,
  email: s.email,
  phone: s.phone,
  agency: s.agency,
  timeZone: s.timeZone,
  languages: s.languages,
  officeIds: s.officeIds,
  serviceIds: s.serviceIds,
  createdAt: isoUtc(s.createdAt),
  updatedAt: isoUtc(s.updatedAt),
});

const tags = ["staff"];
const everyone = allow("admin", "scheduler", "interviewer");

export function registerStaff(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/staff",
      tags,
      summary: "Create a staff member",
      description: "Admin only. Every office and service named must exist (422 at `officeIds.N` / `serviceIds.N`).",
      middleware: [allow("admin")],
      request: { body: body(StaffCreate) },
      responses: { 201: json(Staff, "Created"), ...errorResponses },
    }),
    async (c) => c.json(staffView(await createStaff(ctxOf(c), c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff",
      tags,
      summary: "List staff",
      description: "Every role: admins see everyone, schedulers the staff of their offices, interviewers themselves.",
      middleware: [everyone],
      request: { query: StaffQuery },
      responses: { 200: json(listOf(Staff)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, officeId } = c.req.valid("query");
      const page = await listStaff(ctxOf(c), limit, cursor, officeId);
      return c.json({ items: page.items.map(staffView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/staff/{id}",
      tags,
      summary: "Get a staff member",
      description: "Admins; schedulers for staff of their offices; interviewers only themselves (403 otherwise).",
      middleware: [everyone],
      request: { params: IdParams },
      responses: { 200: json(Staff), ...errorResponses },
    }),
    async (c) => c.json(staffView(await getStaff(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/staff/{id}",
      tags,
      summary: "Update a staff member",
      description: "Admin only. Only the fields sent change.",
      middleware: [allow("admin")],
      request: { params: IdParams, body: body(StaffUpdate) },
      responses: { 200: json(Staff), ...errorResponses },
    }),
    async (c) => c.json(staffView(await updateStaff(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  registerSchedule(app);
}
