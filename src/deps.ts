// What createApp is given: everything that touches the outside world.
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";

export interface MailMessage {
  to: string;
  from?: string;
  subject: string;
  text: string;
  html?: string;
  /** iCalendar invite sent as a `text/calendar; method=…` part and an .ics attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface TextMessage {
  to: string;
  body: string;
}

export interface MessageSender {
  send(message: TextMessage): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Deps {
  database: Database;
  clock: Clock;
  mailer: Mailer | null;
  sms: MessageSender | null;
  config: Config;
  logger: Logger;
}
