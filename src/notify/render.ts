// Email (subject, text, HTML) and text-message bodies for one outbox row, in the case's language.
import type { Language } from "../i18n/dates.js";
import { chooseSms, type SmsChoice } from "./segments.js";
import { texts, type Facts, type Kind } from "./texts.js";

export interface EmailBody {
  subject: string;
  text: string;
  html: string;
}

/** Text for an HTML mail body or attribute: the five characters HTML gives a meaning, as entities. */
export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderEmail(language: Language, kind: Kind, facts: Facts): EmailBody {
  const w = texts[language];
  const subject = w.subject[kind](facts);
  const lead = w.lead[kind](facts);
  const when = `${facts.when} (${w.officeTime})`;
  const where = `${facts.office}, ${facts.address}`;
  const link = kind === "cancel" ? null : facts.link;

  const text = [
    lead,
    "",
    `${w.whenLabel}${w.colon}${when}`,
    `${w.whereLabel}${w.colon}${where}`,
    "",
    ...(link ? [`${w.manage}${w.colon.trimEnd()}`, link, "", w.private] : [w.newAppointment(facts)]),
    "",
  ].join("\n");

  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><strong>${escapeHtml(w.whenLabel + w.colon.trimEnd())}</strong> ${escapeHtml(when)}<br><strong>${escapeHtml(w.whereLabel + w.colon.trimEnd())}</strong> ${escapeHtml(where)}</p>`,
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(w.manage)}</a></p><p>${escapeHtml(w.private)}</p>` : `<p>${escapeHtml(w.newAppointment(facts))}</p>`,
    `</body></html>`,
  ].join("\n");

  return { subject, text, html };
}

/** The shortest-costing wording that still says when, where and (unless cancelled) the link. */
export function renderSms(language: Language, kind: Kind, facts: Facts): SmsChoice {
  return chooseSms(texts[language].sms[kind].map((template) => template(facts)));
}
