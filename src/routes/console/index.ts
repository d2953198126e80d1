// The staff console under /console: server-rendered pages over the same domain functions as the
// API, with the same roles and office scopes. A sub-app with its own error handler, so that
// every failure ends as a page.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { App } from "../../http/context.js";
import { consoleErrors } from "./guard.js";
import { signedIn, type ConsoleEnv } from "./session.js";
import { registerSignIn } from "./sign-in.js";
import { registerQueue } from "./queue.js";
import { registerBook } from "./book.js";
import { registerDay } from "./day.js";
import { registerAppointment } from "./appointment.js";
import { registerSlip } from "./slip.js";
import { registerClosures } from "./closures.js";
import { registerFigures } from "./figures.js";
import { DomainError } from "../../domain/errors.js";

export function registerConsole(app: App) {
  const console = new Hono<ConsoleEnv>();
  // Set before the routes are mounted: Hono wraps each route with the error handler it has then.
  console.onError(consoleErrors);
  console.use(
    "*",
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new DomainError("payload-too-large", "The form is too large.");
      },
    }),
  );
  console.use("*", (c, next) => (c.req.path === "/console/sign-in" ? next() : signedIn(c, next)));
  registerSignIn(console);
  console.get("/", (c) => c.redirect("/console/queue", 303));
  registerQueue(console);
  registerBook(console);
  registerDay(console);
  registerAppointment(console);
  registerSlip(console);
  registerClosures(console);
  registerFigures(console);
  console.all("*", () => {
    throw new DomainError("not-found", "There is no such page in the console.");
  });
  app.route("/console", console);
}
