import { z } from "@hono/zod-openapi";
import { occursSoon } from "../../slots/index.js";
import { Agency, Email, IdParams, Instant, Language, LocalDate, PageQuery, Phone, Ref, Slug, Text, TimeZone, WallTime } from "../common.js";
import { oneLine } from "../text.js";

const fields = {
  name: Text(200),
  email: Email,
  phone: Phone.nullable().optional(),
  agency: Agency,
  timeZone: TimeZone,
  languages: z.array(Language).min(1).max(10),
  officeIds: z.array(Ref).min(1).max(100),
  serviceIds: z.array(Ref).max(100).default([]),
};

export const StaffCreate = z.strictObject({ id: Slug.optional(), ...fields }).openapi("StaffCreate");
export const StaffUpdate = z
  .strictObject({ ...fields, serviceIds: fields.serviceIds.unwrap() })
  .partial()
  .openapi("StaffUpdate");

export const Staff = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    agency: z.string(),
    timeZone: z.string(),
    languages: z.array(z.string()),
    officeIds: z.array(z.string()),
    serviceIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Staff");

export const StaffQuery = PageQuery.extend({
  officeId: z.string().max(100).optional(),
});

export const Rule = z
  .strictObject({
    rrule: oneLine(z.string()).min(1).max(300).openapi({
      example: "FREQ=WEEKLY;BYDAY=MO,WE",
      description:
        "RRULE parts without DTSTART or TZID, starting at validFrom (else 2001-01-01). A rule that never occurs in the ten years from that day (or before validUntil) is refused.",
    }),
    start: WallTime,
    end: WallTime,
    timeZone: TimeZone.optional(),
    officeId: Ref,
    validFrom: LocalDate.nullable().optional(),
    validUntil: LocalDate.nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.start >= r.end) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    if (r.validFrom && r.validUntil && r.validUntil < r.validFrom) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "must not be before validFrom" });
    else {
      const never = occursSoon(r);
      if (never) ctx.addIssue({ code: "custom", path: ["rrule"], message: never });
    }
  })
  .openapi("AvailabilityRule");

export const RuleView = z
  .object({
    rrule: z.string(),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    officeId: z.string(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
  })
  .openapi("AvailabilityRuleView");

export const TimeOffCreate = z
  .strictObject({ start: Instant, end: Instant, reason: Text(300) })
  .refine((t) => t.end > t.start, { message: "must be after start", path: ["end"] })
  .openapi("TimeOffCreate");

export const TimeOff = z.object({ id: z.string(), staffId: z.string(), start: z.string(), end: z.string(), reason: z.string(), createdAt: z.string() }).openapi("TimeOff");

export const TimeOffParams = IdParams.extend({
  timeOffId: z
    .string()
    .max(100)
    .openapi({ param: { name: "timeOffId", in: "path" } }),
});
