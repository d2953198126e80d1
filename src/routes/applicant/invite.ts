// GET /a/{token}/invite.ics: "add to my calendar". The same invite the applicant is emailed
// (src/notify/invite.ts), for the appointment as it is now: a phone opens it in its calendar app.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { appointmentInvite } from "../../notify/invite.js";
import { openPage } from "./open.js";

export function registerInvite(pages: Hono<AppEnv>) {
  pages.get("/:token/invite.ics", async (c) => {
    const o = await openPage(c);
    const invite = await appointmentInvite(c.var.deps, { appointment: o.row, caseRow: o.caseRow, office: o.office });
    return c.body(invite.content, 200, {
      "content-type": `text/calendar; charset=utf-8; method=${invite.method}`,
      "content-disposition": `attachment; filename="${invite.filename}"`,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    });
  });
}
