// Builders for slot queries and readable assertions on their answers.
import type { AvailabilityRule, Interval, Slot, SlotQuery, StaffInput, Weekday } from "../../src/slots/types.js";
import { formatLocalIso } from "../../src/slots/zone.js";

export const WEEKDAYS: Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

/** An instant from an ISO string with an explicit offset (never the host's zone). */
export const at = (iso: string): number => {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`give an offset: ${iso}`);
  return Date.parse(iso);
};

export const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

export function rule(rrule: string, start: string, end: string, timeZone: string, extra: Partial<AvailabilityRule> = {}): AvailabilityRule {
  return { rrule, start, end, timeZone, ...extra };
}

export function person(id: string, rules: AvailabilityRule[], extra: Partial<StaffInput> = {}): StaffInput {
  return { id, rules, appointments: [], timeOff: [], ...extra };
}

/** A Bogotá office open Mon–Fri 08:00–17:00, a 60-minute service on a 30-minute grid. */
export function query(from: string, to: string, extra: Partial<SlotQuery> = {}): SlotQuery {
  const base: SlotQuery = {
    from: at(from),
    to: at(to),
    office: {
      timeZone: "America/Bogota",
      hours: [{ days: WEEKDAYS, start: "08:00", end: "17:00" }],
      closedDates: new Set(),
      closedIntervals: [],
    },
    service: { durationMinutes: 60, bufferMinutes: 0, slotStepMinutes: 30, dailyCapPerOffice: null, needsRoom: false },
    staff: [person("ana", [rule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "08:00", "17:00", "America/Bogota")])],
    rooms: [],
    dayCounts: new Map(),
    notBefore: at(from),
    window: null,
  };
  return { ...base, ...extra };
}

export const office = (q: SlotQuery, patch: Partial<SlotQuery["office"]>): SlotQuery["office"] => ({ ...q.office, ...patch });
export const service = (q: SlotQuery, patch: Partial<SlotQuery["service"]>): SlotQuery["service"] => ({ ...q.service, ...patch });

/** Slot starts as local ISO strings in `zone`. */
export const starts = (slots: Slot[], zone = "America/Bogota"): string[] => slots.map((s) => formatLocalIso(s.start, zone));

/** "HH:MM" of each start, local to `zone`. */
export const times = (slots: Slot[], zone = "America/Bogota"): string[] => starts(slots, zone).map((s) => s.slice(11, 16));

/** Half-hour wall times from `first` to `last` inclusive. */
export function halfHours(first: string, last: string): string[] {
  const toMin = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const out: string[] = [];
  for (let m = toMin(first); m <= toMin(last); m += 30) out.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  return out;
}
