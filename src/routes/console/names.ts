// What the desk calls the things an office's appointments point to.
import { findCase } from "../../domain/cases.js";
import { listRooms } from "../../domain/offices.js";
import { getService } from "../../domain/services.js";
import { listStaff } from "../../domain/staff.js";
import { inArray } from "drizzle-orm";
import { users } from "../../db/schema.js";
import type { Ctx } from "../../domain/context.js";

export interface DeskNames {
  reference: (caseId: string) => string;
  service: (serviceId: string) => string;
  interviewer: (staffId: string) => string;
  room: (roomId: string | null) => string;
}

/**
 * The names for a page about these appointments of an office, read once each; an id stands in
 * when a name is gone. The caller has already checked the office.
 */
export async function deskNames(ctx: Ctx, officeId: string, rows: { caseId: string; serviceId?: string }[]): Promise<DeskNames> {
  const unique = <T>(xs: (T | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== undefined))];
  const [cases, services, staff, rooms] = await Promise.all([
    Promise.all(unique(rows.map((r) => r.caseId)).map((id) => findCase(ctx, id))),
    Promise.all(unique(rows.map((r) => r.serviceId)).map((id) => getService(ctx, id))),
    listStaff(ctx, 200, undefined, officeId),
    listRooms(ctx, officeId, 200),
  ]);
  const named = (pairs: { id: string; name: string }[]) => new Map(pairs.map((p) => [p.id, p.name]));
  const references = new Map(cases.map((c) => [c.id, c.reference]));
  const serviceNames = named(services);
  const staffNames = named(staff.items);
  const roomNames = named(rooms.items);
  return {
    reference: (id) => references.get(id) ?? id,
    service: (id) => serviceNames.get(id) ?? id,
    interviewer: (id) => staffNames.get(id) ?? id,
    room: (id) => (id === null ? "—" : (roomNames.get(id) ?? id)),
  };
}

/** History names its actors "user:<id>"; the desk reads the person's name instead. */
export async function actorNames(ctx: Ctx, actors: string[], words: { admin: string; applicant: string }): Promise<(actor: string) => string> {
  const ids = [...new Set(actors.filter((a) => a.startsWith("user:")).map((a) => a.slice(5)))];
  const rows = ids.length === 0 ? [] : await ctx.deps.database.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  const names = new Map(rows.map((r) => [`user:${r.id}`, r.name]));
  return (actor) => names.get(actor) ?? (actor === "admin-token" ? words.admin : actor === "applicant" ? words.applicant : actor);
}
