// The whole service as one Hono app, built from the dependencies it is given.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Deps } from "./deps.js";
import type { AppEnv } from "./http/context.js";
import { authenticate } from "./http/auth.js";
import { idempotency } from "./http/idempotency.js";
import { registerMetrics } from "./http/metrics.js";
import { accessLog, requestIds } from "./http/request-log.js";
import { notFoundHandler, onError, requireJsonBody, validationHook } from "./http/errors.js";
import { registerMeta } from "./routes/meta/index.js";
import { registerOffices } from "./routes/offices/index.js";
import { registerServices } from "./routes/services/index.js";
import { registerStaff } from "./routes/staff/index.js";
import { registerCases } from "./routes/cases/index.js";
import { registerUsers } from "./routes/users/index.js";
import { registerSlots } from "./routes/slots/index.js";
import { registerAppointments } from "./routes/appointments/index.js";
import { registerNotifications } from "./routes/notifications/index.js";
import { registerCalendar } from "./routes/calendar/index.js";
import { registerApplicant } from "./routes/applicant/index.js";
import { registerConsole } from "./routes/console/index.js";
import { registerSmsReplies } from "./routes/sms/index.js";
import { DomainError } from "./domain/errors.js";

const BODY_LIMIT = 64 * 1024;

/** Everything the app keeps between requests is in `deps.state` (see src/process-state.ts). */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requestIds, accessLog);
  const limitBody = bodyLimit({
    maxSize: BODY_LIMIT,
    onError: () => {
      throw new DomainError("payload-too-large", "Request bodies are limited to 64 KB.");
    },
  });
  // Only requests that may carry a body: for a GET the check would build a second Request. A
  // declared length is checked from its header, which the HTTP parser holds the body to; bodyLimit
  // reads `c.req.raw.body` first, which makes @hono/node-server build a full Request and read the
  // body through a web stream, about a tenth of a booking's CPU (docs/booking-guarantees.md).
  app.use("/v1/*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = c.req.header("transfer-encoding") === undefined ? c.req.header("content-length") : undefined;
    return declared !== undefined && /^\d+$/.test(declared) && Number(declared) <= BODY_LIMIT ? next() : limitBody(c, next);
  });
  // Calendar clients cannot send a bearer header: an interviewer's feed carries its own ?token=.
  app.use("/v1/*", (c, next) => (c.req.method === "GET" && /^\/v1\/staff\/[^/]+\/feed\.ics$/.test(c.req.path) ? next() : authenticate(c, next)));
  app.use("/v1/*", requireJsonBody);
  app.use("/v1/*", idempotency);

  registerOffices(app);
  registerServices(app);
  registerStaff(app);
  registerCases(app);
  registerUsers(app);
  registerSlots(app);
  registerAppointments(app);
  registerNotifications(app);
  registerCalendar(app);
  registerApplicant(app);
  registerConsole(app);
  registerSmsReplies(app);
  registerMeta(app);
  registerMetrics(app);

  app.notFound(notFoundHandler);
  app.onError(onError);
  return app;
}
