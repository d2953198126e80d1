import type { Strings } from "./types.js";

const hours = (h: number) => (h === 1 ? "1 hour" : `${h} hours`);

export const en: Strings = {
  languageNav: "Language",

  appointmentTitle: "Your appointment",
  statusLabel: "Status",
  statusNames: {
    scheduled: "Scheduled",
    confirmed: "Confirmed",
    checked_in: "Checked in",
    completed: "Done",
    no_show: "Missed",
    cancelled: "Cancelled",
  },
  when: "When",
  lasts: (m) => `Lasts ${m < 60 ? `${m} minutes` : m % 60 === 0 ? hours(m / 60) : `${hours(Math.floor(m / 60))} ${m % 60} minutes`}.`,
  where: "Where",
  officePhone: "Office phone",
  contactTitle: "How to contact the office",
  officeEmail: "Office email",
  officeAddress: "Address",
  bringTitle: "What to bring",
  bring: ["Identity documents for everyone in your household.", "This message or this link, on your phone or on paper.", "Any papers the office asked you to bring."],
  free: "The appointment is free. No one may charge you money for it.",

  confirm: "Confirm I will come",
  change: "Change the date",
  cancel: "Cancel the appointment",
  addToCalendar: "Add to my calendar",
  back: "Back to my appointment",
  changesLeft: (n) => (n === 1 ? "You can change the date 1 more time." : `You can change the date ${n} more times.`),
  noMoreChanges: "You can no longer change the date here. If you need to, call the office.",
  tooLateToChange: "Less than 24 hours to go: the date can no longer be changed here. If you cannot come, call the office.",
  passed: "The time of this appointment has passed.",

  cancelTitle: "Cancel your appointment?",
  cancelWarning: "If you cancel, someone else can take this time. For a new appointment you will need to contact the office.",
  cancelYes: "Yes, cancel my appointment",
  cancelNo: "No, keep my appointment",

  slotsTitle: "Choose a new date",
  currentTime: "Your appointment now",
  week: (first, last) => `From ${first} to ${last}`,
  previousWeek: "Previous week",
  nextWeek: "Next week",
  noTimesThisWeek: "No free times this week.",
  noTimesAtAll: "There are no other free times for now. If you need to change the date, call the office.",
  chooseTime: "Choose a time",
  saveTime: "Change to this time",

  confirmedDone: "Thank you. Your appointment is confirmed.",
  rescheduledDone: "Done. Your appointment has a new date.",
  cancelledDone: "Your appointment has been cancelled.",
  afterCancel: "If you want a new appointment, contact the office.",

  errorTitle: "The change could not be made",
  slotTaken: "Someone else just took that time. Please choose another.",
  unavailable: "That time is not available for you. Please choose another.",
  changedMeanwhile: "Your appointment changed in the meantime. Please check how it is now.",
  formExpired: "This page was open for a long time. Nothing was changed: please try again.",
  pickATime: "Choose a time from the list.",
  notAllowed: "This change is no longer possible.",

  notFoundTitle: "This link does not work",
  notFoundText: "It may be incomplete or out of date. Check that you copied the whole link. If you need help, contact the office that gave you the appointment.",
  tooManyTitle: "Too many attempts",
  tooManyText: (m) => (m === 1 ? "Please wait 1 minute and try again." : `Please wait ${m} minutes and try again.`),
  serverErrorTitle: "Something went wrong",
  serverErrorText: "There was a problem on our side. Nothing was changed. Please try again in a few minutes.",
};
