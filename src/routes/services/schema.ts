import { z } from "@hono/zod-openapi";
import { Agency, Slug, Text } from "../common.js";

// Any whole number of minutes: the database compares holds to the minute (no 5-minute units).
// 480 min + 240 min buffer is the longest hold the overlap triggers look back over (12 h).
const minutes = (min: number, max: number) => z.number().int().min(min).max(max);

const Window = z
  .strictObject({ minDays: z.number().int().min(0).max(3650), maxDays: z.number().int().min(0).max(3650) })
  .refine((w) => w.minDays <= w.maxDays, { message: "must not be less than minDays", path: ["maxDays"] });

const fields = {
  name: Text(200).optional(),
  agency: Agency,
  durationMinutes: minutes(5, 480),
  bufferMinutes: minutes(0, 240).default(0),
  window: Window,
  needsRoom: z.boolean().default(false),
  slotStepMinutes: minutes(5, 240).default(30),
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(24),
  dailyCapPerOffice: z.number().int().min(1).max(100_000).nullable().optional(),
};

export const ServiceCreate = z.strictObject({ id: Slug.optional(), ...fields }).openapi("ServiceCreate");

export const ServiceUpdate = z
  .strictObject({
    name: fields.name,
    agency: Agency.optional(),
    durationMinutes: minutes(5, 480).optional(),
    bufferMinutes: minutes(0, 240).optional(),
    window: Window.optional(),
    needsRoom: z.boolean().optional(),
    slotStepMinutes: minutes(5, 240).optional(),
    minNoticeHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    dailyCapPerOffice: fields.dailyCapPerOffice,
  })
  .openapi("ServiceUpdate");

export const Service = z
  .object({
    id: z.string(),
    name: z.string(),
    agency: z.string(),
    durationMinutes: z.number(),
    bufferMinutes: z.number(),
    window: z.object({ minDays: z.number(), maxDays: z.number() }),
    needsRoom: z.boolean(),
    slotStepMinutes: z.number(),
    minNoticeHours: z.number(),
    dailyCapPerOffice: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Service");
