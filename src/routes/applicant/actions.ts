// The three things an applicant can do, each a POST from a plain form with its form token.
// Success redirects (303) to the page that confirms the change; a refusal shows the page again
// with the reason in the applicant's language, never a JSON error.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { cancel, changeStatus, reschedule } from "../../domain/booking/transitions.js";
import { parseWrittenInstant } from "../../domain/booking/written-start.js";
import { linkToken } from "../../domain/links.js";
import { localDateOf } from "../../slots/index.js";
import { isValidFormToken } from "./csrf.js";
import { makeNav, openPage, type Opened } from "./open.js";
import { showAppointment, showCancel, showSlots, type Done } from "./pages.js";
import { DomainError } from "../../domain/errors.js";
import { notOneLine } from "../text.js";

const CANCEL_REASON = "Cancelled by the applicant through their link";

/** The form's fields when its token is good, else null. */
async function checkedForm(c: Context<AppEnv>, o: Opened): Promise<Record<string, unknown> | null> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return (await isValidFormToken(c.var.deps, o.token, form.csrf)) ? form : null;
}

const done = (c: Context<AppEnv>, o: Opened, did: Done, token = o.token) => c.redirect(makeNav(token, o.choice, {}).to("/done", { did }), 303);

const error = (text: string) => ({ tone: "error" as const, text });

/** Why the appointment cannot be moved here, in the applicant's words. */
function blockText(o: Opened, otherwise = o.nav.s.notAllowed): string {
  const { s } = o.nav;
  return o.view.changeBlock === "limit" ? s.noMoreChanges : o.view.changeBlock === "too-late" ? s.tooLateToChange : otherwise;
}

/** A change the booking rules refused after all (someone acted first): the appointment as it is now. */
async function refused(c: Context<AppEnv>, cause: unknown) {
  if (!(cause instanceof DomainError)) throw cause;
  const now = await openPage(c);
  return showAppointment(c, now, 409, error(blockText(now, now.nav.s.changedMeanwhile)));
}

export function registerActions(pages: Hono<AppEnv>) {
  pages.post("/:token/confirm", async (c) => {
    const o = await openPage(c);
    if (!(await checkedForm(c, o))) return showAppointment(c, o, 403, error(o.nav.s.formExpired));
    // A second tap (or a retried request on a bad connection) finds it done already.
    if (o.row.status === "confirmed") return done(c, o, "confirmed");
    if (!o.view.canConfirm) return showAppointment(c, o, 409, error(o.nav.s.notAllowed));
    try {
      await changeStatus(o.ctx, o.row.id, "confirm");
    } catch (cause) {
      return refused(c, cause);
    }
    return done(c, o, "confirmed");
  });

  pages.post("/:token/cancel", async (c) => {
    const o = await openPage(c);
    if (!(await checkedForm(c, o))) return showCancel(c, o, 403, error(o.nav.s.formExpired));
    if (o.row.status === "cancelled") return done(c, o, "cancelled");
    if (!o.view.canCancel) return showAppointment(c, o, 409, error(o.nav.s.notAllowed));
    try {
      await cancel(o.ctx, o.row.id, CANCEL_REASON);
    } catch (cause) {
      return refused(c, cause);
    }
    return done(c, o, "cancelled");
  });

  pages.post("/:token/reschedule", async (c) => {
    const o = await openPage(c);
    const { s } = o.nav;
    const form = await checkedForm(c, o);
    // A hand-made form: a control character is refused like the API's, and the offset as written
    // goes to the booking, which refuses office time on the wrong side of a clock change.
    const written = typeof form?.start === "string" && !notOneLine(form) ? parseWrittenInstant(form.start) : null;
    const start = written?.at ?? null;
    const week = start === null ? undefined : localDateOf(o.office.timeZone, start);
    if (!form) return showSlots(c, o, week, 403, error(s.formExpired));
    if (start === null) return showSlots(c, o, undefined, 422, error(s.pickATime));
    // Sent twice: the first one already moved it here.
    if (start === o.row.startAt && o.row.applicantRescheduleCount > 0) return done(c, o, "rescheduled");
    // The time it already has: nothing changes, the appointment is shown as it is.
    if (start === o.row.startAt) return showAppointment(c, o, 200);
    if (o.view.changeBlock !== null) return showAppointment(c, o, 409, error(blockText(o)));
    let moved;
    try {
      moved = await reschedule(o.ctx, o.row.id, { start, startOffset: written?.offset });
    } catch (cause) {
      if (cause instanceof DomainError && cause.kind === "slot-taken") return showSlots(c, o, week, 409, error(s.slotTaken));
      if (cause instanceof DomainError && (cause.kind === "outside-window" || cause.kind === "validation")) return showSlots(c, o, week, 422, error(s.unavailable));
      return refused(c, cause);
    }
    // The link's lifetime follows the appointment's time: the moved one gets a link of its own.
    return done(c, o, "rescheduled", await linkToken(c.var.deps, moved.id, moved.linkVersion, moved.endAt));
  });
}
