import { z } from "@hono/zod-openapi";
import { IdParams, Instant, LocalDate, PageQuery, Ref, Text } from "../common.js";
import { STATUSES } from "../../domain/lifecycle.js";

const Override = z.strictObject({ reason: Text(500) });

export const AppointmentCreate = z
  .strictObject({
    caseId: Ref,
    serviceId: Ref,
    officeId: Ref,
    start: Instant,
    staffId: Ref.optional(),
    roomId: Ref.optional(),
    overrideWindow: Override.optional(),
  })
  .openapi("AppointmentCreate");

export const Reschedule = z
  .strictObject({ start: Instant, staffId: Ref.optional(), overrideWindow: Override.optional() })
  .openapi("Reschedule");

export const Cancel = z.strictObject({ reason: Text(500) }).openapi("Cancel");

export const Appointment = z
  .object({
    id: z.string(),
    caseId: z.string(),
    serviceId: z.string(),
    officeId: z.string(),
    staffId: z.string(),
    roomId: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    localStart: z.string(),
    localEnd: z.string(),
    timeZone: z.string(),
    status: z.enum(STATUSES),
    sequence: z.number(),
    uid: z.string(),
    selfServiceUrl: z.string().optional().openapi({
      description: "The applicant's personal link (whoever holds it can act as the applicant). Only in answers to an admin or a scheduler of the appointment's office; absent for interviewers.",
    }),
    rescheduleCount: z.number(),
    windowOverride: z.object({ reason: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Appointment");

export const AppointmentQuery = PageQuery.extend({
  officeId: z.string().max(100).optional(),
  staffId: z.string().max(100).optional(),
  caseId: z.string().max(100).optional(),
  status: z.enum(STATUSES).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});

export const HistoryEntry = z
  .object({ at: z.string(), actor: z.string(), action: z.string(), from: z.record(z.string(), z.unknown()).nullable(), to: z.record(z.string(), z.unknown()).nullable() })
  .openapi("HistoryEntry");

export const DayParams = IdParams.extend({ date: LocalDate.openapi({ param: { name: "date", in: "path" } }) });
