import { createRoute, z } from "@hono/zod-openapi";
import { ctxOf, type App } from "../../http/context.js";
import { allow } from "../../http/auth.js";
import { listNotifications, type NotificationRow } from "../../domain/notifications.js";
import { errorResponses, isoUtc, json, listOf, PageQuery } from "../common.js";

const Notification = z
  .object({
    id: z.string(),
    appointmentId: z
      .string()
      .openapi({ description: "The appointment the message is about; for kind `offer`, the offer's id (an earlier-time offer may go to a case that has no appointment yet)" }),
    channel: z.enum(["email", "sms"]),
    kind: z.enum(["invite", "update", "cancel", "reminder", "offer"]),
    to: z.string().openapi({ description: "Pending: the case's current contact (a corrected contact re-addresses what waits). Sent: where it went" }),
    status: z.enum(["pending", "sent", "failed"]),
    attempts: z.number(),
    sendAfter: z.string().openapi({ description: "Text messages and reminders are placed outside the office's quiet hours" }),
    sentAt: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: "Why it failed; 'skipped: …' when it was not sent on purpose (cancelled, superseded, contact removed …)" }),
  })
  .openapi("Notification");

const Query = PageQuery.extend({
  appointmentId: z.string().max(100).optional(),
  status: z.enum(["pending", "sent", "failed"]).optional(),
});

const view = (n: NotificationRow) => ({
  id: n.id,
  appointmentId: n.appointmentId,
  channel: n.channel as "email" | "sms",
  kind: n.kind as "invite" | "update" | "cancel" | "reminder" | "offer",
  to: n.to,
  status: n.status as "pending" | "sent" | "failed",
  attempts: n.attempts,
  sendAfter: isoUtc(n.sendAfter),
  sentAt: n.sentAt === null ? null : isoUtc(n.sentAt),
  lastError: n.lastError,
});

export function registerNotifications(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/notifications",
      tags: ["notifications"],
      summary: "The outbox: invites, updates, cancellations and reminders",
      description: "Admins, and schedulers for appointments of their offices; anyone but an admin must name an `appointmentId` (403 otherwise).",
      middleware: [allow("admin", "scheduler")],
      request: { query: Query },
      responses: { 200: json(listOf(Notification)), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const page = await listNotifications(ctxOf(c), limit, cursor, filter);
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor }, 200);
    },
  );
}
