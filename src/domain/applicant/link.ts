// The appointment a signed link opens, and the staff action that revokes and re-issues it.
import { eq, sql } from "drizzle-orm";
import type { Deps } from "../../deps.js";
import { appointments } from "../../db/schema.js";
import { constraintFailure, statement } from "../../db/database.js";
import { readLinkToken } from "../links.js";
import { actorName, snapshot } from "../booking/book.js";
import { getAppointment, type AppointmentRow } from "../booking/read.js";
import { mustHaveChanged, recordHistory } from "../booking/statements.js";
import type { Ctx } from "../context.js";
import { conflict } from "../errors.js";

/**
 * The appointment behind a link, or null when the token is bad, altered, expired or revoked
 * (its version is no longer the appointment's): callers answer all of these alike.
 */
export async function openLink(deps: Deps, token: string): Promise<AppointmentRow | null> {
  const link = await readLinkToken(deps, token);
  if (!link) return null;
  const [row] = await deps.database.db.select().from(appointments).where(eq(appointments.id, link.appointmentId)).limit(1);
  return row && row.linkVersion === link.linkVersion ? row : null;
}

/** The applicant's actor: the holder of one appointment's link, recorded in history as "applicant". */
export const applicantCtx = (deps: Deps, appointmentId: string): Ctx => ({
  deps,
  actor: { id: "applicant", role: "applicant", officeIds: [], staffId: null, appointmentId },
});

/**
 * Bumps the link version, so every earlier link of this appointment stops working, and records
 * who did it. One conditional UPDATE: two staff re-issuing at once cannot both hand out a link
 * that is already dead.
 */
export async function reissueLink(ctx: Ctx, id: string): Promise<AppointmentRow> {
  const a = await getAppointment(ctx, id);
  const now = ctx.deps.clock.now();
  try {
    await ctx.deps.database.batch([
      statement(sql`UPDATE ${appointments} SET link_version = link_version + 1, updated_at = ${now} WHERE id = ${a.id} AND link_version = ${a.linkVersion}`),
      mustHaveChanged(),
      recordHistory(a.id, now, actorName(ctx), "link_reissued", { ...snapshot(a), linkVersion: a.linkVersion }, { ...snapshot(a), linkVersion: a.linkVersion + 1 }),
    ]);
  } catch (error) {
    if (constraintFailure(error)?.target.includes("write_conflict")) throw conflict("The link was re-issued meanwhile; ask again for the newest one.");
    throw error;
  }
  return getAppointment(ctx, id);
}
