// POST /sms/inbound: the SMS provider's webhook for text messages sent to our number (Twilio's
// Messages webhook: form-encoded From, To, Body, MessageSid …). Outside /v1: the provider has
// no bearer token; its X-Twilio-Signature, made with our auth token, is the credential, checked
// before anything else is read. Answers TwiML: one message back, or an empty <Response/>.
import { z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { App } from "../../http/context.js";
import { problemResponse, zodProblem } from "../../http/errors.js";
import { smsAuthToken } from "../../notify/senders.js";
import { answerText } from "../../domain/sms-replies.js";
import { DomainError } from "../../domain/errors.js";
import { isTwilioSignature } from "./signature.js";
import { documentInbound } from "./document.js";

export const INBOUND_PATH = "/sms/inbound";

export const InboundForm = z.object({
  MessageSid: z
    .string()
    .min(1, "is required")
    .max(64)
    .regex(/^[\x21-\x7e]+$/, "must be the provider's message id"),
  From: z.string().min(1, "is required").max(32),
  Body: z.string().max(1600),
});

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export const twiml = (message: string | null) =>
  `<?xml version="1.0" encoding="UTF-8"?>${message === null ? "<Response/>" : `<Response><Message>${escapeXml(message)}</Message></Response>`}`;

const isForm = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded";

export function registerSmsReplies(app: App) {
  documentInbound(app, INBOUND_PATH, InboundForm);
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new DomainError("payload-too-large", "Request bodies are limited to 64 KB.");
    },
  });
  app.post(INBOUND_PATH, limit, async (c) => {
    const { deps } = c.var;
    const form = isForm(c.req.header("content-type"));
    const params = form ? [...new URLSearchParams(await c.req.text())] : [];
    // The URL the provider was given: our public address, whatever proxy stands in between.
    const url = deps.config.publicUrl + INBOUND_PATH + new URL(c.req.url).search;
    const token = smsAuthToken(deps.config);
    if (!token) deps.logger.error("inbound text refused: CITA_SMS_AUTH_TOKEN is not set");
    if (!token || !(await isTwilioSignature(token, url, params, c.req.header("x-twilio-signature")))) {
      return problemResponse(c, new DomainError("forbidden", "The X-Twilio-Signature header is missing or does not match this request."));
    }
    if (!form) return problemResponse(c, new DomainError("unsupported-media-type", "The body must be application/x-www-form-urlencoded."));
    const parsed = InboundForm.safeParse(Object.fromEntries(params));
    if (!parsed.success) throw zodProblem(parsed.error);
    const { MessageSid, From, Body } = parsed.data;
    const { action, answer } = await answerText(deps, { messageSid: MessageSid, from: From, body: Body });
    // Ids and what was done only: never the number or the words.
    deps.logger.info("text reply answered", { requestId: c.var.requestId, messageSid: MessageSid, action, answered: answer !== null });
    return c.body(twiml(answer), 200, { "content-type": "text/xml; charset=utf-8" });
  });
}
