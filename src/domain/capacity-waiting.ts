// The waiting cases the capacity page places: the queue's rule for one office and service,
// read in one query with only the columns capacity uses.
import { and, asc, eq, min, notExists, notInArray, sql } from "drizzle-orm";
import { appointments, cases, services } from "../db/schema.js";
import { parseIsoDate } from "../slots/calendar.js";
import { QUEUE_RETURNING_STATUSES } from "./queue.js";
import type { ServiceRow } from "./services.js";
import type { Ctx } from "./context.js";

/** A waiting case as capacity needs it: who, and its window as local day numbers. */
export interface WaitingCase {
  id: string;
  reference: string;
  language: string;
  first: number;
  last: number;
}

/**
 * Every waiting case of the office whose track books this service (the first service of its
 * agency by id, as in the queue), oldest screening first: the queue's rule in one query down
 * the (office, screened_at, id) index, reading only the columns used, instead of walking the
 * queue's pages with every column of every case. Windows are day numbers: no date strings.
 */
export async function waitingCases(ctx: Ctx, officeId: string, service: ServiceRow): Promise<WaitingCase[]> {
  const { db } = ctx.deps.database;
  const [first] = await db
    .select({ id: min(services.id) })
    .from(services)
    .where(eq(services.agency, service.agency));
  if (first?.id !== service.id) return [];
  const rows = await db
    .select({ id: cases.id, reference: cases.reference, language: cases.language, screenedAt: cases.screenedAt, extension: cases.windowExtensionDays })
    .from(cases)
    .where(
      and(
        eq(cases.officeId, officeId),
        eq(cases.track, service.agency),
        notExists(
          db
            .select({ one: sql`1` })
            .from(appointments)
            .where(and(eq(appointments.caseId, cases.id), notInArray(appointments.status, QUEUE_RETURNING_STATUSES))),
        ),
      ),
    )
    .orderBy(asc(cases.screenedAt), asc(cases.id));
  return rows.map((r) => {
    const screened = parseIsoDate(r.screenedAt)!;
    return { id: r.id, reference: r.reference, language: r.language, first: screened + service.windowMinDays, last: screened + service.windowMaxDays + r.extension };
  });
}
