// The words of the offer page, in the four applicant languages. Discretion as everywhere: the
// office and the time, never the agency, the track or the programme.
import type { Language } from "../language.js";

export interface OfferStrings {
  title: string;
  lead: (office: string) => string;
  when: string;
  where: string;
  until: (when: string) => string;
  /** What happens to the appointment the case has, when it has one. */
  replaces: (when: string) => string;
  accept: string;
  decline: string;
  acceptedTitle: string;
  accepted: (when: string) => string;
  seeAppointment: string;
  goneTitle: string;
  gone: string;
  expired: string;
  declined: string;
  formExpired: string;
}

export const offerStrings: Record<Language, OfferStrings> = {
  es: {
    title: "Una hora más temprana",
    lead: (office) => `Se liberó una hora más temprana en ${office}. La primera persona que acepte la recibe.`,
    when: "Fecha y hora",
    where: "Dirección",
    until: (when) => `Puede aceptarla hasta el ${when}.`,
    replaces: (when) => `Si acepta, su cita del ${when} se cambia a esta hora.`,
    accept: "Aceptar esta hora",
    decline: "No, gracias",
    acceptedTitle: "Hora aceptada",
    accepted: (when) => `Su cita es ahora el ${when}.`,
    seeAppointment: "Ver mi cita",
    goneTitle: "Esta hora ya no está disponible",
    gone: "Otra persona la tomó primero, o ya no se puede reservar. Su cita no cambió.",
    expired: "El tiempo para aceptar esta hora terminó. Su cita no cambió.",
    declined: "Usted no aceptó esta hora. Su cita no cambió.",
    formExpired: "El formulario expiró. Inténtelo otra vez.",
  },
  en: {
    title: "An earlier time",
    lead: (office) => `An earlier time became free at ${office}. The first person to accept gets it.`,
    when: "Date and time",
    where: "Address",
    until: (when) => `You can accept it until ${when}.`,
    replaces: (when) => `If you accept, your appointment on ${when} moves to this time.`,
    accept: "Accept this time",
    decline: "No, thank you",
    acceptedTitle: "Time accepted",
    accepted: (when) => `Your appointment is now on ${when}.`,
    seeAppointment: "See my appointment",
    goneTitle: "This time is no longer available",
    gone: "Someone else took it first, or it can no longer be booked. Nothing changed.",
    expired: "The time to accept this offer has run out. Nothing changed.",
    declined: "You said no to this time. Nothing changed.",
    formExpired: "The form expired. Please try again.",
  },
  ht: {
    title: "Yon lè pi bonè",
    lead: (office) => `Yon lè pi bonè libere nan ${office}. Premye moun ki aksepte a jwenn li.`,
    when: "Dat ak lè",
    where: "Adrès",
    until: (when) => `Ou ka aksepte l jiska ${when}.`,
    replaces: (when) => `Si ou aksepte, randevou ou ${when} an ap chanje pou lè sa a.`,
    accept: "Aksepte lè sa a",
    decline: "Non, mèsi",
    acceptedTitle: "Lè a aksepte",
    accepted: (when) => `Randevou ou se kounye a ${when}.`,
    seeAppointment: "Gade randevou mwen",
    goneTitle: "Lè sa a pa disponib ankò",
    gone: "Yon lòt moun pran l anvan, oswa li pa ka rezève ankò. Anyen pa chanje.",
    expired: "Tan pou aksepte lè sa a fini. Anyen pa chanje.",
    declined: "Ou pa t aksepte lè sa a. Anyen pa chanje.",
    formExpired: "Fòm nan ekspire. Eseye ankò.",
  },
  fr: {
    title: "Un horaire plus tôt",
    lead: (office) => `Un horaire plus tôt s'est libéré à ${office}. La première personne qui accepte l'obtient.`,
    when: "Date et heure",
    where: "Adresse",
    until: (when) => `Vous pouvez l'accepter jusqu'au ${when}.`,
    replaces: (when) => `Si vous acceptez, votre rendez-vous du ${when} passe à cet horaire.`,
    accept: "Accepter cet horaire",
    decline: "Non, merci",
    acceptedTitle: "Horaire accepté",
    accepted: (when) => `Votre rendez-vous est maintenant le ${when}.`,
    seeAppointment: "Voir mon rendez-vous",
    goneTitle: "Cet horaire n'est plus disponible",
    gone: "Quelqu'un l'a pris avant vous, ou il ne peut plus être réservé. Rien n'a changé.",
    expired: "Le délai pour accepter cet horaire est passé. Rien n'a changé.",
    declined: "Vous avez refusé cet horaire. Rien n'a changé.",
    formExpired: "Le formulaire a expiré. Veuillez réessayer.",
  },
};
