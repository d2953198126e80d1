// The outbox as staff see it: what was (or will be) sent for an appointment, and how it went.
import { and, asc, eq, gt } from "drizzle-orm";
import type { Ctx } from "../http/context.js";
import { forbidden } from "../http/problem.js";
import { notifications } from "../db/schema.js";
import { getAppointment } from "./booking/read.js";
import { pageBy } from "./pagination.js";

export type NotificationRow = typeof notifications.$inferSelect;

export async function listNotifications(ctx: Ctx, limit: number, cursor: string | undefined, f: { appointmentId?: string; status?: string }) {
  if (f.appointmentId) await getAppointment(ctx, f.appointmentId);
  else if (ctx.actor.role !== "admin") throw forbidden("Name an appointmentId to see its notifications.");
  return pageBy(limit, cursor, (after, take) =>
    ctx.deps.database.db.select().from(notifications)
      .where(and(
        f.appointmentId ? eq(notifications.appointmentId, f.appointmentId) : undefined,
        f.status ? eq(notifications.status, f.status) : undefined,
        after ? gt(notifications.id, after) : undefined,
      ))
      .orderBy(asc(notifications.id)).limit(take),
  );
}
