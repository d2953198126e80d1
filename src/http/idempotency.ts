// Idempotency-Key: a repeated mutating request with the same key and body gets the first
// successful answer again (for 24 hours); the same key with another body is a 422.
import { and, eq, gte, lt } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { idempotencyKeys } from "../db/schema.js";
import { constraintFailure } from "../db/database.js";
import { sha256Hex } from "../lib/ids.js";
import { DAY_MS } from "../domain/dates.js";
import type { AppEnv } from "./context.js";
import { fieldProblem } from "./problem.js";

type Stored = typeof idempotencyKeys.$inferSelect;

function replay(stored: Stored): Response {
  const headers: Record<string, string> = { "idempotent-replayed": "true" };
  if (stored.status !== 204) headers["content-type"] = stored.status >= 400 ? "application/problem+json" : "application/json";
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
}

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined || !["POST", "PUT", "PATCH", "DELETE"].includes(c.req.method)) return next();
  if (key.length < 1 || key.length > 200) throw fieldProblem("Idempotency-Key", "must be 1–200 characters");
  const { database, clock } = c.var.deps;
  const { db } = database;
  const scope = await sha256Hex(`${c.var.actor.id}\n${c.req.method}\n${c.req.path}\n${key}`);
  const requestHash = await sha256Hex(await c.req.text());
  const fresh = () => gte(idempotencyKeys.createdAt, clock.now() - DAY_MS);
  const lookup = async () => (await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.key, scope), fresh())))[0];
  const check = (stored: Stored) => {
    if (stored.requestHash !== requestHash) throw fieldProblem("Idempotency-Key", "was already used with a different request body");
    return replay(stored);
  };

  const earlier = await lookup();
  if (earlier) return void (c.res = check(earlier));
  await next();
  // Only a change that happened is remembered: a refused request writes nothing, and its retry
  // is judged afresh.
  if (c.res.status < 200 || c.res.status >= 300) return;
  const body = await c.res.clone().text();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, clock.now() - DAY_MS));
  try {
    await db.insert(idempotencyKeys).values({ key: scope, requestHash, status: c.res.status, body, createdAt: clock.now() });
  } catch (error) {
    if (constraintFailure(error)?.kind !== "UNIQUE") throw error;
    // The same request ran twice at once; both callers get the answer that was stored first.
    const first = await lookup();
    if (first) c.res = check(first);
  }
});
