// Offices, services and where an interviewer works change only through configuration writes,
// and every such write bumps the configuration counter (versions.ts). The booking path reads
// them once per counter value per process instead of once per request: each read is a SQLite
// read transaction of its own, and a booking needed four of them.
import { eq, sql } from "drizzle-orm";
import { prepared } from "../db/prepared.js";
import { staff } from "../db/schema.js";
import { getOffice, type OfficeRow } from "./offices.js";
import { getService, type ServiceRow } from "./services.js";
import { versionedCache } from "./versioned-cache.js";
import { versionsOf } from "./versions.js";
import type { Ctx } from "./context.js";

// Within one request a row stays as first read: the answer to a booking gives it in the zone it
// was placed in, without waiting another turn for the counters.
const readInRequest = new WeakMap<Ctx, Map<string, unknown>>();

/**
 * The counter is read before the row, so a cached row is never older than the version it is
 * kept under. Rows are shared between requests: callers must not change them.
 */
async function asOf<T>(ctx: Ctx, name: string, id: string, config: string | undefined, read: () => Promise<T>): Promise<T> {
  const key = `${name}\n${id}`;
  let mine = readInRequest.get(ctx);
  if (mine?.has(key)) return mine.get(key) as T;
  const version = config ?? (await versionsOf(ctx, "")).config;
  const cache = versionedCache<T>(ctx.deps, name);
  const row = cache.get(id, version) ?? cache.set(id, version, await read());
  if (!mine) readInRequest.set(ctx, (mine = new Map()));
  mine.set(key, row);
  return row;
}

/** The office as of configuration version `config` (read now when not given); 404 when absent. */
export const officeAsOf = (ctx: Ctx, id: string, config?: string): Promise<OfficeRow> => asOf(ctx, "office", id, config, () => getOffice(ctx, id));

export const serviceAsOf = (ctx: Ctx, id: string, config?: string): Promise<ServiceRow> => asOf(ctx, "service", id, config, () => getService(ctx, id));

export interface StaffPlaces {
  officeIds: string[];
  serviceIds: string[];
}

/** The offices and services of a staff member, or null for an unknown id. */
export const staffPlacesAsOf = (ctx: Ctx, id: string, config?: string): Promise<StaffPlaces | null> =>
  asOf(ctx, "staffPlaces", id, config, async () => {
    const byId = prepared(ctx.deps.database, "staffPlaces", (db) =>
      db
        .select({ officeIds: staff.officeIds, serviceIds: staff.serviceIds })
        .from(staff)
        .where(eq(staff.id, sql.placeholder("id")))
        .limit(1)
        .prepare(),
    );
    const [member] = await byId.all({ id });
    return member ?? null;
  });
