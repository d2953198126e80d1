// The staff console under /console: server-rendered pages over the same domain functions as the
// API, with the same roles and office scopes. A sub-app with its own error handler, so that
// every failure ends as a page.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { App } from "../../http/context.js";
import { consoleErrors } from "./guard.js";
import { signedIn, type ConsoleEnv } from "./session.js";
import { registerSignIn } from "./sign-in.js";
import { consoleLanguage, registerLanguage } from "./language.js";
import { registerQueue } from "./queue.js";
import { registerBook } from "./book.js";
import { registerDay } from "./day.js";
import { registerAppointment } from "./appointment.js";
import { registerSlip } from "./slip.js";
import { registerClosures } from "./closures.js";
import { registerFigures } from "./figures.js";
import { registerCapacity } from "./capacity.js";
import { registerOffices } from "./offices.js";
import { registerOfficeSetup } from "./offices-setup.js";
import { registerServices } from "./services.js";
import { DomainError } from "../../domain/errors.js";

export function registerConsole(app: App) {
  const console = new Hono<ConsoleEnv>();
  // Set before the routes are mounted: Hono wraps each route with the error handler it has then.
  console.onError(consoleErrors);
  console.use("*", consoleLanguage);
  console.use(
    "*",
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => {
        throw new DomainError("payload-too-large", c.var.t.errors.tooLarge);
      },
    }),
  );
  const open = new Set(["/console/sign-in", "/console/language"]);
  console.use("*", (c, next) => (open.has(c.req.path) ? next() : signedIn(c, next)));
  registerSignIn(console);
  registerLanguage(console);
  console.get("/", (c) => c.redirect("/console/queue", 303));
  registerQueue(console);
  registerBook(console);
  registerDay(console);
  registerAppointment(console);
  registerSlip(console);
  registerClosures(console);
  registerFigures(console);
  registerCapacity(console);
  registerOffices(console);
  registerOfficeSetup(console);
  registerServices(console);
  console.all("*", (c) => {
    throw new DomainError("not-found", c.var.t.errors.noSuchPage);
  });
  app.route("/console", console);
}
