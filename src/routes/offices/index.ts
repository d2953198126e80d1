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
  settings: o.settings,
  createdAt: isoUtc(o.createdAt),
  updatedAt: isoUtc(o.updatedAt),
});

const tags = ["offices"];
const everyone = allow("admin", "scheduler", "interviewer");

export function registerOffices(app: App) {
  app.openapi(
    createRoute({ method: "post", path: "/v1/offices", tags, middleware: [allow("admin")], request: { body: body(OfficeCreate) }, responses: { 201: json(Office, "Created"), ...errorResponses } }),
    async (c) => c.json(officeView(await createOffice(ctxOf(c), c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({ method: "get", path: "/v1/offices", tags, middleware: [everyone], request: { query: PageQuery }, responses: { 200: json(listOf(Office)), ...errorResponses } }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const page = await listOffices(ctxOf(c), limit, cursor);
      return c.json({ items: page.items.map(officeView), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/v1/offices/{id}", tags, middleware: [everyone], request: { params: OfficeParams }, responses: { 200: json(Office), ...errorResponses } }),
    async (c) => c.json(officeView(await getOffice(ctxOf(c), c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({ method: "patch", path: "/v1/offices/{id}", tags, middleware: [allow("admin")], request: { params: OfficeParams, body: body(OfficeUpdate) }, responses: { 200: json(Office), ...errorResponses } }),
    async (c) => c.json(officeView(await updateOffice(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
  );

  app.openapi(
    createRoute({ method: "get", path: "/v1/offices/{id}/eligibility", tags, middleware: [everyone], request: { params: OfficeParams }, responses: { 200: json(Eligibility.nullable()), ...errorResponses } }),
    async (c) => c.json((await getOffice(ctxOf(c), c.req.valid("param").id)).eligibility ?? null, 200),
  );

  app.openapi(
    createRoute({ method: "put", path: "/v1/offices/{id}/eligibility", tags, middleware: [allow("admin")], request: { params: OfficeParams, body: body(Eligibility) }, responses: { 200: json(Eligibility), ...errorResponses } }),
    async (c) => c.json(await setEligibility(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  registerRooms(app);
  registerClosures(app);
}
