// Earlier-time offers on the figures page and in their CSV: made, accepted, days saved, per
// office. Words in the console's languages here, beside the only table that uses them.
import type { Figures } from "../../domain/figures.js";
import { csvOf } from "./figures-csv.js";
import { Table } from "./parts.js";
import type { ConsoleLanguage } from "./strings/index.js";

const words = {
  en: { title: "Earlier-time offers", columns: ["Office", "Offers made", "Accepted", "Days saved"] },
  es: { title: "Ofertas de horas más tempranas", columns: ["Oficina", "Ofertas hechas", "Aceptadas", "Días ganados"] },
  fr: { title: "Offres d'horaires plus tôt", columns: ["Bureau", "Offres faites", "Acceptées", "Jours gagnés"] },
} satisfies Record<ConsoleLanguage, unknown>;

/** The console language of a string table's tag ("en-GB" → "en"). */
export const consoleLanguageOfTag = (tag: string): ConsoleLanguage => (tag.slice(0, 2) in words ? (tag.slice(0, 2) as ConsoleLanguage) : "en");

export function OfferFiguresTable({ figures, lang }: { figures: Figures; lang: ConsoleLanguage }) {
  const w = words[lang];
  return (
    <>
      <h2>{w.title}</h2>
      <Table
        caption={w.title}
        columns={[w.columns[0]!, ...w.columns.slice(1).map((label) => ({ label, class: "num" }))]}
        rows={figures.offices.map((o) => [o.office.name, String(o.offers.made), String(o.offers.accepted), String(o.offers.daysSaved)])}
      />
    </>
  );
}

/** One row per office, written as the other figures' CSV files are. */
export const offersCsv = (f: Figures, lang: ConsoleLanguage): string =>
  csvOf(
    ["officeId", ...words[lang].columns, "from", "to"],
    f.offices.map((o) => [o.office.id, o.office.name, o.offers.made, o.offers.accepted, o.offers.daysSaved, f.period.from, f.period.to]),
  );
