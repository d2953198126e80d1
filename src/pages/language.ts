// Which of the four page languages to use: an explicit ?lang= choice (the switcher), then the
// case's language, then the browser's Accept-Language, then Spanish.
import type { Language } from "../i18n/dates.js";

export type { Language };

export const LANGUAGES: readonly Language[] = ["es", "en", "ht", "fr"];

/** Each language named in itself, as the switcher shows it. */
export const NATIVE_NAMES: Record<Language, string> = { es: "Español", en: "English", ht: "Kreyòl", fr: "Français" };

export const isLanguage = (value: unknown): value is Language => typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** The first supported language of an Accept-Language header, by quality then order. */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag!.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.base).find(isLanguage) ?? null;
}

export interface LanguageChoice {
  lang: Language;
  /** Chosen with ?lang=: links and forms carry it on. */
  explicit: boolean;
}

export function pickLanguage(input: { query?: string | null; caseLanguage?: string | null; acceptLanguage?: string }): LanguageChoice {
  if (isLanguage(input.query)) return { lang: input.query, explicit: true };
  if (isLanguage(input.caseLanguage)) return { lang: input.caseLanguage, explicit: false };
  return { lang: fromAcceptLanguage(input.acceptLanguage) ?? "es", explicit: false };
}
