// Every word the applicant pages show, one object per language. Pages never name the programme,
// the agencies or the kind of case: an applicant's phone is often shared.
import type { Status } from "../../domain/lifecycle.js";

export type { Status };

export interface Strings {
  languageNav: string;

  appointmentTitle: string;
  statusLabel: string;
  statusNames: Record<Status, string>;
  when: string;
  lasts: (minutes: number) => string;
  where: string;
  officePhone: string;
  /** The heading of the office's contact details, on every page of a link. */
  contactTitle: string;
  officeEmail: string;
  officeAddress: string;
  bringTitle: string;
  /** What to bring, the same for every appointment: nothing here may hint at the kind of case. */
  bring: readonly string[];
  free: string;

  confirm: string;
  change: string;
  cancel: string;
  addToCalendar: string;
  back: string;
  changesLeft: (n: number) => string;
  noMoreChanges: string;
  tooLateToChange: string;
  passed: string;

  cancelTitle: string;
  cancelWarning: string;
  cancelYes: string;
  cancelNo: string;

  slotsTitle: string;
  currentTime: string;
  week: (first: string, last: string) => string;
  previousWeek: string;
  nextWeek: string;
  noTimesThisWeek: string;
  noTimesAtAll: string;
  chooseTime: string;
  saveTime: string;

  confirmedDone: string;
  rescheduledDone: string;
  cancelledDone: string;
  afterCancel: string;

  errorTitle: string;
  slotTaken: string;
  unavailable: string;
  changedMeanwhile: string;
  formExpired: string;
  pickATime: string;
  notAllowed: string;

  notFoundTitle: string;
  notFoundText: string;
  tooManyTitle: string;
  tooManyText: (minutes: number) => string;
  serverErrorTitle: string;
  serverErrorText: string;
}
