// Every word the console shows staff, one object per language: a key missing in one language is
// a type error, and tests/console/strings.test.ts refuses an empty one. Text that comes from the
// data (office, service and interviewer names) and a refusal's detail from the domain stay as
// they are; the words around them are these.
import type { Status, StatusAction } from "../../../domain/lifecycle.js";
import type { WindowStanding } from "../../../domain/queue.js";

export interface ConsoleStrings {
  /** The locale that Intl formats dates and numbers in ("1 December 2026", "33.3"). */
  tag: string;
  console: string;
  languageNav: string;
  nav: { label: string; queue: string; day: string; closures: string; figures: string };
  roles: { admin: string; scheduler: string };
  signOut: string;
  backToConsole: string;
  show: string;
  office: string;

  signIn: {
    title: string;
    intro: string;
    token: string;
    submit: string;
    expired: string;
    invalid: string;
    notForRole: string;
  };

  errors: {
    notAllowed: string;
    notFound: string;
    notPossible: string;
    checkForm: string;
    refused: string;
    failedTitle: string;
    failedText: string;
    formExpired: string;
    crossSite: string;
    noOffice: string;
    /** For an admin, when the install has no office at all. */
    noOfficeYet: string;
    noSuchPage: string;
    tooLarge: string;
  };

  statusNames: Record<Status, string>;
  actions: Record<StatusAction, string>;
  /** "A-07 (REF-1) checked in." after a change from the day sheet. */
  doneOnDay: Record<StatusAction, string>;

  queue: {
    title: string;
    intro: (office: string, today: string, zone: string) => string;
    reference: string;
    referenceHint: string;
    notWaiting: (reference: string) => string;
    seeCase: string;
    noMatch: (q: string) => string;
    empty: string;
    columns: { reference: string; screened: string; service: string; window: (zone: string) => string; days: string; household: string; language: string; action: string };
    noService: (track: string) => string;
    book: string;
    firstPage: string;
    nextPage: string;
    standing: (s: WindowStanding) => string;
  };

  day: {
    title: string;
    date: string;
    previous: string;
    today: string;
    next: string;
    close: string;
    timesIn: (zone: string) => string;
    summary: (total: number, byStatus: [Status, number][]) => string;
    empty: string;
    columns: { time: string; number: string; case: string; service: string; interviewer: string; room: string; status: string; actions: string };
    slip: string;
    open: string;
    badDate: (date: string) => string;
  };

  slip: {
    title: string;
    back: string;
    print: string;
    cancelled: string;
  };

  /** Moving an appointment, from its page. */
  move: {
    inWindow: string;
    interviewer: string;
    anyInterviewer: string;
    showFreeTimes: string;
    noFreeThisWeek: string;
    previousWeek: string;
    nextWeek: string;
    weekLabel: (first: string, last: string) => string;
    outside: string;
    outsideHint: string;
    newStart: (zone: string) => string;
    reason: string;
    submit: string;
    atLimit: (count: number) => string;
    windowPassed: (first: string, last: string) => string;
    nextFree: string;
    noneFree: string;
    useOutside: string;
    /** `field` is the form's or the address's name for it: staffId or staff. */
    badStaff: (field: string, staffId: string, office: string) => string;
    badWeek: (week: string) => string;
    reasonRequired: string;
    reasonTooLong: string;
    badStart: (zone: string) => string;
    alreadyThere: string;
  };

  appointment: {
    title: (reference: string) => string;
    printSlip: string;
    daySheet: string;
    fields: {
      reference: string;
      number: string;
      status: string;
      when: string;
      service: string;
      office: string;
      interviewer: string;
      room: string;
      window: string;
      sequence: string;
      rescheduled: string;
      override: string;
    };
    windowRange: (first: string, last: string) => string;
    rescheduledTimes: (count: number, limit: number) => string;
    history: string;
    historyColumns: { when: string; who: string; what: string; before: string; after: string };
    /** History actions by name ("rescheduled"); an unknown one is shown as stored. */
    historyActions: Record<string, string>;
    reasonWord: string;
    admin: string;
    applicant: string;
    messages: string;
    messageColumns: { kind: string; channel: string; due: string; status: string; attempts: string; sent: string };
    /** Message kinds, channels and states by name; an unknown one is shown as stored. */
    messageWords: Record<string, string>;
    noMessages: string;
    cancel: string;
    cancelReason: string;
    cancelSubmit: string;
    cancelReasonRequired: string;
    done: { confirm: string; check_in: string; complete: string; no_show: string; cancelled: string; rescheduled: string };
    badAction: string;
  };

  book: {
    title: (reference: string) => string;
    anyInterviewer: string;
    bookAny: (when: string) => string;
    bookWith: (when: string, name: string) => string;
    fields: {
      reference: string;
      office: string;
      track: string;
      service: string;
      screened: string;
      window: string;
      language: string;
      household: string;
      nationality: string;
      legalStatus: string;
      contact: string;
    };
    minutes: (n: number) => string;
    extended: (days: number) => string;
    timesHint: (zone: string) => string;
    noFreeThisWeek: string;
    previousWeek: string;
    nextWeek: string;
    weekLabel: (first: string, last: string) => string;
    nextFree: string;
    noneFree: string;
    otherServices: string;
    alreadyBooked: (reference: string, service: string) => string;
    withWhom: (when: string, zone: string, name: string) => string;
    openAppointment: string;
    toMoveOrCancel: string;
    windowEnded: (last: string) => string;
    windowFull: string;
    backToQueue: string;
    nothingNew: (reference: string, service: string) => string;
    takenFirst: string;
    pickNext: string;
    noStart: string;
    badStart: (start: string) => string;
    badStaff: (staffId: string, office: string, service: string) => string;
    noServiceField: string;
  };

  closures: {
    title: string;
    closeDay: (office: string) => string;
    closeHint: string;
    date: (zone: string) => string;
    reason: string;
    submit: string;
    coming: string;
    none: string;
    columns: { when: string; reason: string; kind: string; actions: string };
    openHoliday: string;
    closed: string;
    appointments: string;
    remove: string;
    reopen: string;
    reopened: string;
    notADate: string;
    /** A field the domain refused, named as the form labels it. */
    fieldNames: Record<string, string>;
    /** A refusal of the form's field, with the domain's words for what is wrong. */
    problem: (field: string, message: string) => string;
    closedTitle: (date: string) => string;
    /** Followed by the date: "Bogotá is closed on". */
    closedOn: (office: string) => string;
    all: string;
    movedCount: (n: number) => string;
    notMoved: (n: number) => string;
    movedCaption: (zone: string) => string;
    movedColumns: { case: string; was: string; now: string; interviewer: string };
    wasStaff: (now: string, was: string) => string;
    remainingCaption: (zone: string) => string;
    remainingColumns: { time: string; case: string; interviewer: string; status: string; move: string };
    willMove: string;
    needsCall: (reason: string) => string;
    noneLeft: string;
    moveAll: string;
    moveAllHint: string;
    notClosed: (office: string, date: string) => string;
  };

  figures: {
    title: string;
    office: string;
    allOffices: string;
    service: string;
    allServices: string;
    from: string;
    to: string;
    /** The filter's fields as the form labels them, for a refusal. */
    fieldNames: Record<string, string>;
    period: (from: string, to: string, zones: string) => string;
    csv: string;
    byService: string;
    columns: {
      office: string;
      service: string;
      booked: string;
      cancelled: string;
      completed: string;
      noShows: string;
      noShowRate: string;
      daysMedian: string;
      daysP90: string;
      insideWindow: string;
      interviewer: string;
      available: string;
      utilisation: string;
    };
    nothing: string;
    shareOf: (percent: string, part: number, whole: number) => string;
    shareOfRecorded: (percent: string, part: number, whole: number) => string;
    hours: (h: string) => string;
    perWeek: string;
    utilisationTitle: string;
    utilisationCaption: string;
    allInterviewers: (office: string) => string;
    howCounted: string;
    rules: string[];
    weeks: (n: number) => string;
    noneBooked: (span: string) => string;
    chartSummary: (total: number, span: string, busiest: string, booked: number) => string;
    weekOf: string;
    weekBar: (week: string, booked: number) => string;
    asTable: string;
    /** CSV column headers (the same columns in every language; only the words change). */
    csvServices: string[];
    csvInterviewers: string[];
  };
  capacity: {
    nav: string;
    title: string;
    service: string;
    intro: (office: string, service: string, today: string, zone: string) => string;
    unknownService: (id: string) => string;
    noService: string;
    weeksCaption: string;
    columns: { week: string; free: string; starts: string; closing: string; unbookable: string; short: string };
    weekOf: (monday: string) => string;
    hours: (h: string) => string;
    shortIn: (hours: string, language: string) => string;
    nothingShort: string;
    waiting: (n: number) => string;
    later: (n: number) => string;
    unbookableTitle: string;
    unbookableCaption: (zone: string) => string;
    unbookableColumns: { case: string; language: string; window: string; earliest: string; action: string };
    noEarliest: string;
    allBookable: string;
    book: string;
    howCounted: string;
    rules: string[];
  };

  /** The office set-up pages: the list, the office's form, its rooms, holidays and eligibility rules. */
  offices: {
    nav: string;
    title: string;
    newTitle: string;
    editTitle: (office: string) => string;
    add: string;
    none: string;
    columns: { name: string; id: string; country: string; timeZone: string; address: string };
    /** The form's sections. */
    details: string;
    hours: string;
    contact: string;
    settings: string;
    /** Labels of the form's fields, by the API's name for them; also what a refusal names. */
    fields: Record<string, string>;
    weekdays: { MO: string; TU: string; WE: string; TH: string; FR: string; SA: string; SU: string };
    hints: { id: string; country: string; timeZone: string; hours: string; phone: string; email: string; reminderHours: string; quietHours: string };
    hoursFormat: string;
    notANumber: string;
    create: string;
    save: string;
    created: string;
    saved: string;
    adminOnly: string;
    problem: (field: string, message: string) => string;
    checkFields: (n: number) => string;
    subnav: { label: string; details: string; rooms: string; holidays: string; eligibility: string };
    rooms: {
      title: (office: string) => string;
      intro: string;
      none: string;
      add: string;
      submit: string;
      added: (room: string) => string;
    };
    holidays: {
      title: (office: string) => string;
      intro: (country: string, months: number) => string;
      unknownCountry: (country: string) => string;
      none: string;
      columns: { date: string; name: string; state: string; action: string };
      closed: string;
      open: (reason: string) => string;
      reason: string;
      keepOpen: string;
      closeAgain: string;
      keptOpen: (date: string) => string;
      closedAgain: string;
    };
    eligibility: {
      title: (office: string) => string;
      intro: string;
      noRules: string;
      hints: { nationalities: string; legalStatuses: string; minAge: string };
      preview: string;
      save: string;
      previewResult: (refused: string, current: string) => string;
      saved: string;
    };
  };

  /** The service set-up pages: the list and the service's form. */
  services: {
    nav: string;
    title: string;
    newTitle: string;
    editTitle: (service: string) => string;
    add: string;
    none: string;
    columns: { name: string; agency: string; duration: string; buffer: string; window: string; step: string; notice: string; cap: string };
    fields: Record<string, string>;
    hints: { id: string; minutes: string; window: string; notice: string; cap: string };
    minutes: (n: string) => string;
    hours: (n: string) => string;
    days: (min: string, max: string) => string;
    noCap: string;
    create: string;
    save: string;
    created: string;
    saved: string;
    adminOnly: string;
  };

  cases: CasesStrings;
  staff: StaffStrings;

  /** The ways to sign in: the organisation's identity provider, an email link, a token as the fallback. */
  signInWays: {
    withProvider: string;
    providerIntro: string;
    email: string;
    emailIntro: string;
    sendLink: string;
    emailInvalid: string;
    linkSentTitle: string;
    linkSent: string;
    tokenFallback: string;
    linkTitle: string;
    linkIntro: string;
    linkSubmit: string;
    refusedTitle: string;
    linkInvalid: string;
    linkUsed: string;
    linkExpired: string;
    linkOtherBrowser: string;
    accountDisabled: string;
    providerRefused: string;
    providerState: string;
    providerUnchecked: string;
    emailUnverified: string;
    noAccount: string;
    askAgain: string;
    signedInTitle: string;
    signedIn: (name: string) => string;
    continue: string;
  };

  /** The users pages (admin only): list, invite, a user's role, offices, sessions and tokens. */
  users: {
    nav: string;
    title: string;
    adminOnly: string;
    name: string;
    email: string;
    role: string;
    offices: string;
    status: string;
    enabled: string;
    disabled: string;
    roleNames: { admin: string; scheduler: string; interviewer: string };
    none: string;
    invite: string;
    inviteIntro: string;
    inviteSubmit: string;
    invited: (email: string) => string;
    emailTaken: string;
    edit: string;
    save: string;
    saved: string;
    disable: string;
    enable: string;
    disableNote: string;
    sessions: string;
    noSessions: string;
    opened: string;
    lastUsed: string;
    how: string;
    methods: { oidc: string; email: string; token: string };
    revoke: string;
    revokeAll: string;
    sessionGone: string;
    tokens: string;
    noTokens: string;
    tokenName: string;
    created: string;
    never: string;
    newToken: string;
    tokenShownOnce: (name: string) => string;
    fields: Record<"name" | "email" | "role" | "officeIds" | "staffId", string>;
    back: string;
  };
}

/** The cases pages: search, register, and one case (contact, window extension). */
export interface CasesStrings {
  nav: string;
  searchTitle: string;
  search: string;
  searchHint: string;
  prompt: string;
  noMatch: (q: string) => string;
  /** The search shows at most this many; say so when it is full. */
  more: (n: number) => string;
  register: string;
  columns: { reference: string; name: string; office: string; service: string; window: string };
  noService: string;
  newTitle: string;
  title: (reference: string) => string;
  /** Form labels, keyed by the API's field path ("contact.email"). */
  fieldNames: Record<string, string>;
  trackChoice: Record<"UNHCR" | "IOM", string>;
  codeHint: string;
  phoneHint: string;
  referenceHint: string;
  submit: string;
  problem: (field: string, message: string) => string;
  notEligible: string;
  created: string;
  details: string;
  contact: string;
  contactHint: string;
  saveContact: string;
  contactSaved: string;
  windowTitle: string;
  windowNow: (first: string, last: string, extension: number) => string;
  extendHint: string;
  extendSubmit: string;
  extended: (days: number) => string;
  book: string;
  none: string;
}

/** The interviewers pages: list, new, and one interviewer (details, week grid, preview, time off). */
export interface StaffStrings {
  nav: string;
  listTitle: string;
  add: string;
  empty: string;
  columns: { name: string; zone: string; offices: string; services: string; languages: string };
  newTitle: string;
  title: (name: string) => string;
  fieldNames: Record<string, string>;
  languagesHint: string;
  idHint: string;
  create: string;
  saveDetails: string;
  detailsSaved: string;
  problem: (field: string, message: string) => string;
  day: string;
  weekdays: string[];
  hoursTitle: (office: string) => string;
  hoursHint: (zone: string) => string;
  bothZones: (member: string, office: string) => string;
  range: (n: number) => string;
  from: string;
  to: string;
  atOffice: (zone: string) => string;
  notTheirs: string;
  preview: string;
  save: string;
  saved: string;
  previewTitle: string;
  previewIntro: string;
  previewColumns: { week: string; office: string; freeHours: string; starts: string };
  startsOf: (service: string, n: number) => string;
  stranded: (n: number) => string;
  strandedColumns: { time: string; case: string; service: string };
  moveAll: string;
  moveHint: string;
  moved: (n: number) => string;
  notMoved: (n: number) => string;
  dated: string;
  datedHint: string;
  noDated: string;
  addDated: string;
  date: string;
  remove: string;
  timeOff: string;
  timeOffHint: (zone: string) => string;
  noTimeOff: string;
  addTimeOff: string;
  timeOffAdded: string;
  removed: string;
}
