import type { App } from "../../http/context.js";

/** Invite (.ics) and interviewer feed routes. */
export function registerCalendar(_app: App) {}
