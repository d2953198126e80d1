// Time an interviewer's schedule change opens (hours gained, time off removed) is freed time too.
// The change's own batch records it, so a refused or failed change records nothing; the offers
// sweep then offers it like a cancelled appointment's time (docs/offers.md).
import { and, eq, sql } from "drizzle-orm";
import { freedTimes, offers } from "../db/schema.js";
import { statement, type Statement } from "../db/database.js";
import { newId } from "../lib/ids.js";
import { findSlots, type AvailabilityRule, type Interval, type SlotQuery } from "../slots/index.js";
import { DAY_MS } from "./dates.js";
import { getOffice } from "./offices.js";
import { getService } from "./services.js";
import { loadResources } from "./slot-resources.js";
import type { Ctx } from "./context.js";

/** Opened time further ahead than this is left to ordinary booking: it is not offered. */
export const OPENED_HORIZON_DAYS = 14;

export interface ScheduleChange {
  /** The member's rules per office after the change; offices not in the map keep theirs. */
  rules?: Map<string, AvailabilityRule[]>;
  /** The time off taken away. */
  removedTimeOff?: Interval;
  /** What the freed times' `source` names: `hours` or `time-off`. */
  kind: "hours" | "time-off";
}

/** The query with the member's rules and time off as they will be after the change. */
function changed(q: SlotQuery, officeId: string, change: ScheduleChange): SlotQuery {
  return {
    ...q,
    staff: q.staff.map((member) => {
      const rules = change.rules?.get(officeId) ?? member.rules;
      const removed = change.removedTimeOff;
      const at = removed ? member.timeOff.findIndex((i) => i.start === removed.start && i.end === removed.end) : -1;
      const timeOff = at < 0 ? member.timeOff : member.timeOff.filter((_, i) => i !== at);
      return { ...member, rules, timeOff };
    }),
  };
}

/** The first start of each stretch of starts that were not free before and are now. */
function firstOpenedStarts(before: SlotQuery, after: SlotQuery): { start: number; end: number }[] {
  const wasFree = new Set(findSlots(before).map((s) => s.start));
  const stepMs = before.service.slotStepMinutes * 60_000;
  const firsts: { start: number; end: number }[] = [];
  let lastOpened: number | null = null;
  for (const slot of findSlots(after)) {
    const opened = !wasFree.has(slot.start);
    if (opened && (lastOpened === null || slot.start - lastOpened > stepMs)) firsts.push({ start: slot.start, end: slot.end });
    lastOpened = opened ? slot.start : null;
  }
  return firsts;
}

/**
 * The statements recording the time a change to the member's schedule opens: per office and
 * service the member serves, the first free start of each newly opened stretch, from the
 * service's notice to OPENED_HORIZON_DAYS ahead (not for a first schedule at an office). A
 * round of the same time that made no offer (it found nobody) is closed and replaced, so the sweep
 * looks for cases again; one that made offers is kept, so a case that declined is not asked again.
 */
export async function openedTimeStatements(ctx: Ctx, member: { id: string; officeIds: string[]; serviceIds: string[] }, change: ScheduleChange): Promise<Statement[]> {
  const { db } = ctx.deps.database;
  const now = ctx.deps.clock.now();
  const officeIds = change.rules ? member.officeIds.filter((o) => change.rules!.has(o)) : member.officeIds;
  const statements: Statement[] = [];
  // One round per start: a start opened for two services is recorded for the first.
  const recorded = new Set<number>();
  for (const officeId of officeIds) {
    const office = await getOffice(ctx, officeId);
    for (const serviceId of member.serviceIds) {
      const service = await getService(ctx, serviceId);
      const from = now + service.minNoticeHours * 3_600_000;
      const to = now + OPENED_HORIZON_DAYS * DAY_MS;
      const removed = change.removedTimeOff;
      if (from >= to || (removed && (removed.end <= from || removed.start >= to))) continue;
      const before = await loadResources(ctx, office, service, { from, to, staffId: member.id });
      // A first schedule at an office is set-up, not hours gained: cases booked around it would be
      // offered times that were open when they booked.
      if (before.staff.length === 0 || (change.rules && before.staff.every((m) => m.rules.length === 0))) continue;
      before.notBefore = from;
      for (const { start, end } of firstOpenedStarts(before, changed(before, officeId, change))) {
        if (recorded.has(start)) continue;
        recorded.add(start);
        const id = newId("frd", now);
        const offered = db.select({ id: offers.id }).from(offers).where(eq(offers.freedTimeId, freedTimes.id));
        statements.push(
          statement(
            db
              .update(freedTimes)
              .set({ status: "closed" })
              .where(and(eq(freedTimes.staffId, member.id), eq(freedTimes.startAt, start), eq(freedTimes.status, "open"), sql`NOT EXISTS ${offered}`)),
          ),
          statement(
            db
              .insert(freedTimes)
              .values({ id, officeId, serviceId, staffId: member.id, startAt: start, endAt: end, source: `${change.kind}:${id}`, fromCaseId: null, status: "open", createdAt: now })
              .onConflictDoNothing(),
          ),
        );
      }
    }
  }
  return statements;
}
