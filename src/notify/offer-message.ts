// An offer's message, decided at send time like every outbox row: nothing goes for an offer that
// is no longer open, and the address is the case's contact as it is now.
import type { Deps, Receipt } from "../deps.js";
import { removedContact, type Channel } from "../domain/notifications.js";
import { offerUrl } from "../domain/offers-link.js";
import { loadOffer } from "../domain/offers-read.js";
import { localDateTimeWords } from "../i18n/dates.js";
import { permanentFailure } from "./errors.js";
import { officeMailbox } from "./facts.js";
import { renderOfferEmail, renderOfferSms, type OfferFacts } from "./offer-texts.js";
import { E164 } from "./sms.js";
import { languageOf } from "./texts.js";
import type { OutboxRow } from "./lease.js";

export type OfferPlan = { skip: string } | { to: string; send: () => Promise<Receipt | void>; segments?: number };

/** The offer row's `appointment_id` holds the offer's id (docs/offers.md). */
export async function planOffer(deps: Deps, row: OutboxRow): Promise<OfferPlan> {
  const loaded = await loadOffer(deps, row.appointmentId);
  if (!loaded) return { skip: "the offer no longer exists" };
  const { offer, freed, caseRow, office } = loaded;
  if (offer.status !== "open" || offer.expiresAt <= deps.clock.now()) return { skip: `the offer is ${offer.status === "open" ? "expired" : offer.status}` };
  const to = row.channel === "email" ? caseRow.contactEmail : caseRow.contactPhone;
  if (to === null) return { skip: removedContact(row.channel as Channel) };
  if (row.channel === "sms" && caseRow.smsStoppedAt !== null) return { skip: "the number asked for no more text messages (STOP)" };
  const language = languageOf(caseRow.language);
  const facts: OfferFacts = {
    office: office.name,
    when: localDateTimeWords(freed.startAt, office.timeZone, language),
    until: localDateTimeWords(offer.expiresAt, office.timeZone, language),
    link: await offerUrl(deps, offer.id),
  };
  if (row.channel === "email") {
    const body = renderOfferEmail(language, facts);
    const from = officeMailbox(deps, office);
    return { to, send: () => deps.mailer!.send({ id: row.id, to, from, fromName: office.name, ...body }) };
  }
  if (!E164.test(to)) throw permanentFailure("the recipient is not an E.164 phone number");
  const sms = renderOfferSms(language, facts);
  return { to, send: () => deps.sms!.send({ id: row.id, to, body: sms.body }), segments: sms.count.segments };
}
