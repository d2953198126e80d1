// GET /metrics in Prometheus text format, for a scraper holding CITA_METRICS_TOKEN (without that
// setting the route does not exist). Request counts, latencies and cache hits are this process's
// (this isolate's on Workers); bookings and the outbox are read from the database, so they are
// the same whichever process or isolate answers.
import { createRoute, z } from "@hono/zod-openapi";
import { count, sql } from "drizzle-orm";
import type { Deps } from "../deps.js";
import { appointments, notifications } from "../db/schema.js";
import { cachesOf } from "../domain/versioned-cache.js";
import { sha256Hex } from "../lib/ids.js";
import { errorResponses } from "../routes/common.js";
import type { App } from "./context.js";
import { counter, exposition, histogram, type Family } from "./prometheus.js";
import { DomainError } from "../domain/errors.js";

/** Seconds; from a cached slot answer (~1 ms) to a slow write under load. */
const LATENCY_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Any other method a client invents shares one label value, so series stay bounded. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The request figures of one app (one per process, or per isolate on Workers), kept in its state. */
export function httpMetricsFor({ state }: Deps) {
  const requests = counter("cita_http_requests_total", "HTTP requests answered, by method, route pattern and status.", state.httpRequests);
  const latency = histogram("cita_http_request_duration_seconds", "Time to answer a request, by method and route pattern.", LATENCY_BOUNDS, state.httpLatency);
  return {
    observe(method: string, route: string, status: number, seconds: number) {
      const m = METHODS.has(method) ? method : "other";
      requests.inc({ method: m, route, status: String(status) });
      latency.observe({ method: m, route }, seconds);
    },
    families: () => [requests.family(), latency.family()],
  };
}

function cacheFamilies(deps: Deps): Family[] {
  const caches = [...cachesOf(deps)];
  return [
    {
      name: "cita_slot_cache_hits_total",
      help: "Slot-search cache reads answered from the cache, by cache.",
      type: "counter",
      samples: caches.map(([cache, c]) => ({ labels: { cache }, value: c.hits })),
    },
    {
      name: "cita_slot_cache_misses_total",
      help: "Slot-search cache reads that had to compute (absent or stale), by cache.",
      type: "counter",
      samples: caches.map(([cache, c]) => ({ labels: { cache }, value: c.misses })),
    },
  ];
}

async function storeFamilies(deps: Deps): Promise<Family[]> {
  const { db } = deps.database;
  const [booked] = await db.select({ n: count() }).from(appointments);
  const outbox = await db
    .select({ status: notifications.status, channel: notifications.channel, n: count(), retrying: sql<number>`sum(${notifications.attempts} > 0)` })
    .from(notifications)
    .groupBy(notifications.status, notifications.channel);
  return [
    // Appointment rows are never deleted (a cancellation is a status), so the count only grows.
    { name: "cita_bookings_total", help: "Appointments ever booked, across every process.", type: "counter", samples: [{ labels: {}, value: booked?.n ?? 0 }] },
    {
      name: "cita_outbox_notifications",
      help: "Outbox rows by status (pending, sent, failed) and channel.",
      type: "gauge",
      samples: outbox.map((r) => ({ labels: { status: r.status, channel: r.channel }, value: r.n })),
    },
    {
      name: "cita_outbox_retrying",
      help: "Pending outbox rows whose last send failed and that wait to be tried again, by channel.",
      type: "gauge",
      samples: outbox.filter((r) => r.status === "pending").map((r) => ({ labels: { channel: r.channel }, value: Number(r.retrying ?? 0) })),
    },
  ];
}

async function requireMetricsToken(deps: Deps, header: string | undefined) {
  const expected = deps.config.metricsToken;
  if (!expected) throw new DomainError("not-found", "No route for GET /metrics.");
  const given = /^Bearer\s+(\S{1,200})\s*$/i.exec(header ?? "")?.[1];
  // Compared by hash, so the time taken says nothing about the token.
  if (!given || (await sha256Hex(given)) !== (await sha256Hex(expected))) {
    throw new DomainError("unauthorized", "Send 'Authorization: Bearer <CITA_METRICS_TOKEN>'.");
  }
}

export function registerMetrics(app: App) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/metrics",
      tags: ["meta"],
      summary: "Prometheus figures; needs the CITA_METRICS_TOKEN bearer token (404 when that is not set)",
      responses: {
        200: { description: "Prometheus text exposition format 0.0.4", content: { "text/plain": { schema: z.string() } } },
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { deps } = c.var;
      await requireMetricsToken(deps, c.req.header("authorization"));
      const body = exposition([...httpMetricsFor(deps).families(), ...cacheFamilies(deps), ...(await storeFamilies(deps))]);
      return c.text(body, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    },
  );
}
