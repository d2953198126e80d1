// Which offices the signed-in person may work with: every office for an admin, their own for a
// scheduler. Pages pick one with ?office=, defaulting to the first.
import { inArray } from "drizzle-orm";
import { offices } from "../../db/schema.js";
import { getOffice, type OfficeRow } from "../../domain/offices.js";
import type { Ctx } from "../../domain/context.js";
import { assertOffice } from "../../domain/access.js";
import { DomainError } from "../../domain/errors.js";

export async function myOffices(ctx: Ctx): Promise<OfficeRow[]> {
  const { db } = ctx.deps.database;
  if (ctx.actor.role === "admin") return db.select().from(offices).orderBy(offices.name).limit(500);
  if (ctx.actor.officeIds.length === 0) return [];
  return db.select().from(offices).where(inArray(offices.id, ctx.actor.officeIds)).orderBy(offices.name);
}

/** The page's words for "no office": an admin is told to add the first one, a scheduler to ask for one. */
export interface NoOfficeWords {
  noOffice: string;
  noOfficeYet: string;
}

/** Refuses a page that needs an office when the person has none, in `words` (the page's language). */
export function noOfficeError(ctx: Ctx, words: NoOfficeWords): DomainError {
  return new DomainError("not-found", ctx.actor.role === "admin" ? words.noOfficeYet : words.noOffice);
}

/**
 * The office a page is about: the one asked for if it is the person's, else their first;
 * refused in `words` when they have none.
 */
export async function pickOffice(ctx: Ctx, requested: string | undefined, words: NoOfficeWords): Promise<{ office: OfficeRow; offices: OfficeRow[] }> {
  const mine = await myOffices(ctx);
  if (requested) {
    assertOffice(ctx.actor, requested);
    return { office: await getOffice(ctx, requested), offices: mine };
  }
  const office = mine[0];
  if (!office) throw noOfficeError(ctx, words);
  return { office, offices: mine };
}
