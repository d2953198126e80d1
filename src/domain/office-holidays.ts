// An office's public holidays for the coming months, and which of them it keeps open. date-holidays
// is stale for some programme countries, so staff see its list and decide: keeping one open writes
// an `open` closure entry (the API's `open: true`), which the slot engine honours over the holiday.
import { and, eq, gte, lte } from "drizzle-orm";
import { closures } from "../db/schema.js";
import { addDays } from "./dates.js";
import { createClosure, deleteClosure, getOffice } from "./offices.js";
import { closuresOn } from "./closure-moves.js";
import { isKnownHolidayCountry, localDateOf, publicHolidays } from "../slots/index.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";
import { invalidField } from "./errors.js";

export interface OfficeHoliday {
  date: string;
  name: string;
  /** The `open` closure entry that keeps the office working on it, or null when it is closed. */
  openEntry: { id: string; reason: string } | null;
}

/** The public holidays of the office's country from today (office time) for `days` days. */
export async function officeHolidays(ctx: Ctx, officeId: string, days: number, lang: string): Promise<OfficeHoliday[]> {
  assertOffice(ctx.actor, officeId);
  const office = await getOffice(ctx, officeId);
  if (!isKnownHolidayCountry(office.country)) return [];
  const from = localDateOf(office.timeZone, ctx.deps.clock.now());
  const to = addDays(from, days - 1);
  const entries = await ctx.deps.database.db
    .select()
    .from(closures)
    .where(and(eq(closures.officeId, officeId), eq(closures.open, true), gte(closures.date, from), lte(closures.date, to)));
  return publicHolidays(office.country, from, to, lang).map((h) => {
    const open = entries.find((e) => e.date === h.date);
    return { ...h, openEntry: open ? { id: open.id, reason: open.reason } : null };
  });
}

/** Keeps a public holiday open; a date already kept open stays as it is (a form sent twice makes one entry). */
export async function keepHolidayOpen(ctx: Ctx, officeId: string, date: string, reason: string): Promise<void> {
  assertOffice(ctx.actor, officeId);
  const office = await getOffice(ctx, officeId);
  const known = isKnownHolidayCountry(office.country) && publicHolidays(office.country, date, date, "en").length > 0;
  if (!known) throw invalidField("date", `is not a public holiday in ${office.country}`);
  if ((await closuresOn(ctx, officeId, date)).some((c) => c.open)) return;
  await createClosure(ctx, officeId, { date, reason, open: true });
}

/** Closes a kept-open holiday again: removes its `open` entry. */
export async function closeHolidayAgain(ctx: Ctx, officeId: string, entryId: string): Promise<void> {
  await deleteClosure(ctx, officeId, entryId);
}
