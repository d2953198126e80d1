// What a text-message reply is answered with, in the case's language. The same discretion as
// every other applicant text (texts.ts): the office, the time, never the agency or the track.
// Each answer is one wording; chooseSms drops accents when that saves a segment.
import type { Language } from "../i18n/dates.js";
import { chooseSms } from "./segments.js";
import type { Facts } from "./texts.js";

export type Answer = "confirmed" | "askCancel" | "cancelled" | "help" | "closed";

const call = (f: Facts, prefix: string) => (f.phone ? ` ${prefix} ${f.phone}` : "");

export const replyTexts: Record<Language, Record<Answer, (f: Facts) => string>> = {
  es: {
    confirmed: (f) => `Cita confirmada: ${f.when}, ${f.office}.`,
    askCancel: (f) => `Para cancelar su cita del ${f.when}, responda 2 otra vez.`,
    cancelled: (f) => `Su cita del ${f.when} fue cancelada.`,
    help: (f) => `Su cita: ${f.when}, ${f.office}. Responda 1 para confirmar o 2 para cancelar.`,
    closed: (f) => `Su cita del ${f.when} ya no se puede cambiar por mensaje.${call(f, "Tel.")}`,
  },
  en: {
    confirmed: (f) => `Appointment confirmed: ${f.when}, ${f.office}.`,
    askCancel: (f) => `To cancel your appointment on ${f.when}, reply 2 again.`,
    cancelled: (f) => `Your appointment on ${f.when} has been cancelled.`,
    help: (f) => `Your appointment: ${f.when}, ${f.office}. Reply 1 to confirm or 2 to cancel.`,
    closed: (f) => `Your appointment on ${f.when} can no longer be changed by text.${call(f, "Tel.")}`,
  },
  ht: {
    confirmed: (f) => `Randevou konfime: ${f.when}, ${f.office}.`,
    askCancel: (f) => `Pou anile randevou ${f.when} an, reponn 2 ankò.`,
    cancelled: (f) => `Randevou ou ${f.when} anile.`,
    help: (f) => `Randevou ou: ${f.when}, ${f.office}. Reponn 1 pou konfime oswa 2 pou anile.`,
    closed: (f) => `Randevou ou ${f.when} pa ka chanje pa mesaj ankò.${call(f, "Tel.")}`,
  },
  fr: {
    confirmed: (f) => `Rendez-vous confirmé : ${f.when}, ${f.office}.`,
    askCancel: (f) => `Pour annuler votre rendez-vous du ${f.when}, répondez 2 encore une fois.`,
    cancelled: (f) => `Votre rendez-vous du ${f.when} est annulé.`,
    help: (f) => `Votre rendez-vous : ${f.when}, ${f.office}. Répondez 1 pour confirmer ou 2 pour annuler.`,
    closed: (f) => `Votre rendez-vous du ${f.when} ne peut plus être modifié par SMS.${call(f, "Tél.")}`,
  },
};

export const renderReply = (language: Language, answer: Answer, facts: Facts): string => chooseSms([replyTexts[language][answer](facts)]).body;
