// Answers by text message: a reply from an applicant's phone, matched to the appointment of the
// latest text sent to that number. `1` confirms; `2` asks to cancel and a second `2` within
// CANCEL_CONFIRM_MS cancels, through the same transitions as the applicant's link; carrier stop
// and start words switch text messages off and on for the number; anything else gets help.
// One row per provider MessageSid makes a repeated delivery change nothing and answer the same.
import { and, desc, eq, ne } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { cases, notifications, smsReplies } from "../db/schema.js";
import { factsFor, languageFor, loadAppointment, type Loaded } from "../notify/facts.js";
import { renderReply, type Answer } from "../notify/reply-texts.js";
import { applicantCtx } from "./applicant/link.js";
import { applicantOptions } from "./applicant/rules.js";
import { cancel, changeStatus } from "./booking/transitions.js";
import { DomainError } from "./errors.js";
import { answerOffer, type OfferAction } from "./sms-offer-reply.js";
import { ACCEPT_CODE } from "../notify/offer-texts.js";

/** The carrier keywords (CTIA, and what Twilio honours): matched on the whole reply. */
export const STOP_WORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];
export const START_WORDS = ["START", "YES", "UNSTOP"];
/** How long a first `2` waits for the second one that cancels. */
export const CANCEL_CONFIRM_MS = 30 * 60_000;
export const SMS_CANCEL_REASON = "Cancelled by the applicant by text message";

export interface InboundText {
  messageSid: string;
  from: string;
  body: string;
}

type Action = "confirm" | "cancel_asked" | "cancel" | "help" | "stop" | "start" | "ignored" | OfferAction;
interface Outcome {
  action: Action;
  appointmentId?: string;
  sequence?: number;
  answer: string | null;
}

/** "  stop. " → "STOP": carriers match the whole message, whatever its case and trailing marks. */
export const keywordOf = (body: string) =>
  body
    .trim()
    .replace(/[.!¡?¿]+$/u, "")
    .trim()
    .toUpperCase();

/** The appointment of the latest text message sent to this number, if the case still has it. */
async function appointmentTexted(deps: Deps, phone: string): Promise<Loaded | null> {
  const [last] = await deps.database.db
    .select({ appointmentId: notifications.appointmentId })
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.channel, "sms"), eq(notifications.status, "sent"), ne(notifications.kind, "offer")))
    .orderBy(desc(notifications.sentAt), desc(notifications.id))
    .limit(1);
  const loaded = last ? await loadAppointment(deps, last.appointmentId) : null;
  // A number corrected away from the case is no longer the applicant's.
  return loaded && loaded.caseRow.contactPhone === phone ? loaded : null;
}

/** Stop and start apply to the number: every case that has it as its phone. */
async function setStopped(deps: Deps, phone: string, at: number | null): Promise<void> {
  await deps.database.db.update(cases).set({ smsStoppedAt: at }).where(eq(cases.contactPhone, phone));
}

/** Was the reply just before this one, for the same appointment as it is now, a first `2`? */
async function cancelWasAsked(deps: Deps, messageSid: string, loaded: Loaded): Promise<boolean> {
  const { appointment } = loaded;
  const [before] = await deps.database.db
    .select()
    .from(smsReplies)
    .where(and(eq(smsReplies.appointmentId, appointment.id), ne(smsReplies.messageSid, messageSid)))
    .orderBy(desc(smsReplies.receivedAt))
    .limit(1);
  return before?.action === "cancel_asked" && before.sequence === appointment.sequence && deps.clock.now() - before.receivedAt <= CANCEL_CONFIRM_MS;
}

/** Acts on the appointment as it is now; a change someone made first turns the reply into help. */
async function act(deps: Deps, text: InboundText, loaded: Loaded, word: string): Promise<Outcome> {
  const { appointment, office } = loaded;
  const options = applicantOptions(appointment, office, deps.clock.now());
  const ctx = applicantCtx(deps, appointment.id);
  let action: Action = "help";
  let answer: Answer = options.canCancel ? "help" : "closed";
  try {
    if (word === "1" && appointment.status === "confirmed" && !options.passed) [action, answer] = ["confirm", "confirmed"];
    else if (word === "1" && options.canConfirm) {
      await changeStatus(ctx, appointment.id, "confirm");
      [action, answer] = ["confirm", "confirmed"];
    } else if (word === "2" && options.canCancel && (await cancelWasAsked(deps, text.messageSid, loaded))) {
      await cancel(ctx, appointment.id, SMS_CANCEL_REASON);
      [action, answer] = ["cancel", "cancelled"];
    } else if (word === "2" && options.canCancel) [action, answer] = ["cancel_asked", "askCancel"];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Someone else changed it first: answer with the appointment as it now is.
    const now = (await loadAppointment(deps, appointment.id)) ?? loaded;
    return answerWith(deps, now, "help", applicantOptions(now.appointment, office, deps.clock.now()).canCancel ? "help" : "closed");
  }
  return answerWith(deps, action === "cancel" || action === "confirm" ? ((await loadAppointment(deps, appointment.id)) ?? loaded) : loaded, action, answer);
}

async function answerWith(deps: Deps, loaded: Loaded, action: Action, answer: Answer): Promise<Outcome> {
  const { appointment, caseRow } = loaded;
  // After STOP not even an answer goes to the number; the reply still acts.
  const text = caseRow.smsStoppedAt === null ? renderReply(languageFor(loaded), answer, await factsFor(deps, loaded)) : null;
  return { action, appointmentId: appointment.id, sequence: appointment.sequence, answer: text };
}

async function decide(deps: Deps, text: InboundText): Promise<Outcome> {
  const word = keywordOf(text.body);
  if (STOP_WORDS.includes(word)) return setStopped(deps, text.from, deps.clock.now()).then(() => ({ action: "stop", answer: null }));
  if (START_WORDS.includes(word)) return setStopped(deps, text.from, null).then(() => ({ action: "start", answer: null }));
  // The offer's code answers the latest offer texted to the number, if there is one.
  const offer = word === ACCEPT_CODE ? await answerOffer(deps, text.from) : null;
  if (offer) return offer;
  const loaded = await appointmentTexted(deps, text.from);
  // An unknown number learns nothing, not even whether it is one.
  if (!loaded) return { action: "ignored", answer: null };
  return act(deps, text, loaded, word);
}

/**
 * What the reply did and the answer to send back (null: an empty answer). The MessageSid is
 * claimed first, so two deliveries of one message racing each other act once; a repeated one
 * answers what the first did ("repeated").
 */
export async function answerText(deps: Deps, text: InboundText): Promise<{ action: Action | "repeated"; answer: string | null }> {
  const { db } = deps.database;
  const claimed = await db
    .insert(smsReplies)
    .values({ messageSid: text.messageSid, action: "pending", receivedAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ messageSid: smsReplies.messageSid });
  if (claimed.length === 0) {
    const [seen] = await db.select({ answer: smsReplies.answer }).from(smsReplies).where(eq(smsReplies.messageSid, text.messageSid));
    return { action: "repeated", answer: seen?.answer ?? null };
  }
  let outcome: Outcome;
  try {
    outcome = await decide(deps, text);
  } catch (error) {
    // Nothing was decided: free the MessageSid so the provider's next delivery is acted on.
    await db.delete(smsReplies).where(eq(smsReplies.messageSid, text.messageSid));
    throw error;
  }
  await db
    .update(smsReplies)
    .set({ action: outcome.action, appointmentId: outcome.appointmentId ?? null, sequence: outcome.sequence ?? null, answer: outcome.answer })
    .where(eq(smsReplies.messageSid, text.messageSid));
  return { action: outcome.action, answer: outcome.answer };
}
