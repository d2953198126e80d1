// Request and answer shapes of /v1/users (they also make the OpenAPI document).
import { z } from "@hono/zod-openapi";
import type { UserRow } from "../../domain/users.js";
import type { ApiTokenRow } from "../../domain/api-tokens.js";
import { Email, Ref, Text, isoUtc } from "../common.js";

export const UserCreate = z
  .strictObject({
    name: Text(200),
    email: Email,
    role: z.enum(["admin", "scheduler", "interviewer"]),
    officeIds: z.array(Ref).max(100).optional(),
    staffId: Ref.nullable().optional(),
  })
  .openapi("UserCreate");

export const User = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
    officeIds: z.array(z.string()),
    staffId: z.string().nullable(),
    createdAt: z.string(),
    disabled: z.boolean().openapi({ description: "A disabled user's token is refused (401) everywhere, console included" }),
    disabledAt: z.string().nullable(),
  })
  .openapi("User");

/** A user with a token that was just made: the only answer that ever shows it. */
export const UserWithToken = User.extend({ token: z.string().openapi({ description: "Shown only in this answer" }) }).openapi("UserWithToken");

export const userView = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  officeIds: u.officeIds,
  staffId: u.staffId,
  createdAt: isoUtc(u.createdAt),
  disabled: u.disabledAt !== null,
  disabledAt: u.disabledAt === null ? null : isoUtc(u.disabledAt),
});

export const UserUpdate = z
  .strictObject({
    role: z.enum(["admin", "scheduler", "interviewer"]).optional(),
    officeIds: z.array(Ref).max(100).optional(),
    staffId: Ref.nullable().optional(),
  })
  .openapi("UserUpdate");

export const ApiTokenCreate = z.strictObject({ name: Text(100).openapi({ description: "What the token is for, e.g. the machine that holds it" }) }).openapi("ApiTokenCreate");

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: "Updated at most once a minute" }),
  })
  .openapi("ApiToken");

/** A token that was just made: the only answer that ever shows it. */
export const ApiTokenWithSecret = ApiToken.extend({ token: z.string().openapi({ description: "Shown only in this answer" }) }).openapi("ApiTokenWithSecret");

export const apiTokenView = (r: ApiTokenRow) => ({ id: r.id, name: r.name, createdAt: isoUtc(r.createdAt), lastUsedAt: r.lastUsedAt === null ? null : isoUtc(r.lastUsedAt) });
