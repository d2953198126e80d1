// How the console writes dates and times: in the console's language, in the office's zone.
import { DAY_MS } from "../../domain/dates.js";
import { localDateWords, localTime } from "../../i18n/dates.js";
import { localDateOf, startOfLocalDay } from "../../slots/index.js";
import type { ConsoleLanguage } from "../../pages/console/strings/index.js";

/** "Monday 7 December 2026" for the local date of `instant`. */
export const dateWords = (instant: number, zone: string, lang: ConsoleLanguage) => {
  const year = localDateOf(zone, instant).slice(0, 4);
  // "Monday 7 December 2026", "lunes 7 de diciembre de 2026".
  return `${localDateWords(instant, zone, lang)}${lang === "es" ? " de" : ""} ${year}`;
};

/** Noon of a local date: always inside that date, whatever the zone does at midnight. */
export const noonOf = (zone: string, day: number) => (startOfLocalDay(zone, day) ?? day * DAY_MS) + DAY_MS / 2;

/** "Monday 7 December 2026" for a local day number. */
export const dayWords = (zone: string, day: number, lang: ConsoleLanguage) => dateWords(noonOf(zone, day), zone, lang);

/** "2026-12-07 09:00" in the office's zone. */
export const stamp = (instant: number, zone: string) => `${localDateOf(zone, instant)} ${localTime(instant, zone)}`;
