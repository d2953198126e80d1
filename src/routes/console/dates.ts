// How the console writes dates and times: in English, in the office's zone.
import { DAY_MS } from "../../domain/dates.js";
import { localDateWords, localTime } from "../../i18n/dates.js";
import { localDateOf, startOfLocalDay } from "../../slots/index.js";

/** "Monday 7 December 2026" for the local date of `instant`. */
export const dateWords = (instant: number, zone: string) => `${localDateWords(instant, zone, "en")} ${localDateOf(zone, instant).slice(0, 4)}`;

/** Noon of a local date: always inside that date, whatever the zone does at midnight. */
export const noonOf = (zone: string, day: number) => (startOfLocalDay(zone, day) ?? day * DAY_MS) + DAY_MS / 2;

/** "Monday 7 December 2026" for a local day number. */
export const dayWords = (zone: string, day: number) => dateWords(noonOf(zone, day), zone);

/** "2026-12-07 09:00" in the office's zone. */
export const stamp = (instant: number, zone: string) => `${localDateOf(zone, instant)} ${localTime(instant, zone)}`;
