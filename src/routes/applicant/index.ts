// Applicant self-service pages under /a/{token}: plain HTML forms, no account, no JavaScript.
// They are a sub-app with their own error handler, so that every failure ends as a page.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { App, AppEnv } from "../../http/context.js";
import { registerActions } from "./actions.js";
import { notFoundPage, pageErrors, rateLimit, tooLargePage } from "./guard.js";
import { registerInvite } from "./invite.js";
import { registerLinkRoute } from "./link.js";
import { registerPages } from "./pages.js";

export function registerApplicant(app: App) {
  const pages = new Hono<AppEnv>();
  // Set before the routes are mounted: Hono wraps each route with the error handler it has then.
  pages.onError(pageErrors);
  pages.use("*", rateLimit);
  pages.use("*", bodyLimit({ maxSize: 16 * 1024, onError: tooLargePage }));
  registerPages(pages);
  registerActions(pages);
  registerInvite(pages);
  pages.all("*", notFoundPage);
  app.route("/a", pages);

  registerLinkRoute(app);
}
