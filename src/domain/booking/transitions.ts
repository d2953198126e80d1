// The appointment's life: scheduled → confirmed → checked_in → completed, or no_show, or
// cancelled, and reschedule. Each change is one batch guarded by the row's version, so two
// people acting at once cannot both succeed.
import { eq, sql } from "drizzle-orm";
import { appointments } from "../../db/schema.js";
import { constraintFailure, statement, type Statement } from "../../db/database.js";
import { localDateOf } from "../../slots/index.js";
import { findCase } from "../cases.js";
import { getOffice } from "../offices.js";
import { getService } from "../services.js";
import { actorName, snapshot } from "./book.js";
import { outboxStatements, reminderTimes, withdrawReminders } from "./outbox.js";
import { placeAt, writeFirstFree } from "./placement.js";
import { getAppointment, type AppointmentRow } from "./read.js";
import { countDay, mustHaveChanged, recordHistory, uncountDay } from "./statements.js";
import { bump, bumpOfficesOf, officeScope } from "../versions.js";
import { STATUS_AFTER, canDo, type Action, type Status, type StatusAction } from "../lifecycle.js";
import type { Ctx } from "../context.js";
import { DomainError, conflict } from "../errors.js";

const pastTense: Record<Action, string> = {
  confirm: "confirmed",
  check_in: "checked in",
  complete: "completed",
  no_show: "marked as a no-show",
  cancel: "cancelled",
  reschedule: "rescheduled",
};

function assertFrom(a: AppointmentRow, action: Action) {
  if (!canDo(action, a.status)) {
    throw conflict(`An appointment that is ${a.status.replace("_", " ")} cannot be ${pastTense[action]}.`, { appointmentStatus: a.status });
  }
}

/** UPDATE … WHERE version = read version, then the guard: a concurrent change aborts this batch. */
function updateGuarded(a: AppointmentRow, set: Partial<AppointmentRow>): Statement[] {
  return [
    statement(
      sql`UPDATE ${appointments} SET ${sql.join(
        Object.entries({ ...set, version: a.version + 1 }).map(([k, v]) => sql`${sql.identifier(columnName(k))} = ${v}`),
        sql`, `,
      )} WHERE id = ${a.id} AND version = ${a.version}`,
    ),
    mustHaveChanged(),
  ];
}

const columnName = (key: string) => (appointments as unknown as Record<string, { name: string }>)[key]!.name;

async function run(ctx: Ctx, statements: Statement[]) {
  try {
    await ctx.deps.database.batch(statements);
  } catch (error) {
    if (constraintFailure(error)?.target.includes("write_conflict")) throw conflict("The appointment changed meanwhile; read it again and retry.");
    throw error;
  }
}

async function reread(ctx: Ctx, id: string) {
  const [row] = await ctx.deps.database.db.select().from(appointments).where(eq(appointments.id, id));
  return row!;
}

/** confirm, check-in, complete, no-show: a status change with its history entry. */
export async function changeStatus(ctx: Ctx, id: string, action: StatusAction): Promise<AppointmentRow> {
  const a = await getAppointment(ctx, id);
  assertFrom(a, action);
  const now = ctx.deps.clock.now();
  if (action === "check_in") {
    const office = await getOffice(ctx, a.officeId);
    const today = localDateOf(office.timeZone, now);
    if (today !== a.localDate) throw conflict(`Check-in is only possible on the appointment's day (${a.localDate}); today is ${today} at the office.`);
  }
  if (action === "no_show" && now < a.startAt) throw conflict("A no-show can only be recorded after the appointment's start.");
  const to: Status = STATUS_AFTER[action];
  await run(ctx, [...updateGuarded(a, { status: to, updatedAt: now }), recordHistory(a.id, now, actorName(ctx), action, snapshot(a), snapshot({ ...a, status: to }))]);
  return reread(ctx, id);
}

/** Cancelling frees the interviewer and the room (a cancelled hold is not live) and the day's count, in one batch. */
export async function cancel(ctx: Ctx, id: string, reason: string): Promise<AppointmentRow> {
  const a = await getAppointment(ctx, id);
  assertFrom(a, "cancel");
  const now = ctx.deps.clock.now();
  const [office, caseRow] = await Promise.all([getOffice(ctx, a.officeId), findCase(ctx, a.caseId)]);
  const sequence = a.sequence + 1;
  await run(ctx, [
    ...updateGuarded(a, { status: "cancelled", sequence, updatedAt: now }),
    uncountDay(a.officeId, a.serviceId, a.localDate),
    bump(officeScope(a.officeId)),
    bumpOfficesOf(a.staffId),
    recordHistory(a.id, now, actorName(ctx), "cancel", snapshot(a), { ...snapshot({ ...a, status: "cancelled" }), reason }),
    withdrawReminders(a.id),
    ...outboxStatements({
      appointmentId: a.id,
      sequence,
      kind: "cancel",
      to: { email: caseRow.contactEmail, phone: caseRow.contactPhone },
      now,
      start: a.startAt,
      office,
      reminders: [],
    }),
  ]);
  timeFreed(ctx);
  return reread(ctx, id);
}

/**
 * Same id and uid, a new time (and perhaps interviewer), sequence + 1, within the office's limit.
 * An applicant has a lower limit of their own, may not move within 24 hours of the start, and
 * always stays inside the case's window. Asking for the time and interviewer it already has
 * changes nothing: the appointment as it is, with no count, history or message.
 */
export async function reschedule(
  ctx: Ctx,
  id: string,
  input: { start: number; startOffset?: number | null; staffId?: string; overrideWindow?: { reason: string } },
): Promise<AppointmentRow> {
  const a = await getAppointment(ctx, id);
  assertFrom(a, "reschedule");
  if (input.start === a.startAt && (input.staffId === undefined || input.staffId === a.staffId)) return a;
  const [office, service, caseRow] = await Promise.all([getOffice(ctx, a.officeId), getService(ctx, a.serviceId), findCase(ctx, a.caseId)]);
  const byApplicant = ctx.actor.role === "applicant";
  if (a.rescheduleCount >= office.settings.rescheduleLimit) {
    throw new DomainError("conflict", `This appointment has been rescheduled ${a.rescheduleCount} times, the office's limit.`, { limit: office.settings.rescheduleLimit });
  }
  if (byApplicant && a.applicantRescheduleCount >= office.settings.applicantRescheduleLimit) {
    throw new DomainError("conflict", `An applicant may reschedule at most ${office.settings.applicantRescheduleLimit} times.`, {
      limit: office.settings.applicantRescheduleLimit,
    });
  }
  if (byApplicant && ctx.deps.clock.now() > a.startAt - 24 * 3_600_000) {
    throw new DomainError("conflict", "Less than 24 hours before the appointment it can no longer be moved here; please call the office.");
  }
  const request = {
    office,
    service,
    caseRow,
    start: input.start,
    startOffset: input.startOffset,
    staffId: input.staffId,
    roomId: undefined,
    overrideWindow: !byApplicant && Boolean(input.overrideWindow ?? a.windowOverride),
    moving: a,
  };
  const slot = await placeAt(ctx, request);
  const now = ctx.deps.clock.now();
  const end = input.start + service.durationMinutes * 60_000;
  const holdUntil = end + service.bufferMinutes * 60_000;
  const localDate = localDateOf(office.timeZone, input.start);
  const sequence = a.sequence + 1;
  // Prefer the interviewer and room the appointment already has, when they are free.
  const preferred = {
    ...slot,
    staffIds: [...slot.staffIds].sort((x, y) => Number(y === a.staffId) - Number(x === a.staffId)),
    roomIds: [...slot.roomIds].sort((x, y) => Number(y === a.roomId) - Number(x === a.roomId)),
  };
  await writeFirstFree(ctx, request, preferred, ({ staffId, roomId }) => {
    const next = {
      status: "scheduled",
      startAt: input.start,
      endAt: end,
      holdUntil,
      localDate,
      staffId,
      roomId,
      sequence,
      rescheduleCount: a.rescheduleCount + 1,
      applicantRescheduleCount: a.applicantRescheduleCount + (byApplicant ? 1 : 0),
      windowOverride: input.overrideWindow?.reason ?? a.windowOverride,
      updatedAt: now,
    };
    return [
      ...updateGuarded(a, next),
      uncountDay(a.officeId, a.serviceId, a.localDate),
      countDay(office.id, service.id, localDate, service.dailyCapPerOffice),
      bump(officeScope(office.id)),
      ...[...new Set([a.staffId, staffId])].map(bumpOfficesOf),
      recordHistory(a.id, now, actorName(ctx), "reschedule", snapshot(a), snapshot({ ...a, ...next })),
      withdrawReminders(a.id),
      ...outboxStatements({
        appointmentId: a.id,
        sequence,
        kind: "update",
        to: { email: caseRow.contactEmail, phone: caseRow.contactPhone },
        now,
        start: input.start,
        office,
        reminders: reminderTimes(input.start, now, office.timeZone, office.settings),
      }),
    ];
  });
  timeFreed(ctx);
  return reread(ctx, id);
}

/** Tells this process's dispatcher loop, if it runs one, that time was freed (earlier-time offers). */
function timeFreed(ctx: Ctx) {
  for (const wake of ctx.deps.state.timeFreed) wake();
}
