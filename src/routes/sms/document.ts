// The webhook in /openapi.json. It is served by a plain handler (the signature must be checked
// before the body is validated), so its description is registered here by hand.
import type { z } from "@hono/zod-openapi";
import type { App } from "../../http/context.js";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

export function documentInbound(app: App, path: string, form: z.ZodType) {
  app.openAPIRegistry.registerPath({
    method: "post",
    path,
    tags: ["sms"],
    summary: "Replies by text message (the SMS provider's inbound webhook)",
    description: [
      "Called by the SMS provider (Twilio's Messages webhook), not by people: no bearer token; `X-Twilio-Signature` must be the base64 HMAC-SHA1,",
      "keyed with `CITA_SMS_AUTH_TOKEN`, of `CITA_PUBLIC_URL` + this path followed by every form field sorted by name as name+value;",
      "missing or wrong: 403 and nothing changes. The reply is matched to the appointment of the latest text sent to `From`.",
      "`1` confirms; `2` asks to cancel and a second `2` within 30 minutes cancels; STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT stop text messages",
      "to the number, START, YES, UNSTOP resume them; anything else gets a short help text. An unknown number, and a number that said STOP, get an empty `<Response/>`.",
      "A second delivery of the same `MessageSid` changes nothing and gets the same answer.",
    ].join(" "),
    security: [],
    request: { body: { required: true, content: { "application/x-www-form-urlencoded": { schema: form } } } },
    responses: {
      200: { description: "TwiML: `<Response><Message>…</Message></Response>`, or `<Response/>`", content: { "text/xml": { schema: { type: "string" } } } },
      403: problem("X-Twilio-Signature missing or wrong, or no auth token configured"),
      413: problem("Body over 64 KB"),
      415: problem("Not form-encoded"),
      422: problem("A field is missing or malformed (`errors[].path` names it)"),
    },
  });
}
