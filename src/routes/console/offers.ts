// The earlier-time offers section shared by the appointment and case pages: its lines, in the
// console's language and the office's zone, and the priority flag's form (docs/offers.md).
import { localTime } from "../../i18n/dates.js";
import { daysSaved, type CaseOffer } from "../../domain/offers-read.js";
import { offerStatusWord, type OffersSectionProps } from "../../pages/console/offers.js";
import type { ConsoleLanguage } from "../../pages/console/strings/index.js";
import type { CaseRow } from "../../domain/cases.js";
import { notOneLine } from "../text.js";
import { dateWords, stamp } from "./dates.js";

export function offersSection(list: CaseOffer[], caseRow: CaseRow, zone: string, lang: ConsoleLanguage, csrf: string, priorityAction: string): OffersSectionProps {
  return {
    priorityAction,
    lang,
    csrf,
    priority: caseRow.prioritySince === null ? null : (caseRow.priorityReason ?? ""),
    lines: list.map((x) => ({
      made: stamp(x.createdAt, zone),
      when: `${dateWords(x.start, zone, lang)}, ${localTime(x.start, zone)}`,
      status: offerStatusWord(lang, x.status),
      saved: x.status === "accepted" ? String(daysSaved(x, zone)) : "—",
    })),
  };
}

/** The priority form as the flag's input, or the refusal to show (naming the field). */
export function priorityForm(form: Record<string, string>): { priority: boolean; reason: string } | { refusal: string } {
  const notOne = notOneLine(form);
  if (notOne) return { refusal: notOne };
  const reason = (form.reason ?? "").trim();
  if (!reason || reason.length > 300) return { refusal: `reason: ${reason ? "must be at most 300 characters" : "is required"}` };
  return { priority: form.priority === "1", reason };
}
