import { offerSettings } from "../../domain/offers-settings.js";
import { createRoute } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { createOffice, getOffice, listOffices, setEligibility, updateOffice, type OfficeRow } from "../../domain/offices.js";
import { PageQuery, body, errorResponses, isoUtc, json, listOf } from "../common.js";
import { Eligibility, Office, OfficeCreate, OfficeParams, OfficeUpdate } from "./schema.js";
import { registerClosures } from "./closures.js";
import { registerRooms } from "./rooms.js";

export const officeView = (o: OfficeRow) => ({
  id: o.id,
  name: o.name,
  country: o.country,
  timeZone: o.timeZone,
  address: o.address,
  email: o.email,
  phone: o.phone,
  publicEmail: o.publicEmail,
  hours: o.hours,
  settings: { ...o.settings, ...offerSettings(o.settings) },
  createdAt: isoUtc(o.createdAt),
  updatedAt: isoUtc(o.updatedAt),
});

const tags = ["offices"];
const everyone = allow("admin", "scheduler", "interviewer");

export function registerOffices(app: App) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/offices",
      tags,
      summary: "Create an office",
      description:
        "Admin only. `id` is an optional slug (otherwise the server makes one); an existing id is a 409 conflict. `hours` are wall-clock times in the office's `timeZone`.",
      middleware: [allow("admin")],
      request: { body: body(OfficeCreate) },
      responses: { 201: json(Office, "Created"), ...errorResponses },
    }),
    async (c) => c.json(officeView(await createOffice(ctxOf(c), c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices",
      tags,
      summary: "List offices",
      description: "Every role. Ordered by id; page with `limit` and `cursor`.",
      middleware: [everyone],
      request: { query: PageQuery },
      responses: { 200: json(listOf(Office)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listOffices(ctxOf(c), limit, cursor);
      return c.json({ items: page.items.map(officeView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices/{id}",
      tags,
      summary: "Get an office",
      description: "Every role. 404 if there is no such office.",
      middleware: [everyone],
      request: { params: OfficeParams },
      responses: { 200: json(Office), ...errorResponses },
    }),
    async (c) => c.json(officeView(await getOffice(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/offices/{id}",
      tags,
      summary: "Update an office",
      description:
        "Admin only. Only the fields sent change; in `settings` only the keys sent change (the others keep their stored values) and `null` puts a key back to its default.",
      middleware: [allow("admin")],
      request: { params: OfficeParams, body: body(OfficeUpdate) },
      responses: { 200: json(Office), ...errorResponses },
    }),
    async (c) => c.json(officeView(await updateOffice(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/offices/{id}/eligibility",
      tags,
      summary: "Get an office's eligibility rules",
      description: "Every role. `null` when the office has no rules (it accepts everyone).",
      middleware: [everyone],
      request: { params: OfficeParams },
      responses: { 200: json(Eligibility.nullable()), ...errorResponses },
    }),
    async (c) => c.json((await getOffice(ctxOf(c), c.req.valid("param").id)).eligibility ?? null, 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/v1/offices/{id}/eligibility",
      tags,
      summary: "Set an office's eligibility rules",
      description: "Admin only. Replaces the rules; new cases are checked against them (422 `not-eligible` lists the failed rules).",
      middleware: [allow("admin")],
      request: { params: OfficeParams, body: body(Eligibility) },
      responses: { 200: json(Eligibility), ...errorResponses },
    }),
    async (c) => c.json(await setEligibility(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  registerRooms(app);
  registerClosures(app);
}
