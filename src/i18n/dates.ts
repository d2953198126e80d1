// Dates and times written the local way, in the office's zone, in the four languages applicants
// read: "martes 1 de diciembre, 08:00". Written out here because Haitian Creole is missing from
// most Intl builds, and phones must all read the same words.
import { localDayOf, offsetAt } from "../slots/index.js";

export type Language = "es" | "en" | "ht" | "fr";

const words: Record<Language, { days: string[]; months: string[]; date: (day: string, d: number, month: string) => string }> = {
  es: {
    days: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    date: (day, d, month) => `${day} ${d} de ${month}`,
  },
  en: {
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    date: (day, d, month) => `${day} ${d} ${month}`,
  },
  ht: {
    days: ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"],
    months: ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"],
    date: (day, d, month) => `${day} ${d} ${month}`,
  },
  fr: {
    days: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    date: (day, d, month) => `${day} ${d} ${month}`,
  },
};

const pad = (n: number) => String(n).padStart(2, "0");

/** "martes 1 de diciembre" for the local date of `instant` in `zone`. */
export function localDateWords(instant: number, zone: string, language: Language): string {
  const day = localDayOf(zone, instant);
  const date = new Date(day * 86_400_000);
  const w = words[language];
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  return w.date(w.days[weekday]!, date.getUTCDate(), w.months[date.getUTCMonth()]!);
}

/** "08:00", 24-hour local time in `zone`. */
export function localTime(instant: number, zone: string): string {
  const minutes = Math.floor(((instant / 60_000 + offsetAt(zone, instant)) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "martes 1 de diciembre, 08:00". */
export const localDateTimeWords = (instant: number, zone: string, language: Language) => `${localDateWords(instant, zone, language)}, ${localTime(instant, zone)}`;
