// Email through an HTTP mail API (Resend's JSON shape: POST {base}/emails with a bearer key),
// for runtimes without SMTP, such as Workers. The invite travels as an .ics attachment whose
// content type carries the iTIP method, which mail clients read as an invitation.
import type { Config } from "../config.js";
import type { Mailer, Receipt } from "../deps.js";
import { callProvider, providerId } from "./provider.js";

export interface MailApiOptions {
  url: string;
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
}

const base64 = (text: string) => {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
};

export function mailApiSender(options: MailApiOptions): Mailer {
  const endpoint = `${options.url.replace(/\/+$/, "")}/emails`;
  return {
    async send(message): Promise<Receipt> {
      const from = message.from ?? options.from;
      const body = {
        from: message.fromName ? `${message.fromName.replace(/["<>]/g, "")} <${from}>` : from,
        to: [message.to],
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.id ? { headers: { "Message-ID": `<${message.id}@cita>` } } : {}),
        ...(message.calendar
          ? {
              attachments: [{ filename: "invite.ics", content: base64(message.calendar.content), content_type: `text/calendar; charset=utf-8; method=${message.calendar.method}` }],
            }
          : {}),
      };
      const text = await callProvider("Mail API", options.fetch ?? fetch, endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return providerId(text, "id");
    },
  };
}

/** CITA_MAIL_API_URL with CITA_MAIL_API_KEY, or null (mail then stays in the outbox). */
export function mailApiFromConfig(config: Config): Mailer | null {
  if (!config.mailApiUrl || !config.mailApiKey) return null;
  return mailApiSender({ url: config.mailApiUrl, apiKey: config.mailApiKey, from: config.mailFrom });
}
