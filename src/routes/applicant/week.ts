// One week of free starts for the reschedule page: inside the case's window, from today on,
// without the appointment's own time, grouped by local day.
import { listSlots, caseWindow, MAX_RANGE_DAYS } from "../../domain/slots.js";
import { localDateWords, localTime } from "../../i18n/dates.js";
import { formatUtcIso, isoDate, localDayOf, parseIsoDate, startOfLocalDay } from "../../slots/index.js";
import { mondayOf } from "../../slots/calendar.js";
import { capitalize } from "../../pages/components.js";
import type { WeekView } from "../../pages/applicant/model.js";
import type { Opened } from "./open.js";

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/**
 * At most this many starts per day, spread over the day: a fine grid (5-minute steps) would
 * otherwise push the page past its 30 KB budget, and nobody needs 100 buttons for one day.
 */
export const MAX_STARTS_PER_DAY = 36;

function thin<T>(items: T[], max = MAX_STARTS_PER_DAY): T[] {
  if (items.length <= max) return items;
  const every = Math.ceil(items.length / max);
  return items.filter((_, i) => i % every === 0);
}

async function freeStarts(o: Opened, fromDay: number, toDay: number) {
  const { slots } = await listSlots(o.ctx, { serviceId: o.row.serviceId, officeId: o.row.officeId, caseId: o.caseRow.id, from: isoDate(fromDay), to: isoDate(toDay), moving: o.row });
  return slots.filter((s) => s.start !== o.row.startAt);
}

/** The days of the window still ahead, as day numbers, or null when none is left. */
export function openDays(o: Opened): { first: number; last: number } | null {
  const zone = o.office.timeZone;
  const window = caseWindow(o.caseRow, o.service);
  const first = Math.max(localDayOf(zone, o.ctx.deps.clock.now()), parseIsoDate(window.firstDate)!);
  const last = parseIsoDate(window.lastDate)!;
  return first <= last ? { first, last } : null;
}

/** The Monday of `requested` (a YYYY-MM-DD date) kept within the window, or of the first free start. */
async function pickWeek(o: Opened, days: { first: number; last: number }, requested: string | undefined): Promise<number | null> {
  const bounds = [mondayOf(days.first), mondayOf(days.last)] as const;
  const asked = requested ? parseIsoDate(requested) : null;
  if (asked !== null) return clamp(mondayOf(asked), ...bounds);
  const searchTo = Math.min(days.last + 1, days.first + MAX_RANGE_DAYS);
  const [firstFree] = await freeStarts(o, days.first, searchTo);
  if (firstFree) return mondayOf(localDayOf(o.office.timeZone, firstFree.start));
  // Nothing in the part searched: the whole window is full only if the search covered it.
  return searchTo > days.last ? null : bounds[0];
}

export async function weekView(o: Opened, requested: string | undefined): Promise<WeekView> {
  const zone = o.office.timeZone;
  const { nav } = o;
  const empty: WeekView = { label: "", previous: null, next: null, days: [], none: true };
  const days = openDays(o);
  if (!days) return empty;
  const monday = await pickWeek(o, days, requested);
  if (monday === null) return empty;

  const grouped = new Map<number, { value: string; label: string }[]>();
  for (const slot of await freeStarts(o, monday, monday + 7)) {
    const day = localDayOf(zone, slot.start);
    (grouped.get(day) ?? grouped.set(day, []).get(day)!).push({ value: formatUtcIso(slot.start), label: localTime(slot.start, zone) });
  }
  // Noon of a local date: always inside that date, whatever the zone does at midnight.
  const dayWords = (day: number) => localDateWords((startOfLocalDay(zone, day) ?? day * 86_400_000) + 12 * 3_600_000, zone, nav.lang);
  return {
    label: nav.s.week(dayWords(Math.max(monday, days.first)), dayWords(Math.min(monday + 6, days.last))),
    previous: monday > mondayOf(days.first) ? nav.to("/slots", { week: isoDate(monday - 7) }) : null,
    next: monday < mondayOf(days.last) ? nav.to("/slots", { week: isoDate(monday + 7) }) : null,
    days: [...grouped].map(([day, times]) => ({ label: capitalize(dayWords(day)), times: thin(times) })),
    none: false,
  };
}
