// The number an applicant is called by in the waiting room instead of their name: the
// appointment's place in its office's local day, ordered by start then id.
import { parseIsoDate, pad2 } from "../slots/calendar.js";
import type { AppointmentRow } from "./booking/read.js";

/**
 * The letter names the weekday (A = Monday … G = Sunday), never the service: a letter per
 * service would tell the whole waiting room who is on which track. A slip shown on the wrong
 * day is visible at a glance.
 */
export function queueLetter(localDate: string): string {
  const day = parseIsoDate(localDate) ?? 0;
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  return "ABCDEFG"[weekday]!;
}

/** "A-07" for the 7th appointment of a Monday; three digits past 99. */
export const queueLabel = (localDate: string, position: number) => `${queueLetter(localDate)}-${pad2(position)}`;

/**
 * Labels for a day's rows as `daySheet` returns them (every status, in start then id order).
 * Cancelled appointments keep their place, so a cancellation never renumbers printed slips.
 */
export function queueLabels(day: Pick<AppointmentRow, "id" | "localDate">[]): Map<string, string> {
  return new Map(day.map((a, i) => [a.id, queueLabel(a.localDate, i + 1)]));
}
