import { officeAsOf } from "../../domain/config-rows.js";
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

/** Response shapes for rows of possibly several offices: each office's zone, kept per configuration version. */
export async function views(ctx: Ctx, rows: AppointmentRow[]) {
  const ids = [...new Set(rows.map((r) => r.officeId))];
  const zones = new Map(await Promise.all(ids.map(async (id) => [id, (await officeAsOf(ctx, id)).timeZone] as const)));
  return Promise.all(rows.map((r) => appointmentView(ctx, r, zones.get(r.officeId)!)));
}
