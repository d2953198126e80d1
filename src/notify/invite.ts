// An appointment as an iTIP (RFC 5546) invite: METHOD:REQUEST while it stands (first invite and
// every change), METHOD:CANCEL with STATUS:CANCELLED once cancelled; one UID for its whole life
// and SEQUENCE = the appointment's sequence, so calendar clients replace the earlier version.
// Composed here, beside the texts it words; src/calendar only writes the iCalendar text.
import type { Deps } from "../deps.js";
import { factsFor, languageFor, officeMailbox, type Loaded } from "./facts.js";
import { texts, type Facts } from "./texts.js";
import type { Language } from "../i18n/dates.js";
import { writeCalendar, type CalendarEvent } from "../calendar/ics.js";

export type InviteMethod = "REQUEST" | "CANCEL";

export interface Invite {
  method: InviteMethod;
  content: string;
  filename: string;
}

export const inviteMethod = (status: string): InviteMethod => (status === "cancelled" ? "CANCEL" : "REQUEST");

/** The DESCRIPTION: when (in words, office time), where, and the personal link. */
export function inviteDescription(language: Language, facts: Facts, cancelled: boolean): string {
  const w = texts[language];
  const lines = [cancelled ? w.lead.cancel(facts) : w.lead.invite(facts), `${w.whenLabel}${w.colon}${facts.when} (${w.officeTime})`, `${w.whereLabel}${w.colon}${facts.address}`];
  if (cancelled) lines.push(w.newAppointment(facts));
  else if (facts.link) lines.push(`${w.manage}${w.colon}${facts.link}`, w.private);
  return lines.join("\n");
}

export function inviteEvent(deps: Deps, loaded: Loaded, facts: Facts): CalendarEvent {
  const { appointment, office, caseRow } = loaded;
  const language = languageFor(loaded);
  const cancelled = appointment.status === "cancelled";
  return {
    uid: appointment.uid,
    sequence: appointment.sequence,
    start: appointment.startAt,
    end: appointment.endAt,
    summary: texts[language].summary(facts),
    description: inviteDescription(language, facts, cancelled),
    location: `${office.name}, ${office.address}`,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: { name: office.name, email: officeMailbox(deps, office) },
    // Cases hold no personal name, so the attendee is named by the address itself.
    attendees: caseRow.contactEmail ? [{ name: caseRow.contactEmail, email: caseRow.contactEmail }] : [],
  };
}

/** The invite for the appointment's current state, DTSTAMP from the injected clock. */
export async function appointmentInvite(deps: Deps, loaded: Loaded, facts?: Facts): Promise<Invite> {
  const method = inviteMethod(loaded.appointment.status);
  const event = inviteEvent(deps, loaded, facts ?? (await factsFor(deps, loaded)));
  return { method, content: writeCalendar({ method, stamp: deps.clock.now(), events: [event] }), filename: "invite.ics" };
}
