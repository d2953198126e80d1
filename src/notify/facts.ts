// What a message says is read at send time from the appointment as it is now, with its case
// (language, contact) and office (name, address, zone, mailbox).
import { eq } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { appointments, cases, offices } from "../db/schema.js";
import type { AppointmentRow } from "../domain/booking/read.js";
import type { CaseRow } from "../domain/cases.js";
import type { OfficeRow } from "../domain/offices.js";
import { selfServiceUrl } from "../domain/links.js";
import { localDateTimeWords, type Language } from "../i18n/dates.js";
import { languageOf, type Facts } from "./texts.js";

export interface Loaded {
  appointment: AppointmentRow;
  caseRow: CaseRow;
  office: OfficeRow;
}

/**
 * One SELECT, so the link (the appointment's link version) and the address it goes to (the
 * case's contact) come from one consistent state: a link re-issued after a contact correction
 * can never be read together with the contact it replaced.
 */
export async function loadAppointment(deps: Deps, id: string): Promise<Loaded | null> {
  const [row] = await deps.database.db
    .select({ appointment: appointments, caseRow: cases, office: offices })
    .from(appointments)
    .innerJoin(cases, eq(cases.id, appointments.caseId))
    .innerJoin(offices, eq(offices.id, appointments.officeId))
    .where(eq(appointments.id, id))
    .limit(1);
  return row ?? null;
}

/** Where a message goes: the case's contact as it is at send time, not as it was when queued. */
export const recipientFor = ({ caseRow }: Loaded, channel: string): string | null => (channel === "email" ? caseRow.contactEmail : caseRow.contactPhone);

export const languageFor = (loaded: Loaded): Language => languageOf(loaded.caseRow.language);

/** The words that fill every template; a cancelled appointment gets no link to act on. */
export async function factsFor(deps: Deps, { appointment, office, caseRow }: Loaded): Promise<Facts> {
  return {
    office: office.name,
    address: office.address,
    when: localDateTimeWords(appointment.startAt, office.timeZone, languageOf(caseRow.language)),
    link: appointment.status === "cancelled" ? null : await selfServiceUrl(deps, appointment),
    phone: office.phone,
  };
}

/** The office's mailbox, or the service's own sender when the office has none. */
export const officeMailbox = (deps: Deps, office: OfficeRow) => office.email ?? deps.config.mailFrom;
