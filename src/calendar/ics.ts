// iCalendar text through the `ics` package, with what it gets wrong fixed around it:
// - it folds at 75 characters, not octets: its output is unfolded and folded again by octets;
// - it escapes a `"` in CN="…" as \" (not valid RFC 5545): names go in RFC 6868 caret-encoded;
// - it reads array dates in the host's zone and stamps DTSTAMP with Date.now(): every time is
//   given as epoch milliseconds marked UTC, and DTSTAMP comes from the injected clock;
// - it cannot write TZID/VTIMEZONE: all times are UTC (…Z), which every client converts.
// Its TEXT escaping (\\ \; \, \n) is right and is kept; raw CR and control characters are removed
// before it sees them.
import { createEvents, type EventAttributes } from "ics";
import { paramText, plainText, refold } from "./fold.js";

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export interface Person {
  name: string;
  email: string;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** Epoch milliseconds (UTC), as every instant in Cita. */
  start: number;
  end: number;
  summary: string;
  description?: string;
  location?: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  organizer?: Person;
  attendees?: Person[];
}

export const PRODUCT_ID = "-//Cita//Appointments//EN";

/** iCalendar times have whole seconds (and the package refuses fractions a running clock can give). */
const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;

const utc = { startInputType: "utc", startOutputType: "utc", endInputType: "utc", endOutputType: "utc" } as const;

function attributes(event: CalendarEvent, stamp: number): EventAttributes {
  return {
    uid: event.uid,
    sequence: event.sequence,
    start: seconds(event.start),
    end: seconds(event.end),
    ...utc,
    // Not in the package's types, but read by its writer; without it DTSTAMP would be Date.now().
    ...({ timestamp: seconds(stamp) } as object),
    title: plainText(event.summary),
    description: event.description === undefined ? undefined : plainText(event.description),
    location: event.location === undefined ? undefined : plainText(event.location),
    status: event.status,
    organizer: event.organizer && { name: paramText(event.organizer.name), email: event.organizer.email },
    attendees: event.attendees?.map((a) => ({ name: paramText(a.name), email: a.email, role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION", rsvp: false })),
  };
}

/** A VCALENDAR with one METHOD and the given events, CRLF lines folded at 75 octets. */
export function writeCalendar(input: { method: CalendarMethod; stamp: number; name?: string; events: CalendarEvent[] }): string {
  const header = { productId: PRODUCT_ID, method: input.method, ...(input.name ? { calName: plainText(input.name).replace(/\n/g, " ") } : {}) };
  const { error, value } = createEvents(
    input.events.map((e) => attributes(e, input.stamp)),
    header,
  );
  if (error || value === null) throw new Error(`calendar could not be written: ${error?.message ?? "no output"}`);
  return refold(value);
}
