// When an offer expires: after so many minutes of *waking* time, i.e. time outside the office's
// quiet hours. An offer made at 19:30 with quiet hours 20:00–08:00 and two hours to answer has
// 30 minutes before the night and 90 after it: it expires at 09:30 the next morning. Nobody has
// to wake up to keep an offer, and none expires while its text message waits for the morning.
import type { OfficeSettings } from "../db/schema.js";
import { outOfQuietHours } from "./booking/outbox.js";
import { localDateOf, localToInstant } from "../slots/index.js";
import { addDays } from "./dates.js";

type Quiet = Pick<OfficeSettings, "quietHoursStart" | "quietHoursEnd">;

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The first instant after `t` at which the quiet hours begin (a start that does not exist that day is skipped). */
function nextQuietStart(t: number, zone: string, quiet: Quiet): number {
  const start = minuteOf(quiet.quietHoursStart);
  let date = localDateOf(zone, t);
  for (let i = 0; i < 4; i++, date = addDays(date, 1)) {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    const at = localToInstant(zone, y, m, d, start);
    if (at !== null && at > t) return at;
  }
  return t + 86_400_000;
}

/** `from` plus `minutes` of time outside the quiet hours, in the office's zone. */
export function wakingDeadline(from: number, minutes: number, zone: string, quiet: Quiet): number {
  let left = minutes * 60_000;
  if (quiet.quietHoursStart === quiet.quietHoursEnd) return from + left;
  let t = outOfQuietHours(from, zone, quiet) ?? from;
  // Each turn crosses one night; a year of nights is far beyond any setting the API accepts.
  for (let nights = 0; nights < 366; nights++) {
    const night = nextQuietStart(t, zone, quiet);
    if (t + left < night) return t + left;
    left -= night - t;
    t = outOfQuietHours(night, zone, quiet) ?? night;
  }
  return t + left;
}
