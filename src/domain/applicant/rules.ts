// What the applicant may still do with their appointment, so pages show only the actions that
// would succeed. The booking transitions enforce the same rules again when the form is sent
// (limits per office, no move within 24 hours of the start).
import type { AppointmentRow } from "../booking/read.js";
import type { OfficeRow } from "../offices.js";
import { canDo, isMovable } from "../lifecycle.js";

/** The applicant may not move an appointment this close to its start (as transitions.ts). */
export const APPLICANT_CUTOFF_MS = 24 * 3_600_000;

export type ChangeBlock = "limit" | "too-late" | "passed" | "status";

export interface ApplicantOptions {
  passed: boolean;
  canConfirm: boolean;
  canCancel: boolean;
  changeBlock: ChangeBlock | null;
  /** Moves the applicant has left (the smaller of their own limit and the office's). */
  changesLeft: number;
}

export function applicantOptions(a: AppointmentRow, office: Pick<OfficeRow, "settings">, now: number): ApplicantOptions {
  const live = isMovable(a.status);
  const passed = now >= a.startAt;
  const changesLeft = Math.max(0, Math.min(office.settings.applicantRescheduleLimit - a.applicantRescheduleCount, office.settings.rescheduleLimit - a.rescheduleCount));
  const changeBlock: ChangeBlock | null = !live ? "status" : passed ? "passed" : changesLeft === 0 ? "limit" : now > a.startAt - APPLICANT_CUTOFF_MS ? "too-late" : null;
  return { passed, canConfirm: canDo("confirm", a.status) && !passed, canCancel: live && !passed, changeBlock, changesLeft };
}
