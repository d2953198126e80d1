// Small per-process LRU caches whose entries are valid only at the version counters they were
// computed at (see versions.ts): a write anywhere bumps a counter and the next read recomputes.
// Each cache is bounded by entries and, when given a weight, by total weight, so a long-running
// process holds a fixed amount however many distinct queries it sees.
import type { Deps } from "../deps.js";

export interface CacheLimits<T> {
  maxEntries?: number;
  /** Bound on the sum of `weigh(value)` over all entries. */
  maxWeight?: number;
  weigh?: (value: T) => number;
}

export interface VersionedCache<T> {
  get(key: string, version: string): T | undefined;
  set(key: string, version: string, value: T): T;
  readonly size: number;
  readonly weight: number;
  /** Reads answered from the cache, and reads that found nothing usable (absent or stale). */
  readonly hits: number;
  readonly misses: number;
}

const DEFAULT_MAX_ENTRIES = 500;

export function lruCache<T>(limits: CacheLimits<T> = {}): VersionedCache<T> {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxWeight = limits.maxWeight ?? Number.POSITIVE_INFINITY;
  const weigh = limits.weigh ?? (() => 0);
  const entries = new Map<string, { version: string; value: T; weight: number }>();
  let total = 0;
  let hits = 0;
  let misses = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.weight;
  };
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry || entry.version !== version) {
        misses++;
        // A stale entry is never useful again: free it now rather than when it ages out.
        if (entry) drop(key);
        return undefined;
      }
      hits++;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, version, value) {
      drop(key);
      const weight = weigh(value);
      // A value heavier than the whole budget is answered but not kept.
      if (weight > maxWeight) return value;
      entries.set(key, { version, value, weight });
      total += weight;
      while (entries.size > maxEntries || total > maxWeight) drop(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}

/** This process's caches, by name: every value in `deps.state.answerCaches` is made by `versionedCache`. */
export const cachesOf = (deps: Deps) => deps.state.answerCaches as ReadonlyMap<string, VersionedCache<unknown>>;

/** The process's cache of this name; limits apply when it is first made. */
export function versionedCache<T>(deps: Deps, name: string, limits?: CacheLimits<T>): VersionedCache<T> {
  const byName = deps.state.answerCaches;
  let cache = byName.get(name) as VersionedCache<T> | undefined;
  if (!cache) byName.set(name, (cache = lruCache<T>(limits)));
  return cache;
}
