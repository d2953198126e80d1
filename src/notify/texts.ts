// Every word an applicant receives, in the four languages they read. A phone may be shared:
// these texts name the office, the time and the personal link, never the agency, the track or
// why the person has a case (tests/notify/discretion.test.ts checks every one of them).
import type { Language } from "../i18n/dates.js";

export type Kind = "invite" | "update" | "cancel" | "reminder";

export interface Facts {
  office: string;
  address: string;
  /** "lunes 7 de diciembre, 10:00", in the office's zone. */
  when: string;
  /** The applicant's self-service link; none for a cancellation. */
  link: string | null;
  phone: string | null;
}

interface Words {
  summary: (f: Facts) => string;
  subject: Record<Kind, (f: Facts) => string>;
  lead: Record<Kind, (f: Facts) => string>;
  /** What follows a label: ": ", or " : " in French. */
  colon: string;
  whenLabel: string;
  officeTime: string;
  whereLabel: string;
  manage: string;
  private: string;
  newAppointment: (f: Facts) => string;
  /** Text messages, fullest wording first; the sender takes the first that fits one segment. */
  sms: Record<Kind, ((f: Facts) => string)[]>;
}

const call = (f: Facts, prefix: string) => (f.phone ? ` ${prefix} ${f.phone}.` : "");

export const texts: Record<Language, Words> = {
  es: {
    summary: (f) => `Cita — ${f.office}`,
    subject: {
      invite: (f) => `Su cita: ${f.when}`,
      update: (f) => `Su cita cambió: ${f.when}`,
      cancel: (f) => `Cita cancelada: ${f.when}`,
      reminder: (f) => `Recordatorio de su cita: ${f.when}`,
    },
    lead: {
      invite: (f) => `Tiene una cita en ${f.office}.`,
      update: (f) => `Su cita en ${f.office} tiene una nueva fecha u hora.`,
      cancel: (f) => `Su cita en ${f.office} fue cancelada.`,
      reminder: (f) => `Le recordamos su cita en ${f.office}.`,
    },
    colon: ": ",
    whenLabel: "Fecha y hora",
    officeTime: "hora de la oficina",
    whereLabel: "Dirección",
    manage: "Para confirmar, cambiar o cancelar su cita",
    private: "Este enlace es personal: no lo comparta.",
    newAppointment: (f) => `Si necesita una nueva cita, comuníquese con la oficina.${call(f, "Teléfono:")}`,
    sms: {
      invite: [(f) => `Su cita: ${f.when}, ${f.office}. Confirmar o cambiar: ${f.link}`, (f) => `Cita ${f.when}, ${f.office}: ${f.link}`],
      update: [(f) => `Su cita cambió: ${f.when}, ${f.office}. Detalles: ${f.link}`, (f) => `Nueva hora: ${f.when}, ${f.office}: ${f.link}`],
      cancel: [(f) => `Su cita del ${f.when} en ${f.office} fue cancelada.${call(f, "Tel.")}`, (f) => `Cita cancelada: ${f.when}, ${f.office}.`],
      reminder: [
        (f) => `Recordatorio: su cita es el ${f.when}, ${f.office}. ${f.link}`,
        (f) => `Recordatorio: ${f.when}, ${f.office}: ${f.link}`,
        (f) => `Cita ${f.when}, ${f.office}: ${f.link}`,
      ],
    },
  },
  en: {
    summary: (f) => `Appointment — ${f.office}`,
    subject: {
      invite: (f) => `Your appointment: ${f.when}`,
      update: (f) => `Your appointment has changed: ${f.when}`,
      cancel: (f) => `Appointment cancelled: ${f.when}`,
      reminder: (f) => `Reminder of your appointment: ${f.when}`,
    },
    lead: {
      invite: (f) => `You have an appointment at ${f.office}.`,
      update: (f) => `Your appointment at ${f.office} has a new date or time.`,
      cancel: (f) => `Your appointment at ${f.office} has been cancelled.`,
      reminder: (f) => `This is a reminder of your appointment at ${f.office}.`,
    },
    colon: ": ",
    whenLabel: "Date and time",
    officeTime: "office time",
    whereLabel: "Address",
    manage: "To confirm, change or cancel your appointment",
    private: "This link is personal: please do not share it.",
    newAppointment: (f) => `If you need a new appointment, please contact the office.${call(f, "Phone:")}`,
    sms: {
      invite: [(f) => `Your appointment: ${f.when}, ${f.office}. Confirm or change: ${f.link}`, (f) => `Appointment ${f.when}, ${f.office}: ${f.link}`],
      update: [(f) => `Your appointment changed: ${f.when}, ${f.office}. Details: ${f.link}`, (f) => `New time: ${f.when}, ${f.office}: ${f.link}`],
      cancel: [(f) => `Your appointment on ${f.when} at ${f.office} has been cancelled.${call(f, "Tel.")}`, (f) => `Appointment cancelled: ${f.when}, ${f.office}.`],
      reminder: [
        (f) => `Reminder: your appointment is on ${f.when}, ${f.office}. ${f.link}`,
        (f) => `Reminder: ${f.when}, ${f.office}: ${f.link}`,
        (f) => `Appointment ${f.when}, ${f.office}: ${f.link}`,
      ],
    },
  },
  ht: {
    summary: (f) => `Randevou — ${f.office}`,
    subject: {
      invite: (f) => `Randevou ou: ${f.when}`,
      update: (f) => `Randevou ou chanje: ${f.when}`,
      cancel: (f) => `Randevou anile: ${f.when}`,
      reminder: (f) => `Rapèl randevou ou: ${f.when}`,
    },
    lead: {
      invite: (f) => `Ou gen yon randevou nan ${f.office}.`,
      update: (f) => `Randevou ou nan ${f.office} gen yon nouvo dat oswa yon nouvo lè.`,
      cancel: (f) => `Randevou ou nan ${f.office} anile.`,
      reminder: (f) => `Nou raple w randevou ou nan ${f.office}.`,
    },
    colon: ": ",
    whenLabel: "Dat ak lè",
    officeTime: "lè biwo a",
    whereLabel: "Adrès",
    manage: "Pou konfime, chanje oswa anile randevou ou",
    private: "Lyen sa a se pou ou sèlman: pa pataje l.",
    newAppointment: (f) => `Si ou bezwen yon nouvo randevou, kontakte biwo a.${call(f, "Telefòn:")}`,
    sms: {
      invite: [(f) => `Randevou ou: ${f.when}, ${f.office}. Konfime oswa chanje: ${f.link}`, (f) => `Randevou ${f.when}, ${f.office}: ${f.link}`],
      update: [(f) => `Randevou ou chanje: ${f.when}, ${f.office}. Detay: ${f.link}`, (f) => `Nouvo lè: ${f.when}, ${f.office}: ${f.link}`],
      cancel: [(f) => `Randevou ou ${f.when} nan ${f.office} anile.${call(f, "Tel.")}`, (f) => `Randevou anile: ${f.when}, ${f.office}.`],
      reminder: [
        (f) => `Rapèl: randevou ou se ${f.when}, ${f.office}. ${f.link}`,
        (f) => `Rapèl: ${f.when}, ${f.office}: ${f.link}`,
        (f) => `Randevou ${f.when}, ${f.office}: ${f.link}`,
      ],
    },
  },
  fr: {
    summary: (f) => `Rendez-vous — ${f.office}`,
    subject: {
      invite: (f) => `Votre rendez-vous : ${f.when}`,
      update: (f) => `Votre rendez-vous a changé : ${f.when}`,
      cancel: (f) => `Rendez-vous annulé : ${f.when}`,
      reminder: (f) => `Rappel de votre rendez-vous : ${f.when}`,
    },
    lead: {
      invite: (f) => `Vous avez un rendez-vous à ${f.office}.`,
      update: (f) => `Votre rendez-vous à ${f.office} a une nouvelle date ou heure.`,
      cancel: (f) => `Votre rendez-vous à ${f.office} est annulé.`,
      reminder: (f) => `Nous vous rappelons votre rendez-vous à ${f.office}.`,
    },
    colon: " : ",
    whenLabel: "Date et heure",
    officeTime: "heure du bureau",
    whereLabel: "Adresse",
    manage: "Pour confirmer, modifier ou annuler votre rendez-vous",
    private: "Ce lien est personnel : ne le partagez pas.",
    newAppointment: (f) => `Si vous avez besoin d'un nouveau rendez-vous, contactez le bureau.${call(f, "Téléphone :")}`,
    sms: {
      invite: [(f) => `Votre rendez-vous : ${f.when}, ${f.office}. Confirmer ou modifier : ${f.link}`, (f) => `RDV ${f.when}, ${f.office} : ${f.link}`],
      update: [(f) => `Rendez-vous modifié : ${f.when}, ${f.office}. Détails : ${f.link}`, (f) => `Nouvelle heure : ${f.when}, ${f.office} : ${f.link}`],
      cancel: [(f) => `Votre rendez-vous du ${f.when} à ${f.office} est annulé.${call(f, "Tél.")}`, (f) => `RDV annulé : ${f.when}, ${f.office}.`],
      reminder: [
        (f) => `Rappel : votre rendez-vous est le ${f.when}, ${f.office}. ${f.link}`,
        (f) => `Rappel : ${f.when}, ${f.office} : ${f.link}`,
        (f) => `RDV ${f.when}, ${f.office} : ${f.link}`,
      ],
    },
  },
};

export const languageOf = (value: string): Language => (value in texts ? (value as Language) : "es");
