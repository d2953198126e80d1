// Who may touch an office's cases and appointments: one rule, used by every entry point.
import type { Actor } from "./context.js";
import { forbidden } from "./errors.js";

/** Admins reach every office; schedulers only theirs; interviewers none through this check. */
export function canUseOffice(actor: Actor, officeId: string): boolean {
  return actor.role === "admin" || (actor.role === "scheduler" && actor.officeIds.includes(officeId));
}

export function assertOffice(actor: Actor, officeId: string): void {
  if (!canUseOffice(actor, officeId)) throw forbidden(`Office '${officeId}' is not one of yours.`);
}

/** Setting up offices, rooms, services and eligibility rules is the admin's alone. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw forbidden(`The ${actor.role} role may not do this.`);
}
