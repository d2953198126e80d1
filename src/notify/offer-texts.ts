// The words of an earlier-time offer and of the answers to its reply code, in the four languages
// applicants read. Same discretion as every applicant text (texts.ts): the office and the time,
// never the agency, the track or the programme. SMS wordings go fullest first; chooseSms takes the
// one costing fewest segments (the link alone is about 70 characters).
import type { Language } from "../i18n/dates.js";
import { escapeHtml } from "./render.js";
import { chooseSms, type SmsChoice } from "./segments.js";

/** The offer's reply code: what the text message asks the applicant to answer. */
export const ACCEPT_CODE = "3";

export interface OfferFacts {
  office: string;
  when: string;
  /** When the offer closes, in words. */
  until: string;
  link: string;
}

interface OfferWords {
  subject: (f: OfferFacts) => string;
  body: (f: OfferFacts) => string;
  action: string;
  sms: ((f: OfferFacts) => string)[];
  taken: (f: { when: string; office: string }) => string;
  gone: string;
}

const c = ACCEPT_CODE;

export const offerTexts: Record<Language, OfferWords> = {
  es: {
    subject: (f) => `Hay una hora más temprana: ${f.when}`,
    body: (f) => `Se liberó una hora más temprana en ${f.office}: ${f.when}. Si la quiere, tómela antes del ${f.until}; la primera persona que acepte la recibe.`,
    action: "Ver y aceptar",
    sms: [(f) => `Hora más temprana: ${f.when}, ${f.office}. Responda ${c} para tomarla o: ${f.link}`, (f) => `Hora libre ${f.when}, ${f.office}. Responda ${c}: ${f.link}`],
    taken: (f) => `Listo: su cita es ahora el ${f.when}, ${f.office}.`,
    gone: "Lo sentimos: esa hora ya no está disponible. Su cita no cambió.",
  },
  en: {
    subject: (f) => `An earlier time is free: ${f.when}`,
    body: (f) => `An earlier time became free at ${f.office}: ${f.when}. If you want it, take it before ${f.until}; the first person to accept gets it.`,
    action: "See and accept",
    sms: [(f) => `Earlier time free: ${f.when}, ${f.office}. Reply ${c} to take it or: ${f.link}`, (f) => `Free time ${f.when}, ${f.office}. Reply ${c}: ${f.link}`],
    taken: (f) => `Done: your appointment is now on ${f.when}, ${f.office}.`,
    gone: "Sorry: that time is no longer available. Nothing changed.",
  },
  ht: {
    subject: (f) => `Gen yon lè pi bonè: ${f.when}`,
    body: (f) => `Yon lè pi bonè libere nan ${f.office}: ${f.when}. Si ou vle l, pran l anvan ${f.until}; premye moun ki aksepte a jwenn li.`,
    action: "Gade epi aksepte",
    sms: [(f) => `Lè pi bonè: ${f.when}, ${f.office}. Reponn ${c} pou pran l oswa: ${f.link}`, (f) => `Lè lib ${f.when}, ${f.office}. Reponn ${c}: ${f.link}`],
    taken: (f) => `Fini: randevou ou se kounye a ${f.when}, ${f.office}.`,
    gone: "Padon: lè sa a pa disponib ankò. Anyen pa chanje.",
  },
  fr: {
    subject: (f) => `Un horaire plus tôt est libre : ${f.when}`,
    body: (f) => `Un horaire plus tôt s'est libéré à ${f.office} : ${f.when}. Si vous le voulez, prenez-le avant le ${f.until} ; la première personne qui accepte l'obtient.`,
    action: "Voir et accepter",
    sms: [(f) => `Horaire plus tôt : ${f.when}, ${f.office}. Répondez ${c} pour le prendre ou : ${f.link}`, (f) => `Libre ${f.when}, ${f.office}. Répondez ${c} : ${f.link}`],
    taken: (f) => `C'est fait : votre rendez-vous est le ${f.when}, ${f.office}.`,
    gone: "Désolé : cet horaire n'est plus disponible. Rien n'a changé.",
  },
};

export const renderOfferSms = (language: Language, facts: OfferFacts): SmsChoice => chooseSms(offerTexts[language].sms.map((t) => t(facts)));

export function renderOfferEmail(language: Language, facts: OfferFacts) {
  const w = offerTexts[language];
  const subject = w.subject(facts);
  const body = w.body(facts);
  return {
    subject,
    text: `${body}\n\n${w.action}:\n${facts.link}\n`,
    html: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5"><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(facts.link)}">${escapeHtml(w.action)}</a></p></body></html>`,
  };
}
