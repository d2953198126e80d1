// Schemas and OpenAPI pieces that several resources share.
import { z } from "@hono/zod-openapi";
import { DateTime, IANAZone } from "luxon";
import { parseInstant } from "../domain/dates.js";

export const Slug = z.string().regex(/^[a-z0-9-]{2,64}$/, "must be 2–64 characters of a-z, 0-9 and '-'");

export const IdParams = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});

const isRealDate = (s: string) => DateTime.fromISO(s, { zone: "utc" }).isValid;

export const LocalDate = z
  .string()
  // abort: one message per field, and no object-level rule comparing a malformed value.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date as YYYY-MM-DD", abort: true })
  .refine((s) => isRealDate(s) && s >= "1900-01-01" && s <= "2199-12-31", "must be a real calendar date between 1900 and 2199")
  .openapi({ example: "2026-12-01" });

export const WallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: "must be a wall-clock time HH:MM between 00:00 and 24:00", abort: true })
  .openapi({ example: "08:00" });

/** An ISO 8601 instant with an offset or Z, read as epoch milliseconds. */
export const Instant = z
  .string()
  .transform((s, ctx) => {
    const instant = parseInstant(s);
    if (instant === null) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 instant with an offset or Z (years 1900–2199), e.g. 2026-12-01T08:00:00-06:00" });
      return z.NEVER;
    }
    return instant;
  })
  .openapi({ type: "string", format: "date-time", example: "2026-12-01T08:00:00-06:00" });

export const TimeZone = z
  .string()
  .refine((zone) => (IANAZone.isValidZone(zone) && zone.includes("/")) || zone === "UTC", "must be an IANA time zone such as America/Bogota")
  .openapi({ example: "America/Bogota" });

export const Country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code such as CO");
export const Email = z.email("must be an email address").max(254);
export const Phone = z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +573001234567");
export const Agency = z.enum(["UNHCR", "IOM"]);
export const Language = z.enum(["es", "en", "ht", "fr"]);
export const Weekday = z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
export { Ref, Text } from "./text.js";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemSchema } } });

/** The error answers every /v1 route can give. */
export const errorResponses = {
  401: problem("No valid bearer token"),
  403: problem("The role or office does not allow it"),
  404: problem("Not found"),
  409: problem("Conflict with the current state"),
  422: problem("A field is not valid (see errors[].path)"),
} as const;

export const json = <T extends z.ZodType>(schema: T, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const isoUtc = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
