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

export async function loadAppointment(deps: Deps, id: string): Promise<Loaded | null> {
  const { db } = deps.database;
  const [appointment] = await db.select().from(appointments).where(eq(appointments.id, id)).limit(1);
  if (!appointment) return null;
  const [[caseRow], [office]] = await Promise.all([
    db.select().from(cases).where(eq(cases.id, appointment.caseId)).limit(1),
    db.select().from(offices).where(eq(offices.id, appointment.officeId)).limit(1),
  ]);
  if (!caseRow || !office) return null;
  return { appointment, caseRow, office };
}

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
