// Idempotency-Key: a mutating request claims its key before it runs, in one atomic statement that
// SQLite and D1 both run as a unit, so two requests with one key never both write. A repeat with
// the same body gets the first success again (for 24 hours) without its secrets; with another
// body it is a 422. The replay contract is `IDEMPOTENCY_CONTRACT` (served in /openapi.json).
import { and, eq, lt, or } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { idempotencyKeys } from "../db/schema.js";
import type { Db } from "../db/database.js";
import { sha256Hex } from "../lib/ids.js";
import { DAY_MS } from "../domain/dates.js";
import type { AppEnv } from "./context.js";
import { problemResponse } from "./errors.js";
import { lostForGood, restoreSecrets, withholdSecrets } from "./idempotency-secrets.js";
import { conflict, invalidField } from "../domain/errors.js";

type Stored = typeof idempotencyKeys.$inferSelect;

/** `status` of a claim whose request is still running. */
const RUNNING = 0;
/** A claim this old was left by a process that died mid-request: the key is usable again. */
export const CLAIM_MS = 30_000;
/** How long a repeat waits for the first request's answer (about 3 s in all) before a 409. */
const WAITS_MS = [10, 20, 40, 80, 150, 200, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250];

export const IDEMPOTENCY_CONTRACT =
  "Every POST, PUT, PATCH and DELETE under /v1 accepts an `Idempotency-Key` header (1–200 characters, kept 24 hours per token, method and path). " +
  "A repeat with the same key and body answers the first success again, with the header `Idempotent-Replayed: true`; with another body it is a 422 naming `Idempotency-Key`. " +
  "A refused first request keeps nothing, so its repeat is judged afresh. A repeat that arrives while the first is still running waits for its answer (a few seconds at most, then a 409 `conflict` with `Retry-After`). " +
  "Secrets are never kept for a replay: an applicant link (`selfServiceUrl`) is made again, the current one; a token shown only once (`token`, and the feed `url` that carries it) cannot be, so that repeat is a 409 `conflict` whose `withheld` lists the members: issue a new token instead.";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the key: a new row, or one whose answer expired or whose claim was left by a crash.
 * Answers the claim's time, which names it, or null when another request holds the key.
 */
async function claim(db: Db, key: string, requestHash: string, now: number): Promise<number | null> {
  const t = idempotencyKeys;
  const fresh = { requestHash, status: RUNNING, body: "", withheld: null, createdAt: now };
  const rows = await db
    .insert(t)
    .values({ key, ...fresh })
    .onConflictDoUpdate({ target: t.key, set: fresh, setWhere: or(lt(t.createdAt, now - DAY_MS), and(eq(t.status, RUNNING), lt(t.createdAt, now - CLAIM_MS))) })
    .returning({ key: t.key });
  return rows.length === 1 ? now : null;
}

async function replay(c: Context<AppEnv>, stored: Stored): Promise<Response> {
  const withheld = stored.withheld ? stored.withheld.split(",") : [];
  const lost = lostForGood(withheld);
  if (lost.length > 0) {
    throw conflict(
      `The first request with this Idempotency-Key succeeded, but its answer held ${lost.join(", ")}, shown only once and not kept. Issue a new one instead of repeating this request.`,
      { withheld: lost },
    );
  }
  const headers: Record<string, string> = { "idempotent-replayed": "true" };
  if (stored.status === 204) return new Response(null, { status: 204, headers });
  headers["content-type"] = "application/json";
  return new Response(await restoreSecrets(c.var.deps, stored.body, withheld), { status: stored.status, headers });
}

/** A request whose key another one holds: 422, the first answer, or a 409 if it takes too long. */
async function repeat(c: Context<AppEnv>, key: string, requestHash: string): Promise<Response | number> {
  const { database, clock } = c.var.deps;
  for (const wait of [...WAITS_MS, null]) {
    const [held] = await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    if (held && held.requestHash !== requestHash) throw invalidField("Idempotency-Key", "was already used with a different request body");
    if (held && held.status !== RUNNING) return replay(c, held);
    if (wait === null) break;
    await sleep(wait);
    // The first request was refused (and let the key go) or its process died: this one runs.
    const claimedAt = await claim(database.db, key, requestHash, clock.now());
    if (claimedAt !== null) return claimedAt;
  }
  const res = problemResponse(c, conflict("A request with this Idempotency-Key is still in progress; repeat it in a moment to get its answer."));
  res.headers.set("retry-after", "1");
  return res;
}

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("idempotency-key");
  if (header === undefined || !["POST", "PUT", "PATCH", "DELETE"].includes(c.req.method)) return next();
  if (header.length < 1 || header.length > 200) throw invalidField("Idempotency-Key", "must be 1–200 characters");
  const { database, clock } = c.var.deps;
  const { db } = database;
  const key = await sha256Hex(`${c.var.actor.id}\n${c.req.method}\n${c.req.path}\n${header}`);
  const requestHash = await sha256Hex(await c.req.text());
  const claimedAt = (await claim(db, key, requestHash, clock.now())) ?? (await repeat(c, key, requestHash));
  if (claimedAt instanceof Response) return void (c.res = claimedAt);
  const mine = and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, RUNNING), eq(idempotencyKeys.createdAt, claimedAt));

  let succeeded = false;
  try {
    await next();
    succeeded = c.res.status >= 200 && c.res.status < 300 && !c.error;
  } finally {
    // A refused or failed request wrote nothing: let the key go, so a retry is judged afresh.
    if (!succeeded) await db.delete(idempotencyKeys).where(mine);
  }
  if (!succeeded) return;
  const kept = withholdSecrets(await c.res.clone().text());
  await db
    .update(idempotencyKeys)
    .set({ status: c.res.status, body: kept.body, withheld: kept.withheld.join(",") || null })
    .where(mine);
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, clock.now() - DAY_MS));
});
