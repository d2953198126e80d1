// One week of free starts inside a case's window, from today on: what the console's book page,
// the console's reschedule panel and the applicant's reschedule page all show. Days are local
// day numbers of the office's zone throughout; nothing is turned into text and parsed back.
import type { Slot } from "../slots/index.js";
import { localDayOf, parseIsoDate } from "../slots/index.js";
import { mondayOf } from "../slots/calendar.js";
import type { AppointmentRow } from "./booking/read.js";
import type { CaseRow } from "./cases.js";
import type { OfficeRow } from "./offices.js";
import type { ServiceRow } from "./services.js";
import { MAX_RANGE_DAYS, caseWindow, listSlots } from "./slot-search.js";
import type { Ctx } from "./context.js";

export interface FreeWeekRequest {
  caseRow: CaseRow;
  service: ServiceRow;
  office: OfficeRow;
  /** The appointment being moved: its hold counts as free, its own start is left out. */
  moving?: AppointmentRow;
  staffId?: string;
  /** Any day of the week wanted; by default the week of the first free start. */
  requested?: number;
}

export type FreeWeek =
  | { open: false; window: { firstDate: string; lastDate: string } }
  | {
      open: true;
      window: { firstDate: string; lastDate: string };
      /** The window's days still ahead. */
      first: number;
      last: number;
      monday: number;
      previous: number | null;
      next: number | null;
      /** No free start anywhere in the window (known when no week was asked for and the search covered it). */
      full: boolean;
      days: [day: number, slots: Slot[]][];
    };

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

export async function freeWeek(ctx: Ctx, r: FreeWeekRequest): Promise<FreeWeek> {
  const zone = r.office.timeZone;
  const window = caseWindow(r.caseRow, r.service);
  const first = Math.max(localDayOf(zone, ctx.deps.clock.now()), parseIsoDate(window.firstDate)!);
  const last = parseIsoDate(window.lastDate)!;
  if (first > last) return { open: false, window };
  const bounds = [mondayOf(first), mondayOf(last)] as const;
  const search = async (fromDay: number, toDay: number) => {
    const request = { serviceId: r.service.id, officeId: r.office.id, caseId: r.caseRow.id, from: { day: fromDay }, to: { day: toDay }, staffId: r.staffId, moving: r.moving };
    const { slots } = await listSlots(ctx, request);
    return r.moving ? slots.filter((s) => s.start !== r.moving!.startAt) : slots;
  };
  let monday = bounds[0];
  let full = false;
  if (r.requested !== undefined) monday = clamp(mondayOf(r.requested), ...bounds);
  else {
    // One search spans at most the engine's range: enough to find the first free start.
    const searchTo = Math.min(last + 1, first + MAX_RANGE_DAYS);
    const [firstFree] = await search(first, searchTo);
    if (firstFree) monday = mondayOf(localDayOf(zone, firstFree.start));
    // Nothing free in the part searched: the window is full only if the search covered all of it.
    else full = searchTo > last;
  }
  const days = new Map<number, Slot[]>();
  if (!full) {
    for (const slot of await search(monday, monday + 7)) {
      const day = localDayOf(zone, slot.start);
      (days.get(day) ?? days.set(day, []).get(day)!).push(slot);
    }
  }
  return { open: true, window, first, last, monday, previous: monday > bounds[0] ? monday - 7 : null, next: monday < bounds[1] ? monday + 7 : null, full, days: [...days] };
}
