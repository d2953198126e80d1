import { z } from "@hono/zod-openapi";
import { defaultOfficeSettings } from "../../domain/offices.js";
import { OFFER_DEFAULTS } from "../../domain/offers-settings.js";
import { IdParams, Country, Email, Instant, LocalDate, Phone, Slug, Text, TimeZone, WallTime, Weekday } from "../common.js";

export const Hours = z
  .strictObject({ days: z.array(Weekday).min(1), start: WallTime, end: WallTime })
  .refine((h) => h.start < h.end, { message: "must end after it starts", path: ["end"] });

// The settings without their defaults: a new office gets the defaults, a PATCH only what it names.
const settingFields = {
  rescheduleLimit: z.number().int().min(0).max(50),
  applicantRescheduleLimit: z.number().int().min(0).max(50),
  reminderHours: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(24 * 30),
    )
    .max(5),
  quietHoursStart: WallTime,
  quietHoursEnd: WallTime,
  offerBatchSize: z.number().int().min(1).max(50).openapi({ description: "How many cases hold an offer of one freed time at once (docs/offers.md)" }),
  offerExpiryMinutes: z
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 60)
    .openapi({ description: "How long an offer stays open, in minutes of waking time (quiet hours do not count)" }),
  offerOrder: z.enum(["window-end", "screened-first"]).openapi({ description: "After flagged cases: the window closing soonest first, or the oldest screening" }),
};

const d = defaultOfficeSettings;
export const OfficeSettings = z.strictObject({
  rescheduleLimit: settingFields.rescheduleLimit.default(d.rescheduleLimit),
  applicantRescheduleLimit: settingFields.applicantRescheduleLimit.default(d.applicantRescheduleLimit),
  reminderHours: settingFields.reminderHours.default(d.reminderHours),
  quietHoursStart: settingFields.quietHoursStart.default(d.quietHoursStart),
  quietHoursEnd: settingFields.quietHoursEnd.default(d.quietHoursEnd),
  offerBatchSize: settingFields.offerBatchSize.default(OFFER_DEFAULTS.offerBatchSize),
  offerExpiryMinutes: settingFields.offerExpiryMinutes.default(OFFER_DEFAULTS.offerExpiryMinutes),
  offerOrder: settingFields.offerOrder.default(OFFER_DEFAULTS.offerOrder),
});

/** A PATCH's settings: each one named changes, each left out stays, `null` puts one back to its default. */
export const OfficeSettingsPatch = z
  .strictObject({
    rescheduleLimit: settingFields.rescheduleLimit.nullable(),
    applicantRescheduleLimit: settingFields.applicantRescheduleLimit.nullable(),
    reminderHours: settingFields.reminderHours.nullable(),
    quietHoursStart: settingFields.quietHoursStart.nullable(),
    quietHoursEnd: settingFields.quietHoursEnd.nullable(),
    offerBatchSize: settingFields.offerBatchSize.nullable(),
    offerExpiryMinutes: settingFields.offerExpiryMinutes.nullable(),
    offerOrder: settingFields.offerOrder.nullable(),
  })
  .partial()
  .openapi({ description: "Only the settings sent change; the others keep their stored values. `null` puts a setting back to its default." });

const fields = {
  name: Text(200),
  country: Country,
  timeZone: TimeZone,
  address: Text(500),
  email: Email.nullable().optional().openapi({ description: "The mailbox invites are sent from (the mail relay must allow it); never shown to applicants" }),
  phone: Phone.nullable().optional().openapi({ description: "The office's public phone (E.164): shown on the applicant pages and in a cancellation's text message" }),
  publicEmail: Email.nullable().optional().openapi({ description: "The office's public email address, shown on the applicant pages" }),
  hours: z.array(Hours).max(50),
};

export const OfficeCreate = z.strictObject({ id: Slug.optional(), ...fields, settings: OfficeSettings.optional() }).openapi("OfficeCreate");

export const OfficeUpdate = z
  .strictObject({ ...fields, settings: OfficeSettingsPatch })
  .partial()
  .openapi("OfficeUpdate");

export const Office = z
  .object({
    id: z.string(),
    ...fields,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    publicEmail: z.string().nullable(),
    settings: z.object({
      rescheduleLimit: z.number(),
      applicantRescheduleLimit: z.number(),
      reminderHours: z.array(z.number()),
      quietHoursStart: z.string(),
      quietHoursEnd: z.string(),
      offerBatchSize: z.number(),
      offerExpiryMinutes: z.number(),
      offerOrder: z.enum(["window-end", "screened-first"]),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Office");

export const OfficeParams = IdParams;

export const ClosureCreate = z
  .strictObject({
    date: LocalDate.optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    reason: Text(300),
    open: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.date !== undefined && (v.start !== undefined || v.end !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "give either date or start/end, not both" });
    } else if (v.date === undefined) {
      if (v.start === undefined) ctx.addIssue({ code: "custom", path: ["start"], message: "is required without date" });
      if (v.end === undefined) ctx.addIssue({ code: "custom", path: ["end"], message: "is required without date" });
      if (v.start !== undefined && v.end !== undefined && v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
      if (v.open) ctx.addIssue({ code: "custom", path: ["open"], message: "only a whole date can be marked open" });
    }
  })
  .openapi("ClosureCreate");

export const Closure = z
  .object({
    id: z.string(),
    officeId: z.string(),
    date: z.string().nullable(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    reason: z.string(),
    open: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("Closure");

export const RoomCreate = z.strictObject({ id: Slug.optional(), name: Text(200) }).openapi("RoomCreate");
export const Room = z.object({ id: z.string(), officeId: z.string(), name: z.string(), createdAt: z.string() }).openapi("Room");

export const Eligibility = z
  .strictObject({
    nationalities: z.array(Country).min(1).max(250),
    presentOnOrBefore: LocalDate,
    minAge: z.number().int().min(0).max(120).optional(),
    legalStatuses: z.array(Text(100)).min(1).max(50).optional(),
  })
  .openapi("Eligibility");
