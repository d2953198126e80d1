// GET pages of an applicant's link: the appointment, the reschedule page, the cancel question,
// and the page that confirms a change.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { htmlPage } from "../../pages/render.js";
import { AppointmentPage } from "../../pages/applicant/appointment.js";
import { CancelPage } from "../../pages/applicant/cancel.js";
import { SlotsPage } from "../../pages/applicant/slots.js";
import type { Message } from "../../pages/applicant/model.js";
import { formToken } from "./csrf.js";
import { openPage, type Opened } from "./open.js";
import { weekView } from "./week.js";

export type Done = "confirmed" | "rescheduled" | "cancelled";

/** The confirmation shown for a change, only when the appointment is in the state it announces. */
function doneMessage(o: Opened, did: string | undefined): Message | null {
  const { s } = o.nav;
  const status = o.row.status;
  if (did === "confirmed" && status === "confirmed") return { tone: "ok", text: s.confirmedDone };
  if (did === "rescheduled" && status === "scheduled") return { tone: "ok", text: s.rescheduledDone };
  if (did === "cancelled" && status === "cancelled") return { tone: "ok", text: s.cancelledDone };
  return null;
}

export async function showAppointment(c: Context<AppEnv>, o: Opened, status = 200, message: Message | null = null) {
  return htmlPage(c, status, <AppointmentPage nav={o.nav} view={o.view} csrf={await formToken(c.var.deps, o.token)} message={message} />);
}

export async function showSlots(c: Context<AppEnv>, o: Opened, week: string | undefined, status = 200, message: Message | null = null) {
  if (o.view.changeBlock !== null) return showAppointment(c, o, status, message);
  const view = await weekView(o, week);
  return htmlPage(c, status, <SlotsPage nav={o.nav} view={o.view} week={view} csrf={await formToken(c.var.deps, o.token)} message={message} />);
}

export async function showCancel(c: Context<AppEnv>, o: Opened, status = 200, message: Message | null = null) {
  if (!o.view.canCancel) return showAppointment(c, o, status, message);
  return htmlPage(c, status, <CancelPage nav={o.nav} view={o.view} csrf={await formToken(c.var.deps, o.token)} message={message} />);
}

export function registerPages(pages: Hono<AppEnv>) {
  pages.get("/:token", async (c) => showAppointment(c, await openPage(c)));
  pages.get("/:token/slots", async (c) => showSlots(c, await openPage(c), c.req.query("week")));
  pages.get("/:token/cancel", async (c) => showCancel(c, await openPage(c)));
  pages.get("/:token/done", async (c) => {
    const o = await openPage(c);
    return showAppointment(c, o, 200, doneMessage(o, c.req.query("did")));
  });
  // Reloading or bookmarking an action's address leads back to the appointment, not to an error.
  for (const action of ["confirm", "reschedule"]) {
    pages.get(`/:token/${action}`, async (c) => {
      const o = await openPage(c);
      return c.redirect(o.nav.to(""), 303);
    });
  }
}
