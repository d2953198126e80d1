// Text messages through a Twilio-compatible Messages API: a form-encoded POST to
// {base}/2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth, answered 201 with
// { sid, status }. Uses global fetch and btoa, so it runs on Node and Workers alike.
import type { MessageSender, Receipt } from "../deps.js";
import { permanentFailure } from "./errors.js";
import { callProvider, providerId } from "./provider.js";

export interface TwilioOptions {
  /** CITA_SMS_URL: the API's base URL, or the full Messages.json URL. */
  url: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Well under the dispatcher's lease, so a slow provider cannot outlive the lease. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const E164 = /^\+[1-9]\d{6,14}$/;

export function messagesUrl(base: string, accountSid: string): string {
  const url = new URL(base);
  url.username = "";
  url.password = "";
  if (/\/Messages\.json$/.test(url.pathname)) return url.toString();
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  return url.toString();
}

export function twilioSender(options: TwilioOptions): MessageSender {
  const endpoint = messagesUrl(options.url, options.accountSid);
  const authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
  return {
    async send({ to, body }): Promise<Receipt> {
      if (!E164.test(to)) throw permanentFailure("the recipient is not an E.164 phone number");
      const text = await callProvider(
        "SMS provider",
        options.fetch ?? fetch,
        endpoint,
        {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: new URLSearchParams({ To: to, From: options.from, Body: body }).toString(),
        },
        options.timeoutMs,
      );
      return providerId(text, "sid");
    },
  };
}
