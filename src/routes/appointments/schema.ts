import { z } from "@hono/zod-openapi";
import { parseWrittenInstant } from "../../domain/booking/written-start.js";
import { IdParams, Instant, LocalDate, PageQuery, Ref, Text } from "../common.js";
import { STATUSES } from "../../domain/lifecycle.js";

const Override = z.strictObject({ reason: Text(500) });

/** An instant that keeps the offset it was written with, so the booking can check it against the office's clock. */
const Start = z
  .string()
  .transform((s, ctx) => {
    const written = parseWrittenInstant(s);
    if (written === null) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 instant with an offset or Z (years 1900–2199), e.g. 2026-12-01T08:00:00-06:00" });
      return z.NEVER;
    }
    return written;
  })
  .openapi({
    type: "string",
    format: "date-time",
    example: "2026-12-01T08:00:00-06:00",
    description:
      "Z, or any offset; an offset that the office's zone uses around that day but not at that instant (a time the clocks skip, or the wrong side of a clock change) is a 422",
  });

/** Interviewer and room ids must exist at the office (and offer the service): otherwise a 422 naming the field. */
const StaffRef = Ref.openapi({ description: "A staff member of the office who offers the service; otherwise 422 naming staffId" });

export const AppointmentCreate = z
  .strictObject({
    caseId: Ref,
    serviceId: Ref,
    officeId: Ref,
    start: Start,
    staffId: StaffRef.optional(),
    roomId: Ref.optional().openapi({ description: "A room of the office; otherwise 422 naming roomId" }),
    overrideWindow: Override.optional(),
  })
  .openapi("AppointmentCreate");

export const Reschedule = z
  .strictObject({ start: Start, staffId: StaffRef.optional(), overrideWindow: Override.optional() })
  .openapi("Reschedule", { description: "The time (and interviewer) it already has is no change: 200 with the appointment as it is" });

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
      description:
        "The applicant's personal link (whoever holds it can act as the applicant). Only in answers to an admin or a scheduler of the appointment's office; absent for interviewers.",
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
