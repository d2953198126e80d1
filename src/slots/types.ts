// Plain data in and out of the slot engine. Instants are epoch milliseconds (UTC);
// wall-clock values are "HH:MM" strings and local dates "YYYY-MM-DD" in a named IANA zone.

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";

/** Half-open interval [start, end) in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Weekly opening hours of an office, in the office's zone. */
export interface OfficeHours {
  days: Weekday[];
  start: string; // "08:00"
  end: string; // "17:00", after start, "24:00" allowed
}

/** A staff availability rule: an RRULE (no DTSTART/TZID) expanded in floating wall time. */
export interface AvailabilityRule {
  rrule: string; // "FREQ=WEEKLY;BYDAY=MO,WE"
  start: string; // "09:00" local wall time in timeZone
  end: string; // "13:00"
  timeZone: string;
  validFrom?: string | null; // local date, inclusive; also the anchor for INTERVAL > 1
  validUntil?: string | null; // local date, inclusive
}

export interface StaffInput {
  id: string;
  rules: AvailabilityRule[];
  /** Appointments of this staff member, each already extended by its own buffer: [start, end + buffer). */
  appointments: Interval[];
  /** Time off and any other busy time. */
  timeOff: Interval[];
}

export interface RoomInput {
  id: string;
  /** Appointments holding the room, each [start, end + buffer). */
  busy: Interval[];
}

export interface SlotQuery {
  /** The requested range [from, to). */
  from: number;
  to: number;
  office: {
    timeZone: string;
    hours: OfficeHours[];
    /** Local dates (office zone) on which the office is closed all day (closures and holidays, already resolved). */
    closedDates: ReadonlySet<string>;
    /** Closures given as instants. */
    closedIntervals: Interval[];
  };
  service: {
    durationMinutes: number;
    bufferMinutes: number;
    slotStepMinutes: number;
    dailyCapPerOffice?: number | null;
    needsRoom: boolean;
  };
  /** Staff already filtered to those qualified (service, office, language). */
  staff: StaffInput[];
  /** Rooms of the office; consulted only when service.needsRoom. */
  rooms: RoomInput[];
  /** Live appointments of this service at this office per local date (office zone), for the daily cap. */
  dayCounts: ReadonlyMap<string, number>;
  /** No slot may start before this instant (now + minimum notice). */
  notBefore: number;
  /** With a case: local dates (office zone), both inclusive. */
  window?: { firstDate: string; lastDate: string } | null;
}

export interface Slot {
  start: number;
  end: number;
  /** Free qualified staff, least booked minutes in the slot's local week (office zone) first, then by id. */
  staffIds: string[];
  /** Free rooms (by id) when the service needs a room, else []. */
  roomIds: string[];
}
