// Calendar routes: one appointment's invite, and the interviewer's feed with its token.
import type { App } from "../../http/context.js";
import { registerAppointmentInvite } from "./invite.js";
import { registerStaffFeed } from "./feed.js";

/** Invite (.ics) and interviewer feed routes. */
export function registerCalendar(app: App) {
  registerAppointmentInvite(app);
  registerStaffFeed(app);
}
