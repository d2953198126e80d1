// Plain luxon versions of the zone helpers: slow (an Intl call per answer) and
// obviously right, kept so tests can check the cached versions in src/slots/zone.ts.
import { DateTime } from "luxon";

/**
 * A wall time read in `zone`. DateTime.fromObject(…, { zone }) starts its offset
 * search from the zone's offset *now* and gives up after two tries, which lands
 * an hour off next to a change when today's offset is far from then (Samoa's
 * 2011 changes). Reading the wall clock as UTC first makes the first guess close.
 */
function inZone(zone: string, wall: { year: number; month: number; day: number; hour?: number; minute?: number }): DateTime {
  const dt = DateTime.fromObject(wall, { zone: "utc" }).setZone(zone, { keepLocalTime: true });
  if (!dt.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
  return dt;
}

/**
 * Instant of a local wall time, null when it does not exist, the earlier instant
 * when it exists twice. Luxon shifts a nonexistent time forward, so convert
 * back and compare the wall time instead of trusting it.
 */
export function referenceLocalToInstant(zone: string, y: number, m: number, d: number, minuteOfDay: number): number | null {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const dt = inZone(zone, { year: y, month: m, day: d, hour, minute });
  if (dt.year !== y || dt.month !== m || dt.day !== d || dt.hour !== hour || dt.minute !== minute) return null;
  return Math.min(...dt.getPossibleOffsets().map((p) => p.toMillis()));
}

/** First instant of a local date (luxon's startOf("day")), null if the zone skipped it. */
export function referenceStartOfDay(zone: string, y: number, m: number, d: number): number | null {
  const dt = inZone(zone, { year: y, month: m, day: d }).startOf("day");
  if (dt.year !== y || dt.month !== m || dt.day !== d) return null;
  return Math.min(...dt.getPossibleOffsets().map((p) => p.toMillis()));
}

export function referenceOffsetAt(zone: string, instant: number): number {
  return DateTime.fromMillis(instant, { zone }).offset;
}

export function referenceLocalDate(zone: string, instant: number): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

export function referenceFormatLocalIso(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/Z$/, "+00:00");
}
