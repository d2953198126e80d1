import type { Strings } from "./types.js";

const hours = (h: number) => (h === 1 ? "1 heure" : `${h} heures`);

export const fr: Strings = {
  languageNav: "Langue",

  appointmentTitle: "Votre rendez-vous",
  statusLabel: "État",
  statusNames: {
    scheduled: "Prévu",
    confirmed: "Confirmé",
    checked_in: "Arrivée enregistrée",
    completed: "Terminé",
    no_show: "Absent",
    cancelled: "Annulé",
  },
  when: "Quand",
  lasts: (m) => `Durée : ${m < 60 ? `${m} minutes` : m % 60 === 0 ? hours(m / 60) : `${hours(Math.floor(m / 60))} ${m % 60} minutes`}.`,
  where: "Où",
  officePhone: "Téléphone du bureau",
  contactTitle: "Comment contacter le bureau",
  officeEmail: "E-mail du bureau",
  officeAddress: "Adresse",
  bringTitle: "À apporter",
  bring: [
    "Les pièces d’identité de toutes les personnes de votre foyer.",
    "Ce message ou ce lien, sur votre téléphone ou sur papier.",
    "Les documents que le bureau vous a demandés.",
  ],
  free: "Le rendez-vous est gratuit. Personne ne peut vous demander d’argent pour cela.",

  confirm: "Confirmer ma venue",
  change: "Changer la date",
  cancel: "Annuler le rendez-vous",
  addToCalendar: "Ajouter à mon agenda",
  back: "Retour à mon rendez-vous",
  changesLeft: (n) => `Vous pouvez encore changer la date ${n} fois.`,
  noMoreChanges: "Vous ne pouvez plus changer la date ici. Si nécessaire, appelez le bureau.",
  tooLateToChange: "Il reste moins de 24 heures : la date ne peut plus être changée ici. Si vous ne pouvez pas venir, appelez le bureau.",
  passed: "L’heure de ce rendez-vous est passée.",

  cancelTitle: "Annuler votre rendez-vous ?",
  cancelWarning: "Si vous annulez, une autre personne pourra prendre cet horaire. Pour un nouveau rendez-vous, vous devrez contacter le bureau.",
  cancelYes: "Oui, annuler mon rendez-vous",
  cancelNo: "Non, garder mon rendez-vous",

  slotsTitle: "Choisir une nouvelle date",
  currentTime: "Votre rendez-vous actuel",
  week: (first, last) => `Du ${first} au ${last}`,
  previousWeek: "Semaine précédente",
  nextWeek: "Semaine suivante",
  noTimesThisWeek: "Aucun horaire libre cette semaine.",
  noTimesAtAll: "Il n’y a pas d’autre horaire libre pour le moment. Si vous devez changer la date, appelez le bureau.",
  chooseTime: "Choisissez une heure",
  saveTime: "Passer à cette heure",

  confirmedDone: "Merci. Votre rendez-vous est confirmé.",
  rescheduledDone: "C’est fait. Votre rendez-vous a une nouvelle date.",
  cancelledDone: "Votre rendez-vous a été annulé.",
  afterCancel: "Si vous voulez un nouveau rendez-vous, contactez le bureau.",

  errorTitle: "Le changement n’a pas pu être fait",
  slotTaken: "Quelqu’un vient de prendre cet horaire. Choisissez-en un autre, s’il vous plaît.",
  unavailable: "Cet horaire n’est pas disponible pour vous. Choisissez-en un autre, s’il vous plaît.",
  changedMeanwhile: "Votre rendez-vous a changé entre-temps. Vérifiez où il en est.",
  formExpired: "Cette page est restée ouverte longtemps. Rien n’a été changé : réessayez.",
  pickATime: "Choisissez une heure dans la liste.",
  notAllowed: "Ce changement n’est plus possible.",

  notFoundTitle: "Ce lien ne fonctionne pas",
  notFoundText:
    "Il est peut-être incomplet ou trop ancien. Vérifiez que vous avez copié le lien en entier. Si vous avez besoin d’aide, contactez le bureau qui vous a donné le rendez-vous.",
  tooManyTitle: "Trop de tentatives",
  tooManyText: (m) => (m === 1 ? "Attendez 1 minute et réessayez." : `Attendez ${m} minutes et réessayez.`),
  serverErrorTitle: "Un problème est survenu",
  serverErrorText: "Il y a eu un problème de notre côté. Rien n’a été changé. Réessayez dans quelques minutes.",
};
