// The console's languages: staff choose one (a cookie keeps it), else the browser's
// Accept-Language picks one, else English.
import { fromAcceptLanguage } from "../../language.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import type { ConsoleStrings } from "./types.js";

export type { ConsoleStrings } from "./types.js";

export type ConsoleLanguage = "es" | "en" | "fr";

export const consoleStrings: Record<ConsoleLanguage, ConsoleStrings> = { es, en, fr };

export const CONSOLE_LANGUAGES = Object.keys(consoleStrings) as ConsoleLanguage[];

export const isConsoleLanguage = (value: unknown): value is ConsoleLanguage => typeof value === "string" && value in consoleStrings;

/** The first console language in an Accept-Language header, by quality then order. */
export function consoleLanguageOf(header: string | undefined): ConsoleLanguage | null {
  // Only the parts naming a console language, so that "ht, es" gives Spanish.
  const ours = (header ?? "")
    .split(",")
    .slice(0, 20)
    .filter((part) => isConsoleLanguage(part.trim().toLowerCase().split(/[-;]/)[0]));
  const lang = fromAcceptLanguage(ours.join(","));
  return isConsoleLanguage(lang) ? lang : null;
}
