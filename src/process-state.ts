// Everything one process (one isolate on Workers) keeps in memory between requests, made in one
// place: the entry points and the test helpers call `createProcessState()` when they build `Deps`,
// so a reader finds every piece here and a test gets a fresh set by building a new one.
//
// Members are plain Maps and Sets; the module named beside each one owns its rules (bounds,
// eviction, what a key means). Two kinds of memory are deliberately not here:
// - what belongs to a database connection (prepared queries in src/db/prepared.ts, the shared
//   read of version counters in src/domain/versions.ts): keyed by the `Database`, so a `Deps`
//   rebuilt over another connection can never use a query prepared on the first;
// - pure memos keyed by a value (src/slots/view.ts, src/slots/periods.ts,
//   src/domain/booking/statements.ts, src/routes/applicant/client-address.ts): the same key
//   always gives the same answer, so sharing them between apps is harmless.

import type { Configuration as OidcConfiguration } from "openid-client";

/** Label values of one Prometheus series. */
export type Labels = Record<string, string>;

/** One request-count series (src/http/prometheus.ts). */
export interface CountSeries {
  labels: Labels;
  value: number;
}

/** One latency series with cumulative buckets (src/http/prometheus.ts). */
export interface HistogramSeries {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

/** One fixed rate-limit window (src/routes/applicant/rate-limit.ts). */
export interface RateWindow {
  start: number;
  count: number;
}

export interface ProcessState {
  /** Token → SHA-256 of recently seen bearer tokens, bounded (src/domain/tokens.ts). Never who a hash belongs to. */
  readonly tokenHashes: Map<string, string>;
  /** Imported HMAC keys (or the link's signer) by purpose: "link" signs applicant links, the others are derived from it (src/domain/links.ts, src/domain/applicant/keys.ts). */
  readonly hmacKeys: Map<string, Promise<unknown>>;
  /** Bounded answer caches by name, valid only at the version counters they were made at (src/domain/versioned-cache.ts). */
  readonly answerCaches: Map<string, unknown>;
  /** Requests answered and their latencies, by method, route and status (src/http/metrics.ts). */
  readonly httpRequests: Map<string, CountSeries>;
  readonly httpLatency: Map<string, HistogramSeries>;
  /** Applicant requests per link token and per client address, bounded (src/routes/applicant/rate-limit.ts). */
  readonly rateWindows: { readonly link: Map<string, RateWindow>; readonly address: Map<string, RateWindow> };
  /** Outbox rows already logged as held for want of CITA_SMTP_URL, bounded (src/notify/dispatcher.ts). */
  readonly heldMailLogged: Set<string>;
  /** The identity provider's discovered configuration by issuer, fetched once (src/http/oidc.ts). */
  readonly oidcConfigs: Map<string, Promise<OidcConfiguration>>;
  /** Called when a write frees time, so the dispatcher's loop sweeps for offers now, not at its next tick (src/notify/loop.ts). */
  readonly timeFreed: Set<() => void>;
}

export function createProcessState(): ProcessState {
  return {
    tokenHashes: new Map(),
    hmacKeys: new Map(),
    answerCaches: new Map(),
    httpRequests: new Map(),
    httpLatency: new Map(),
    rateWindows: { link: new Map(), address: new Map() },
    heldMailLogged: new Set(),
    oidcConfigs: new Map(),
    timeFreed: new Set(),
  };
}
