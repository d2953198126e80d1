// Sends due outbox rows. At least once overall: a row stays pending until a provider accepted it,
// and a crash leaves its lease to expire and the row to be taken again. At most once per lease:
// a row is sent only by the dispatcher holding it, sends time out well inside the lease, and the
// result is written only while the lease is still held. Failures back off exponentially; after
// `maxAttempts`, or at once when retrying cannot help, the row is `failed` with its `lastError`.
import type { Deps, Receipt } from "../deps.js";
import { appointmentInvite } from "./invite.js";
import { describe, isPermanent, permanentFailure } from "./errors.js";
import { outOfQuietHours } from "../domain/booking/outbox.js";
import { removedContact, type Channel } from "../domain/notifications.js";
import { factsFor, languageFor, loadAppointment, officeMailbox, recipientFor, type Loaded } from "./facts.js";
import { heldMail, leaseDue, markFailed, markSent, scheduleRetry, supersededBy, type Leased } from "./lease.js";
import { renderEmail, renderSms } from "./render.js";
import { E164 } from "./sms.js";
import type { Kind } from "./texts.js";
import { isMovable } from "../domain/lifecycle.js";
import { isStaffMail, staffMessage } from "./staff-mail.js";
import { planOffer } from "./offer-message.js";

export interface DispatchOptions {
  limit?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** The first retry waits this long, each next one twice as long, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export const DISPATCH_DEFAULTS: Required<DispatchOptions> = { limit: 20, leaseMs: 5 * 60_000, maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000 };

export type Outcome = "sent" | "retried" | "failed" | "skipped" | "lost";
export type DispatchReport = Record<Outcome | "leased" | "held", number>;

/** Delay before the next try after `attempt` tries: 1, 2, 4, 8 … minutes, capped. */
export const backoff = (attempt: number, o: Pick<Required<DispatchOptions>, "baseDelayMs" | "maxDelayMs">) => Math.min(o.baseDelayMs * 2 ** Math.max(0, attempt - 1), o.maxDelayMs);

type Plan = { skip: string } | { to: string; send: () => Promise<Receipt | void>; segments?: number };

/** What to do with a row, decided on the appointment (or, for staff mail, the link) as it is now. */
async function plan(deps: Deps, row: Leased, loaded: Loaded | null): Promise<Plan> {
  if (isStaffMail(row.kind)) {
    const message = await staffMessage(deps, row);
    return "skip" in message ? message : { to: message.to, send: () => deps.mailer!.send(message) };
  }
  if (row.kind === "offer") return planOffer(deps, row);
  if (!loaded) return { skip: "the appointment no longer exists" };
  const { appointment, office } = loaded;
  if (appointment.status === "cancelled" && row.kind !== "cancel") return { skip: "the appointment was cancelled" };
  if (row.kind === "reminder" && !isMovable(appointment.status)) return { skip: `the appointment is ${appointment.status}` };
  if (deps.clock.now() >= appointment.startAt) return { skip: "the appointment has already started" };
  if (row.kind !== "reminder") {
    const later = await supersededBy(deps, row);
    if (later !== null) return { skip: `superseded by the message for sequence ${later}` };
  }
  // The row's `to` is where it was addressed; a contact corrected since then wins.
  const to = recipientFor(loaded, row.channel);
  if (to === null) return { skip: removedContact(row.channel as Channel) };
  // The number answered STOP (see POST /sms/inbound): carriers require silence until START.
  if (row.channel === "sms" && loaded.caseRow.smsStoppedAt !== null) return { skip: "the number asked for no more text messages (STOP)" };
  const facts = await factsFor(deps, loaded);
  const language = languageFor(loaded);
  const kind = row.kind as Kind;
  if (row.channel === "email") {
    const body = renderEmail(language, kind, facts);
    const invite = kind === "reminder" ? null : await appointmentInvite(deps, loaded, facts);
    const from = officeMailbox(deps, office);
    return {
      to,
      send: () => deps.mailer!.send({ id: row.id, to, from, fromName: office.name, ...body, ...(invite ? { calendar: { method: invite.method, content: invite.content } } : {}) }),
    };
  }
  if (!E164.test(to)) throw permanentFailure("the recipient is not an E.164 phone number");
  const sms = renderSms(language, kind, facts);
  return { to, send: () => deps.sms!.send({ id: row.id, to, body: sms.body }), segments: sms.count.segments };
}

async function handle(deps: Deps, row: Leased, o: Required<DispatchOptions>): Promise<Outcome> {
  const fields = { id: row.id, appointmentId: row.appointmentId, channel: row.channel, kind: row.kind, attempt: row.attempts };
  let receipt: Receipt | void;
  let segments: number | undefined;
  let to!: string;
  let loaded: Loaded | null = null;
  try {
    // Staff mail and offers name no appointment: a staff member, an offer (src/notify/offer-message.ts).
    loaded = isStaffMail(row.kind) || row.kind === "offer" ? null : await loadAppointment(deps, row.appointmentId);
    const next = await plan(deps, row, loaded);
    if ("skip" in next) {
      deps.logger.info("notification skipped", { ...fields, reason: next.skip });
      return (await markFailed(deps, row, `skipped: ${next.skip}`)) ? "skipped" : "lost";
    }
    // A lease that ran out meanwhile may be another dispatcher's now: leave the row to it.
    if (deps.clock.now() >= row.leaseUntil) return "lost";
    segments = next.segments;
    to = next.to;
    receipt = await next.send();
  } catch (error) {
    const message = describe(error);
    if (isPermanent(error) || row.attempts >= o.maxAttempts) {
      deps.logger.error("notification failed", { ...fields, error: message });
      return (await markFailed(deps, row, message)) ? "failed" : "lost";
    }
    let at = deps.clock.now() + backoff(row.attempts, o);
    // A retry keeps out of the office's quiet hours as the first try did: reminders on both
    // channels, every text message.
    if ((row.kind === "reminder" || row.channel === "sms") && loaded) at = outOfQuietHours(at, loaded.office.timeZone, loaded.office.settings) ?? at;
    deps.logger.info("notification will be retried", { ...fields, error: message, retryAt: at });
    return (await scheduleRetry(deps, row, at, message)) ? "retried" : "lost";
  }
  // Outside the try: a failure to record the success must not schedule a second send.
  const marked = await markSent(deps, row, to, deps.clock.now());
  if (marked) deps.logger.info("notification sent", { ...fields, ...(segments ? { segments } : {}), ...(receipt?.providerId ? { providerId: receipt.providerId } : {}) });
  else deps.logger.error("notification sent after its lease ran out", fields);
  return marked ? "sent" : "lost";
}

/** Without CITA_SMTP_URL mail stays in the outbox; each waiting row is logged once per process. */
async function logHeldMail(deps: Deps, now: number, limit: number): Promise<number> {
  const seen = deps.state.heldMailLogged;
  if (seen.size > 10_000) seen.clear();
  const rows = await heldMail(deps, now, limit);
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    deps.logger.info("mail held in the outbox: CITA_SMTP_URL is not set", { id: r.id, appointmentId: r.appointmentId, kind: r.kind });
  }
  return rows.length;
}

export async function dispatchDue(deps: Deps, options: DispatchOptions = {}): Promise<DispatchReport> {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  const now = deps.clock.now();
  const report: DispatchReport = { leased: 0, held: 0, sent: 0, retried: 0, failed: 0, skipped: 0, lost: 0 };
  if (!deps.mailer) report.held = await logHeldMail(deps, now, o.limit);
  const channels = [...(deps.mailer ? ["email"] : []), ...(deps.sms ? ["sms"] : [])];
  const rows = await leaseDue(deps, { now, channels, limit: o.limit, leaseMs: o.leaseMs });
  report.leased = rows.length;
  // Concurrently, so the whole batch finishes within one send timeout, well inside the lease.
  for (const outcome of await Promise.all(rows.map((row) => handle(deps, row, o)))) report[outcome]++;
  return report;
}
