// One week of free starts for the reschedule page: inside the case's window, from today on,
// without the appointment's own time, grouped by local day.
import { freeWeek } from "../../domain/free-week.js";
import { localDateWords, localTime } from "../../i18n/dates.js";
import { formatUtcIso, isoDate, parseIsoDate, startOfLocalDay } from "../../slots/index.js";
import { capitalize } from "../../pages/components.js";
import type { WeekView } from "../../pages/applicant/model.js";
import type { Opened } from "./open.js";

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

export async function weekView(o: Opened, requested: string | undefined): Promise<WeekView> {
  const zone = o.office.timeZone;
  const { nav } = o;
  const asked = requested ? parseIsoDate(requested) : null;
  const week = await freeWeek(o.ctx, { caseRow: o.caseRow, service: o.service, office: o.office, moving: o.row, requested: asked ?? undefined });
  if (!week.open || week.full) return { label: "", previous: null, next: null, days: [], none: true };
  const { monday, first, last } = week;
  // Noon of a local date: always inside that date, whatever the zone does at midnight.
  const dayWords = (day: number) => localDateWords((startOfLocalDay(zone, day) ?? day * 86_400_000) + 12 * 3_600_000, zone, nav.lang);
  return {
    label: nav.s.week(dayWords(Math.max(monday, first)), dayWords(Math.min(monday + 6, last))),
    previous: week.previous === null ? null : nav.to("/slots", { week: isoDate(week.previous) }),
    next: week.next === null ? null : nav.to("/slots", { week: isoDate(week.next) }),
    days: week.days.map(([day, slots]) => ({
      label: capitalize(dayWords(day)),
      times: thin(slots.map((s) => ({ value: formatUtcIso(s.start), label: localTime(s.start, zone) }))),
    })),
    none: false,
  };
}
