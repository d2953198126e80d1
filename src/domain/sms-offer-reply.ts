// The reply code of an earlier-time offer (`3`): accepts the latest offer texted to the number,
// as the Accept button of the offer's page does. The answer says the new time, or that it is gone.
import { and, desc, eq } from "drizzle-orm";
import { cases, freedTimes, notifications, offers, offices } from "../db/schema.js";
import { localDateTimeWords } from "../i18n/dates.js";
import { offerTexts } from "../notify/offer-texts.js";
import { chooseSms } from "../notify/segments.js";
import { languageOf } from "../notify/texts.js";
import { acceptOffer } from "./offers-accept.js";
import type { Deps } from "../deps.js";

export type OfferAction = "offer_accepted" | "offer_gone";

/** Null when no offer was texted to this number (or the case no longer has it): the code then means nothing special. */
export async function answerOffer(deps: Deps, phone: string): Promise<{ action: OfferAction; appointmentId?: string; answer: string | null } | null> {
  const { db } = deps.database;
  const [last] = await db
    .select({ offerId: notifications.appointmentId })
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.channel, "sms"), eq(notifications.status, "sent"), eq(notifications.kind, "offer")))
    .orderBy(desc(notifications.sentAt), desc(notifications.id))
    .limit(1);
  if (!last) return null;
  const [row] = await db
    .select({ caseRow: cases, office: offices, startAt: freedTimes.startAt })
    .from(offers)
    .innerJoin(cases, eq(cases.id, offers.caseId))
    .innerJoin(offices, eq(offices.id, offers.officeId))
    .innerJoin(freedTimes, eq(freedTimes.id, offers.freedTimeId))
    .where(eq(offers.id, last.offerId));
  if (!row || row.caseRow.contactPhone !== phone) return null;
  const result = await acceptOffer(deps, last.offerId);
  const language = languageOf(row.caseRow.language);
  const words = offerTexts[language];
  // After STOP not even an answer goes to the number; the reply still acts.
  const say = (text: string) => (row.caseRow.smsStoppedAt === null ? chooseSms([text]).body : null);
  if (result.outcome === "accepted") {
    const when = localDateTimeWords(row.startAt, row.office.timeZone, language);
    return { action: "offer_accepted", appointmentId: result.appointmentId, answer: say(words.taken({ when, office: row.office.name })) };
  }
  return { action: "offer_gone", answer: say(words.gone) };
}
