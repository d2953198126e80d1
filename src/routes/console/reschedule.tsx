// What the appointment page offers for moving an appointment: a week of free starts inside the
// case's window, a start typed for a move outside it, and the next free starts after a refusal.
import { parseInstant } from "../../domain/dates.js";
import { freeWeek } from "../../domain/free-week.js";
import { listStaff } from "../../domain/staff.js";
import { localTime } from "../../i18n/dates.js";
import { formatUtcIso, isoDate, localToInstant, parseIsoDate } from "../../slots/index.js";
import type { PageNotice } from "../../pages/console/parts.js";
import { StartButtons, type Start, type WeekOfStarts } from "../../pages/console/reschedule.js";
import { dateWords, dayWords } from "./dates.js";
import { appointmentPath, type Opened } from "./opened.js";
import { DomainError } from "../../domain/errors.js";
import type { ConsoleLanguage, ConsoleStrings } from "../../pages/console/strings/index.js";
import { parseWrittenInstant, type WrittenInstant } from "../../domain/booking/written-start.js";

export interface WeekRequest {
  week?: string;
  staff?: string;
}

/** The office's interviewers who give the appointment's service. */
export async function serviceStaff(o: Opened): Promise<{ id: string; name: string }[]> {
  const { items } = await listStaff(o.ctx, 200, undefined, o.office.id);
  return items.filter((s) => s.serviceIds.includes(o.service.id)).map((s) => ({ id: s.id, name: s.name }));
}

/**
 * Free starts of one week (any date picks its Monday) inside the case's window and from today
 * on, as the applicant's reschedule page finds them: the appointment's own hold counts as free,
 * its own start is left out. By default the week of the first free start.
 */
export async function rescheduleWeek(o: Opened, v: WeekRequest, t: ConsoleStrings, lang: ConsoleLanguage): Promise<WeekOfStarts> {
  const { ctx, row, office, service, caseRow } = o;
  const zone = office.timeZone;
  const staff = await serviceStaff(o);
  const staffId = v.staff ?? "";
  const base: WeekOfStarts = { label: "", previous: null, next: null, days: [], blocked: null, staff, staffId, week: "" };
  if (row.rescheduleCount >= office.settings.rescheduleLimit) {
    return {
      ...base,
      blocked: t.move.atLimit(row.rescheduleCount),
    };
  }
  if (staffId && !staff.some((s) => s.id === staffId)) throw new DomainError("validation", t.move.badStaff("staff", staffId, office.name));
  const asked = v.week ? parseIsoDate(v.week) : null;
  if (v.week && asked === null) throw new DomainError("validation", t.move.badWeek(v.week));
  const week = await freeWeek(ctx, { caseRow, service, office, moving: row, staffId: staffId || undefined, requested: asked ?? undefined });
  const { window } = week;
  if (!week.open) return { ...base, blocked: t.move.windowPassed(window.firstDate, window.lastDate) };
  const { monday, first, last } = week;
  const link = (m: number) => `${appointmentPath(o)}?${new URLSearchParams({ week: isoDate(m), ...(staffId ? { staff: staffId } : {}) })}`;
  return {
    ...base,
    label: t.move.weekLabel(dayWords(zone, Math.max(monday, first), lang), dayWords(zone, Math.min(monday + 6, last), lang)),
    previous: week.previous === null ? null : link(week.previous),
    next: week.next === null ? null : link(week.next),
    days: week.days.map(([day, slots]) => ({
      label: dayWords(zone, day, lang),
      starts: slots.map((s): Start => ({ value: formatUtcIso(s.start), label: localTime(s.start, zone) })),
    })),
    week: isoDate(monday),
  };
}

/**
 * An ISO instant with an offset (kept, for the booking's check of office offsets near a clock
 * change), or a local "YYYY-MM-DDTHH:MM" in the office's zone; null if neither.
 */
export function parseStart(text: string, zone: string): WrittenInstant | null {
  const written = parseWrittenInstant(text);
  if (written !== null) return written;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/.exec(text);
  if (!m || parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) === null || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  // A wall time the zone skips (spring forward) has no instant: null, like a wrong date.
  const at = localToInstant(zone, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]) * 60 + Number(m[5]));
  return at === null ? null : { at, offset: null };
}

/** The next free starts a 409 slot-taken lists, as buttons that send the same form again. */
export function takenNotice(o: Opened, csrf: string, cause: DomainError, extra: Record<string, string>, t: ConsoleStrings, lang: ConsoleLanguage): PageNotice {
  const zone = o.office.timeZone;
  const next = (cause.extra.nextSlots as { start: string }[] | undefined) ?? [];
  const starts = next.flatMap((s) => {
    const at = parseInstant(s.start);
    return at === null ? [] : [{ value: s.start, label: `${dateWords(at, zone, lang)}, ${localTime(at, zone)}` }];
  });
  return {
    tone: "error",
    text: `${cause.detail} ${starts.length ? t.move.nextFree : t.move.noneFree}`,
    child: starts.length ? <StartButtons id={o.row.id} csrf={csrf} starts={starts} extra={extra} /> : undefined,
  };
}
