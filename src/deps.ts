// What createApp is given: everything that touches the outside world.
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { ProcessState } from "./process-state.js";

export interface MailMessage {
  /** The outbox row's id: becomes the Message-ID, so a repeated delivery can be recognised. */
  id?: string;
  to: string;
  from?: string;
  fromName?: string;
  subject: string;
  text: string;
  html?: string;
  /** iCalendar invite sent as a `text/calendar; method=…` part and an .ics attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

/** What a provider said when it accepted a message (its own id, for tracing). */
export interface Receipt {
  providerId?: string;
}

/**
 * Senders resolve when the provider accepted the message and reject otherwise; an error with
 * `permanent: true` (see src/notify/errors.ts) means retrying cannot help.
 */
export interface Mailer {
  send(message: MailMessage): Promise<Receipt | void>;
}

export interface TextMessage {
  /** The outbox row's id, for logs; not sent to the provider. */
  id?: string;
  to: string;
  body: string;
}

export interface MessageSender {
  send(message: TextMessage): Promise<Receipt | void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** HMAC-SHA256 under one key: the MAC of a message, synchronously where the platform can. */
export type Mac = (message: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;

/** Prepares the Mac of a raw key, once per key. */
export type HmacSha256 = (key: Uint8Array<ArrayBuffer>) => Promise<Mac>;

export interface Deps {
  database: Database;
  clock: Clock;
  mailer: Mailer | null;
  sms: MessageSender | null;
  config: Config;
  logger: Logger;
  /** What this process keeps between requests: caches, rate limits, keys (src/process-state.ts). */
  state: ProcessState;
  /**
   * Signs applicant links. WebCrypto when absent, as on Workers; the Node server passes
   * node:crypto's (src/lib/hmac.node.ts), which signs without the thread pool and promises.
   */
  hmac?: HmacSha256;
}
