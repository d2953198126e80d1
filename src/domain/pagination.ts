// Keyset pagination over a stable key (ids sort by creation time or are slugs).
import { base64url } from "../lib/ids.js";
import { invalidField } from "./errors.js";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const parsed = JSON.parse(text) as { after?: unknown };
    if (typeof parsed.after === "string") return parsed.after;
  } catch {
    // fall through to the problem below
  }
  throw invalidField("cursor", "is not a cursor this service gave out");
}

/** `rows` were fetched with `limit + 1` to learn whether another page exists. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? base64url(new TextEncoder().encode(JSON.stringify({ after: key(last) }))) : null;
  return { items, nextCursor };
}

/** Fetches one page in id order: `fetch(after, take)` reads rows whose id is after `after`. */
export async function pageBy<T extends { id: string }>(
  limit: number,
  cursor: string | undefined,
  fetch: (after: string | null, take: number) => PromiseLike<T[]>,
): Promise<Page<T>> {
  return toPage(await fetch(decodeCursor(cursor), limit + 1), limit, (row) => row.id);
}
