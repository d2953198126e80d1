// What every domain function receives: the dependencies and who is acting. No HTTP here.
import type { Deps } from "../deps.js";

/** Staff roles hold tokens; "applicant" is the holder of one appointment's signed link. */
export type Role = "admin" | "scheduler" | "interviewer" | "applicant";

export interface Actor {
  /** A user id, or "admin-token" for the bootstrap credential. */
  id: string;
  role: Role;
  officeIds: string[];
  staffId: string | null;
  /** What pages call a signed-in person. */
  name?: string;
  /** For an applicant: the one appointment their link opens. */
  appointmentId?: string;
}

export interface Ctx {
  deps: Deps;
  actor: Actor;
}
