// Email through SMTP with nodemailer (Node only; built by src/server.ts). An invite travels as
// iMIP: a `text/calendar; method=…` alternative beside the text and HTML bodies, and the same
// .ics as an attachment (nodemailer's icalEvent writes both).
import nodemailer from "nodemailer";
import type { Mailer, Receipt } from "../deps.js";
import { permanentFailure, redact, transientFailure } from "./errors.js";

export interface SmtpOptions {
  /** CITA_SMTP_URL, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.org */
  url: string;
  /** Connection, greeting and socket timeouts: well under the dispatcher's lease. */
  timeoutMs?: number;
}

/** SMTP 5xx replies are final (unknown mailbox, refused sender); 4xx and network errors are not. */
function classify(error: unknown) {
  const e = error as { responseCode?: number; message?: string; code?: string };
  const message = `SMTP: ${redact(e?.message ?? String(error))}`;
  return typeof e?.responseCode === "number" && e.responseCode >= 500 ? permanentFailure(message) : transientFailure(message);
}

export function smtpMailer(options: SmtpOptions): Mailer & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message): Promise<Receipt> {
      try {
        const info = await transport.sendMail({
          messageId: message.id ? `<${message.id}@cita>` : undefined,
          from: message.from ? { name: message.fromName ?? "", address: message.from } : undefined,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          icalEvent: message.calendar && { method: message.calendar.method, content: message.calendar.content, filename: "invite.ics" },
        });
        return { providerId: info.messageId };
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transport.close(),
  };
}
