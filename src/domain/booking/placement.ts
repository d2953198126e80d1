// Where an appointment may go: the slot engine decides, and explains a refusal precisely.
import { constraintFailure, type Statement } from "../../db/database.js";
import { findSlots, formatLocalIso, localDateOf, slotView, type Slot, type SlotQuery } from "../../slots/index.js";
import type { CaseRow } from "../cases.js";
import { listRoomIds, type OfficeRow } from "../offices.js";
import type { ServiceRow } from "../services.js";
import { caseWindow, withoutOwnHold } from "../slot-search.js";
import { DAY_MS } from "../dates.js";
import { takenResource } from "./overlap.js";
import type { AppointmentRow } from "./read.js";
import { assertWrittenInZone } from "./written-start.js";
import type { Ctx } from "../context.js";
import { DomainError, invalidField } from "../errors.js";
import { loadResources } from "../slot-resources.js";
import { staffPlacesAsOf } from "../config-rows.js";
import type { Versions } from "../versions.js";

export interface PlacementRequest {
  office: OfficeRow;
  service: ServiceRow;
  caseRow: CaseRow;
  start: number;
  /** The UTC offset `start` was written with (minutes; null for Z), when it came as text. */
  startOffset?: number | null;
  staffId?: string;
  roomId?: string;
  overrideWindow: boolean;
  /** When moving an appointment, its own hold does not count as busy. */
  moving?: AppointmentRow;
  /** The counters `office` and `service` were read at, when the caller has them. */
  versions?: Versions;
}

async function query(ctx: Ctx, r: PlacementRequest, from: number, to: number, staffId?: string, busy = true): Promise<SlotQuery> {
  const q = await loadResources(ctx, r.office, r.service, { from, to, staffId, versions: r.versions, busy });
  if (r.moving) withoutOwnHold(q, r.moving);
  q.notBefore = ctx.deps.clock.now() + r.service.minNoticeHours * 3_600_000;
  q.window = r.overrideWindow ? null : caseWindow(r.caseRow, r.service);
  return q;
}

/**
 * A named interviewer or room must exist where the booking is: a wrong id is a 422 naming its
 * field, as for every id a body refers to. Someone else's office's staff read as unknown.
 */
async function assertNamedResources(ctx: Ctx, r: PlacementRequest) {
  if (r.staffId !== undefined) {
    const member = await staffPlacesAsOf(ctx, r.staffId, r.versions?.config);
    if (!member || !member.officeIds.includes(r.office.id)) throw invalidField("staffId", `no staff member '${r.staffId}' works at office '${r.office.id}'`);
    if (!member.serviceIds.includes(r.service.id)) throw invalidField("staffId", `'${r.staffId}' does not offer the service '${r.service.id}'`);
  }
  if (r.roomId !== undefined && !(await listRoomIds(ctx, r.office.id)).includes(r.roomId)) {
    throw invalidField("roomId", `no room '${r.roomId}' at office '${r.office.id}'`);
  }
}

/** The free slot at exactly `start`, or the problem that says why there is none. */
export async function placeAt(ctx: Ctx, r: PlacementRequest): Promise<Slot> {
  const zone = r.office.timeZone;
  await assertNamedResources(ctx, r);
  assertWrittenInZone(zone, r.start, r.startOffset);
  const window = caseWindow(r.caseRow, r.service);
  const date = localDateOf(zone, r.start);
  if (!r.overrideWindow && (date < window.firstDate || date > window.lastDate)) {
    throw new DomainError("outside-window", `The case's window runs from ${window.firstDate} to ${window.lastDate} (${zone}); ${date} is outside it.`, { window });
  }
  const notBefore = ctx.deps.clock.now() + r.service.minNoticeHours * 3_600_000;
  if (r.start < notBefore) throw invalidField("start", `must be at least ${r.service.minNoticeHours} hours from now`);

  if (r.staffId !== undefined) {
    // A named interviewer's bookings and the day's count need not be read first: the no-overlap
    // trigger and the count's CHECK refuse a taken start when it is written, and writeFirstFree
    // then explains the refusal as below. Only a start refused here is looked at again, in full.
    const [free] = findSlots(await query(ctx, r, r.start, r.start + 1, r.staffId, false));
    if (free && free.start === r.start && (!r.roomId || free.roomIds.includes(r.roomId))) return free;
  }
  const q = await query(ctx, r, r.start, r.start + 1, r.staffId);
  const [slot] = findSlots(q);
  if (slot && slot.start === r.start && (!r.roomId || slot.roomIds.includes(r.roomId))) return slot;

  // Would the start be offered on an empty calendar? Then someone holds it: 409. Otherwise it is no start at all: 422.
  const empty = findSlots({ ...q, staff: q.staff.map((s) => ({ ...s, appointments: [] })), rooms: q.rooms.map((room) => ({ ...room, busy: [] })), dayCounts: new Map() });
  if (empty[0]?.start === r.start) {
    // Free of other people's appointments but still refused: the day's count reached the cap.
    const withoutCap = findSlots({ ...q, dayCounts: new Map() });
    throw await slotTaken(ctx, r, withoutCap[0]?.start === r.start ? "daily-cap" : "taken");
  }
  throw invalidField(
    "start",
    `${formatLocalIso(r.start, zone)} is not a start that can be booked: outside office hours or the interviewer's availability, on a closure, or off the ${r.service.slotStepMinutes}-minute grid`,
  );
}

/** Why a time cannot be had: someone holds it, or the office's daily cap for the service is reached. */
export type TakenBecause = "taken" | "daily-cap";

const TAKEN_DETAIL: Record<TakenBecause, string> = {
  taken: "Someone booked this time first.",
  "daily-cap": "The office has reached this service's daily cap on that day.",
};

/** 409 slot-taken, saying why (`because`) and listing the next free slots for the same request. */
export async function slotTaken(ctx: Ctx, r: PlacementRequest, because: TakenBecause = "taken"): Promise<DomainError> {
  const q = await query(ctx, r, r.start, r.start + 14 * DAY_MS, r.staffId);
  const zone = r.office.timeZone;
  const nextSlots = findSlots(q)
    .filter((s) => s.start !== r.start)
    .slice(0, 5)
    .map((s) => slotView(s, zone));
  return new DomainError("slot-taken", TAKEN_DETAIL[because], { because, nextSlots });
}

export interface Candidate {
  staffId: string;
  roomId: string | null;
}

/**
 * Tries `write(candidate)` for each free interviewer (and room), least loaded first. When the
 * no-overlap trigger refuses it, another request won that interviewer or room: the next one is
 * tried, and only when none is left is the answer 409. Other constraint failures become problems.
 */
export async function writeFirstFree(ctx: Ctx, r: PlacementRequest, slot: Slot, write: (c: Candidate) => Statement[]): Promise<Candidate> {
  const staffIds = r.staffId ? [r.staffId] : slot.staffIds;
  const roomIds: (string | null)[] = r.service.needsRoom ? (r.roomId ? [r.roomId] : [...slot.roomIds]) : [null];
  const takenStaff = new Set<string>();
  const takenRooms = new Set<string>();
  for (let attempts = 0; attempts < 8; attempts++) {
    const staffId = staffIds.find((s) => !takenStaff.has(s));
    const roomId = roomIds.find((room) => room === null || !takenRooms.has(room));
    if (staffId === undefined || roomId === undefined) break;
    try {
      await ctx.deps.database.batch(write({ staffId, roomId }));
      return { staffId, roomId };
    } catch (error) {
      const taken = takenResource(error);
      if (taken === "staff") takenStaff.add(staffId);
      if (taken === "room") takenRooms.add(roomId!);
      if (taken) continue;
      const failure = constraintFailure(error);
      if (!failure) throw error;
      if (failure.target.includes("daily_cap")) throw await slotTaken(ctx, r, "daily-cap");
      if (failure.target.includes("appointments_case_service_live") || failure.target.includes("appointments.case_id")) {
        throw new DomainError("conflict", "The case already has a live appointment for this service.");
      }
      if (failure.target.includes("write_conflict")) throw new DomainError("conflict", "The appointment changed meanwhile; read it again.");
      throw error;
    }
  }
  throw await slotTaken(ctx, r);
}
