// The booking queue: an office's cases that still wait for an appointment, oldest screening
// first, each with the service its track books and where today stands in its window.
import { and, asc, eq, gt, gte, lt, notExists, notInArray, or, sql } from "drizzle-orm";
import { appointments, cases, services } from "../db/schema.js";
import { LIVE_STATUSES, STATUSES, type Status } from "./lifecycle.js";
import { localDateOf } from "../slots/index.js";
import { dayNumber } from "./dates.js";
import { caseWindow } from "./slot-search.js";
import type { ServiceRow } from "./services.js";
import { getOffice } from "./offices.js";
import { decodeCursor, toPage, type Page } from "./pagination.js";
import type { CaseRow } from "./cases.js";
import type { Ctx } from "./context.js";
import { assertOffice } from "./access.js";
import { invalidField } from "./errors.js";

export const QUEUE_PAGE_SIZE = 50;

/**
 * A case leaves the queue while it holds a live appointment, and for good once one was
 * completed (it has been served). Cancelled and no-show appointments put it back.
 */
export const QUEUE_HIDING_STATUSES = [...LIVE_STATUSES, "completed"] as const;

/**
 * The other statuses, which put a case back: the query tests these, so that each case's probe
 * is one seek into (case_id, status) instead of one per hiding status (about 40% of the queue's
 * time with years of history).
 */
export const QUEUE_RETURNING_STATUSES = STATUSES.filter((s) => !(QUEUE_HIDING_STATUSES as readonly Status[]).includes(s));

export interface CaseWindow {
  firstDate: string;
  lastDate: string;
}

/** Where today (a local date) stands: days until the window opens (> 0 before it), days left in it (< 0 once it passed). */
export interface WindowStanding {
  opensIn: number;
  daysLeft: number;
}

export function windowStanding(window: CaseWindow, today: string): WindowStanding {
  const day = dayNumber(today)!;
  return { opensIn: dayNumber(window.firstDate)! - day, daysLeft: dayNumber(window.lastDate)! - day };
}

export interface QueueItem {
  caseRow: CaseRow;
  /** The service the case's track books (the first by id when an agency has several), or null when there is none. */
  service: ServiceRow | null;
  window: CaseWindow | null;
  standing: WindowStanding | null;
}

export interface QueueRequest {
  officeId: string;
  /** A reference, or the start of one. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** The cursor holds the last row's sort key, "screenedAt|id". */
function afterKey(cursor: string | undefined) {
  const after = decodeCursor(cursor);
  if (after === null) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(after);
  if (!match) throw invalidField("cursor", "is not a cursor this service gave out");
  const [, screenedAt, id] = match as unknown as [string, string, string];
  return or(gt(cases.screenedAt, screenedAt), and(eq(cases.screenedAt, screenedAt), gt(cases.id, id)));
}

/**
 * References match exactly or by prefix, as typed and in capitals (generated references are
 * capitals). A range on the unique reference index rather than LIKE, which SQLite would not
 * serve from a case-sensitive index.
 */
export function referenceMatch(q: string | undefined) {
  const text = q?.trim();
  if (!text) return undefined;
  const prefix = (p: string) => and(gte(cases.reference, p), lt(cases.reference, `${p}\uffff`));
  const upper = text.toUpperCase();
  return upper === text ? prefix(text) : or(prefix(text), prefix(upper));
}

export async function caseQueue(ctx: Ctx, req: QueueRequest): Promise<Page<QueueItem>> {
  assertOffice(ctx.actor, req.officeId);
  const office = await getOffice(ctx, req.officeId);
  const limit = req.limit ?? QUEUE_PAGE_SIZE;
  const { db } = ctx.deps.database;
  const trackService = sql`(select min(s2.id) from services s2 where s2.agency = ${cases.track})`;
  const rows = await db
    .select({ caseRow: cases, service: services })
    .from(cases)
    .leftJoin(services, eq(services.id, trackService))
    .where(
      and(
        // For a search of a few characters, the unary + keeps SQLite off the office index so that
        // it walks the (far narrower) reference range instead, checking the office per row. Shorter
        // prefixes ("C-" starts every generated reference) would range over all offices' cases.
        (req.q?.trim().length ?? 0) >= 4 ? sql`+${cases.officeId} = ${office.id}` : eq(cases.officeId, office.id),
        notExists(
          db
            .select({ one: sql`1` })
            .from(appointments)
            .where(and(eq(appointments.caseId, cases.id), notInArray(appointments.status, QUEUE_RETURNING_STATUSES))),
        ),
        referenceMatch(req.q),
        afterKey(req.cursor),
      ),
    )
    .orderBy(asc(cases.screenedAt), asc(cases.id))
    .limit(limit + 1);

  const today = localDateOf(office.timeZone, ctx.deps.clock.now());
  const page = toPage(rows, limit, (r) => `${r.caseRow.screenedAt}|${r.caseRow.id}`);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const { caseRow, service } = r;
      if (!service) return { caseRow, service: null, window: null, standing: null };
      const window = caseWindow(caseRow, service);
      return { caseRow, service, window, standing: windowStanding(window, today) };
    }),
  };
}
