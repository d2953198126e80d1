import { inArray } from "drizzle-orm";
import { offices } from "../../db/schema.js";
import type { AppointmentRow } from "../../domain/booking/read.js";
import { maySeeLink, selfServiceUrl } from "../../domain/links.js";
import { formatLocalIso, formatUtcIso } from "../../slots/index.js";
import { isoUtc } from "../common.js";
import type { Status } from "../../domain/lifecycle.js";
import type { Ctx } from "../../domain/context.js";

export async function appointmentView(ctx: Ctx, a: AppointmentRow, timeZone: string) {
  return {
    id: a.id,
    caseId: a.caseId,
    serviceId: a.serviceId,
    officeId: a.officeId,
    staffId: a.staffId,
    roomId: a.roomId,
    start: formatUtcIso(a.startAt),
    end: formatUtcIso(a.endAt),
    localStart: formatLocalIso(a.startAt, timeZone),
    localEnd: formatLocalIso(a.endAt, timeZone),
    timeZone,
    status: a.status as Status,
    sequence: a.sequence,
    uid: a.uid,
    // Absent, not null, for an interviewer: see maySeeLink.
    ...(maySeeLink(ctx.actor, a) ? { selfServiceUrl: await selfServiceUrl(ctx.deps, a) } : {}),
    rescheduleCount: a.rescheduleCount,
    windowOverride: a.windowOverride === null ? null : { reason: a.windowOverride },
    createdAt: isoUtc(a.createdAt),
    updatedAt: isoUtc(a.updatedAt),
  };
}

/** Response shapes for rows of possibly several offices, reading each office's zone once. */
export async function views(ctx: Ctx, rows: AppointmentRow[]) {
  const ids = [...new Set(rows.map((r) => r.officeId))];
  const zones = new Map(
    ids.length ? (await ctx.deps.database.db.select({ id: offices.id, zone: offices.timeZone }).from(offices).where(inArray(offices.id, ids))).map((o) => [o.id, o.zone]) : [],
  );
  return Promise.all(rows.map((r) => appointmentView(ctx, r, zones.get(r.officeId)!)));
}
