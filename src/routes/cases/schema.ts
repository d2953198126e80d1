import { z } from "@hono/zod-openapi";
import { Agency, Country, Email, Language, LocalDate, PageQuery, Phone, Ref, Text } from "../common.js";

const Contact = z
  .strictObject({ email: Email.nullable().optional(), phone: Phone.nullable().optional() })
  .openapi({ description: "A change re-addresses the messages not yet sent; null removes a contact, and that channel's waiting messages are not sent (failed, 'skipped: …')" });
const Override = z.strictObject({ reason: Text(500) });

const fields = {
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,63}$/, "must be 2–64 letters, digits or . _ / -")
    .optional(),
  name: Text(200).nullable().optional().openapi({ description: "The applicant's name: protected data, shown in full only on the case's own page in the console" }),
  track: Agency,
  screenedAt: LocalDate.openapi({ description: "The screening's date; not after today at the case's office (its local date), else 422" }),
  language: Language,
  householdSize: z.number().int().min(1).max(50).default(1),
  nationality: Country,
  presentSince: LocalDate,
  birthDate: LocalDate,
  legalStatus: Text(100),
  contact: Contact.optional(),
  eligibilityOverride: Override.optional(),
};

const birthBeforeScreening = (c: { birthDate?: string; screenedAt?: string }) => !c.birthDate || !c.screenedAt || c.birthDate <= c.screenedAt;

export const CaseCreate = z
  .strictObject({ officeId: Ref, ...fields })
  .refine(birthBeforeScreening, { message: "must not be after screenedAt", path: ["birthDate"] })
  .openapi("CaseCreate");

export const CaseUpdate = z
  .strictObject({ ...fields, householdSize: z.number().int().min(1).max(50) })
  .partial()
  .openapi("CaseUpdate");

export const Case = z
  .object({
    id: z.string(),
    reference: z.string(),
    name: z.string().nullable(),
    officeId: z.string(),
    track: z.string(),
    screenedAt: z.string(),
    language: z.string(),
    householdSize: z.number(),
    nationality: z.string(),
    presentSince: z.string(),
    birthDate: z.string(),
    legalStatus: z.string(),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    windowExtensionDays: z.number(),
    eligibilityOverride: z.object({ reason: z.string() }).nullable(),
    priority: z
      .object({ since: z.string(), reason: z.string() })
      .nullable()
      .openapi({ description: "Set by staff (`POST /v1/cases/{id}/priority`): the case is offered freed earlier times before the office's usual order" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Case");

export const CaseQuery = PageQuery.extend({
  officeId: z.string().max(100).optional(),
  reference: z.string().max(100).optional(),
});

export const ExtensionCreate = z.strictObject({ days: z.number().int().min(1).max(365), reason: Text(500) }).openapi("ExtensionCreate");
