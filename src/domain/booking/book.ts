// Booking: one atomic batch writes the appointment, the day count, its history and its outbox
// rows. Constraints and the no-overlap triggers, not reads, decide who wins a race.

import { appointments } from "../../db/schema.js";
import { readNextTurn } from "../../db/turn-reads.js";
import { newId } from "../../lib/ids.js";
import { formatUtcIso, localDateOf } from "../../slots/index.js";
import { getCase } from "../cases.js";
import { officeAsOf, serviceAsOf } from "../config-rows.js";
import { outboxStatements, reminderTimes } from "./outbox.js";
import { placeAt, writeFirstFree } from "./placement.js";
import { countDay, insertRow, recordHistory, type Snapshot } from "./statements.js";
import { bump, bumpOfficesOf, officeScope, versionsOf } from "../versions.js";
import type { AppointmentRow } from "./read.js";
import type { Ctx } from "../context.js";
import { assertOffice } from "../access.js";
import { invalidField, forbidden } from "../errors.js";

export interface BookingInput {
  caseId: string;
  serviceId: string;
  officeId: string;
  start: number;
  /** The UTC offset `start` was written with (minutes; null for Z), checked against the office's zone. */
  startOffset?: number | null;
  staffId?: string;
  roomId?: string;
  overrideWindow?: { reason: string };
}

/** How history names who acted: "user:<id>", "admin-token" or "applicant". */
export const actorName = (ctx: Ctx) => (ctx.actor.role === "applicant" ? "applicant" : ctx.actor.id === "admin-token" ? "admin-token" : `user:${ctx.actor.id}`);

export const snapshot = (a: Pick<AppointmentRow, "status" | "startAt" | "endAt" | "staffId" | "roomId">): Snapshot => ({
  status: a.status,
  start: formatUtcIso(a.startAt),
  end: formatUtcIso(a.endAt),
  staffId: a.staffId,
  roomId: a.roomId,
});

export async function book(ctx: Ctx, input: BookingInput): Promise<AppointmentRow> {
  assertOffice(ctx.actor, input.officeId);
  // The case is read in the next turn, beside the counters and the other requests' reads (turn-reads.ts).
  const [caseRow, versions] = await Promise.all([readNextTurn(ctx.deps.database, () => getCase(ctx, input.caseId)), versionsOf(ctx, input.officeId)]);
  const [office, service] = await Promise.all([officeAsOf(ctx, input.officeId, versions.config), serviceAsOf(ctx, input.serviceId, versions.config)]);
  if (caseRow.officeId !== office.id) throw invalidField("officeId", `the case belongs to office '${caseRow.officeId}'`);
  if (service.agency !== caseRow.track) throw invalidField("serviceId", `the case is on the ${caseRow.track} track; this service is ${service.agency}'s`);
  if (input.overrideWindow && ctx.actor.role === "interviewer") throw forbidden("Only schedulers and admins may book outside a case's window.");
  if (input.roomId && !service.needsRoom) throw invalidField("roomId", "this service does not use rooms");

  const request = {
    office,
    service,
    caseRow,
    start: input.start,
    startOffset: input.startOffset,
    staffId: input.staffId,
    roomId: input.roomId,
    overrideWindow: Boolean(input.overrideWindow),
    versions,
  };
  const slot = await placeAt(ctx, request);
  const now = ctx.deps.clock.now();
  const id = newId("apt", now);
  const end = input.start + service.durationMinutes * 60_000;
  const holdUntil = end + service.bufferMinutes * 60_000;
  const localDate = localDateOf(office.timeZone, input.start);
  const reminders = reminderTimes(input.start, now, office.timeZone, office.settings);
  let row!: AppointmentRow;

  await writeFirstFree(ctx, request, slot, ({ staffId, roomId }) => {
    row = {
      id,
      caseId: caseRow.id,
      serviceId: service.id,
      officeId: office.id,
      staffId,
      roomId,
      startAt: input.start,
      endAt: end,
      holdUntil,
      localDate,
      status: "scheduled",
      sequence: 0,
      uid: `${id}@cita`,
      rescheduleCount: 0,
      applicantRescheduleCount: 0,
      windowOverride: input.overrideWindow?.reason ?? null,
      version: 1,
      linkVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
    return [
      insertRow(appointments, row),
      countDay(office.id, service.id, localDate, service.dailyCapPerOffice),
      bump(officeScope(office.id)),
      bumpOfficesOf(staffId),
      recordHistory(id, now, actorName(ctx), "booked", null, { ...snapshot(row), ...(row.windowOverride ? { windowOverride: row.windowOverride } : {}) }),
      ...outboxStatements({
        appointmentId: id,
        sequence: 0,
        kind: "invite",
        to: { email: caseRow.contactEmail, phone: caseRow.contactPhone },
        now,
        start: input.start,
        office,
        reminders,
      }),
    ];
  });
  return row;
}
