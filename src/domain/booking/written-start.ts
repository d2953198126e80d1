// A `start` as the client wrote it: the instant, and the UTC offset it was written with.
// The offset matters near a clock change: "02:30-04:00" in New York on the spring-forward day
// names a wall time that does not exist there, and read as an instant it is 01:30. Booking that
// silently would move the applicant by an hour, so such a start is refused instead.
import { parseInstant, DAY_MS } from "../dates.js";
import { formatLocalIso, offsetAt } from "../../slots/index.js";
import { wallToInstant } from "../../slots/zone.js";
import { invalidField } from "../errors.js";

export interface WrittenInstant {
  at: number;
  /** Minutes east of UTC as written; null for `Z`. */
  offset: number | null;
}

export function parseWrittenInstant(text: string): WrittenInstant | null {
  const at = parseInstant(text);
  if (at === null) return null;
  const m = /([+-])(\d{2}):?(\d{2})?$/.exec(text);
  return { at, offset: m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : null };
}

const hhmm = (minutes: number) => `${minutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;

/**
 * Any offset names an instant, but one that the office's zone uses within a day of it, and
 * not at it, means the client wrote office time on the wrong side of a clock change (or a
 * time the clocks skip): 422 naming `start`. Other offsets (Z, another zone's) are instants.
 */
export function assertWrittenInZone(zone: string, start: number, offset: number | null | undefined): void {
  if (offset === null || offset === undefined) return;
  const actual = offsetAt(zone, start);
  if (offset === actual) return;
  if (offset !== offsetAt(zone, start - DAY_MS) && offset !== offsetAt(zone, start + DAY_MS)) return;
  const wall = start + offset * 60_000; // the wall time as written, read as if UTC
  const written = new Date(wall).toISOString().slice(0, 16).replace("T", " ");
  if (wallToInstant(zone, wall) === null) {
    throw invalidField("start", `${written} does not exist in ${zone}: the clocks skip it that day`);
  }
  throw invalidField(
    "start",
    `${written}${hhmm(offset)} is ${formatLocalIso(start, zone)} in ${zone} (the offset there is ${hhmm(actual)} at that time); write the office's offset or UTC (Z)`,
  );
}
