import type { Strings } from "./types.js";

const hours = (h: number) => `${h} èdtan`;

export const ht: Strings = {
  languageNav: "Lang",

  appointmentTitle: "Randevou ou",
  statusLabel: "Kote li ye",
  statusNames: {
    scheduled: "Pwograme",
    confirmed: "Konfime",
    checked_in: "Ou rive",
    completed: "Fini",
    no_show: "Ou pa t vini",
    cancelled: "Anile",
  },
  when: "Ki lè",
  lasts: (m) => `Li dire ${m < 60 ? `${m} minit` : m % 60 === 0 ? hours(m / 60) : `${hours(Math.floor(m / 60))} ${m % 60} minit`}.`,
  where: "Ki kote",
  officePhone: "Telefòn biwo a",
  contactTitle: "Kijan pou kontakte biwo a",
  officeEmail: "Imèl biwo a",
  officeAddress: "Adrès",
  bringTitle: "Sa pou w pote",
  bring: ["Pyès idantite pou chak moun nan fanmi w.", "Mesaj sa a oswa lyen sa a, sou telefòn ou oswa sou papye.", "Papye biwo a te mande w pote."],
  free: "Randevou a gratis. Pèsonn pa gen dwa mande w lajan pou li.",

  confirm: "Konfime m ap vini",
  change: "Chanje dat la",
  cancel: "Anile randevou a",
  addToCalendar: "Mete l nan kalandriye m",
  back: "Retounen nan randevou m",
  changesLeft: (n) => `Ou ka chanje dat la ${n} fwa ankò.`,
  noMoreChanges: "Ou pa ka chanje dat la isit la ankò. Si w bezwen, rele biwo a.",
  tooLateToChange: "Rete mwens pase 24 èdtan: ou pa ka chanje dat la isit la ankò. Si w pa ka vini, rele biwo a.",
  passed: "Lè randevou sa a pase deja.",

  cancelTitle: "Anile randevou ou?",
  cancelWarning: "Si w anile, yon lòt moun ka pran lè sa a. Pou yon nouvo randevou, w ap oblije kontakte biwo a.",
  cancelYes: "Wi, anile randevou m",
  cancelNo: "Non, kenbe randevou m",

  slotsTitle: "Chwazi yon nouvo dat",
  currentTime: "Randevou ou kounye a",
  week: (first, last) => `Soti ${first} rive ${last}`,
  previousWeek: "Semèn anvan",
  nextWeek: "Semèn apre",
  noTimesThisWeek: "Pa gen lè ki lib semèn sa a.",
  noTimesAtAll: "Pou kounye a pa gen lòt lè ki lib. Si w bezwen chanje dat la, rele biwo a.",
  chooseTime: "Chwazi yon lè",
  saveTime: "Chanje pou lè sa a",

  confirmedDone: "Mèsi. Randevou ou konfime.",
  rescheduledDone: "Sa fèt. Randevou ou gen yon nouvo dat.",
  cancelledDone: "Randevou ou anile.",
  afterCancel: "Si w vle yon nouvo randevou, kontakte biwo a.",

  errorTitle: "Chanjman an pa t ka fèt",
  slotTaken: "Yon lòt moun fèk pran lè sa a. Tanpri, chwazi yon lòt.",
  unavailable: "Lè sa a pa disponib pou ou. Tanpri, chwazi yon lòt.",
  changedMeanwhile: "Randevou ou chanje pandan tan sa a. Gade kijan li ye kounye a.",
  formExpired: "Paj sa a te rete louvri lontan. Anyen pa chanje: eseye ankò.",
  pickATime: "Chwazi yon lè nan lis la.",
  notAllowed: "Chanjman sa a pa posib ankò.",

  notFoundTitle: "Lyen sa a pa mache",
  notFoundText: "Petèt li pa konplè oswa li twò ansyen. Verifye si w kopye tout lyen an. Si w bezwen èd, kontakte biwo ki te ba ou randevou a.",
  tooManyTitle: "Twòp eseye",
  tooManyText: (m) => `Tanpri, tann ${m} minit epi eseye ankò.`,
  serverErrorTitle: "Gen yon pwoblèm",
  serverErrorText: "Te gen yon pwoblèm bò kote nou. Anyen pa chanje. Eseye ankò nan kèk minit.",
};
