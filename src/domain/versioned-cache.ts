// Small per-process LRU caches whose entries are valid only at the version counters they were
// computed at (see versions.ts): a write anywhere bumps a counter and the next read recomputes.
import type { Deps } from "../deps.js";

const MAX_ENTRIES = 500;

export interface VersionedCache<T> {
  get(key: string, version: string): T | undefined;
  set(key: string, version: string, value: T): T;
}

function lru<T>(): VersionedCache<T> {
  const entries = new Map<string, { version: string; value: T }>();
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry || entry.version !== version) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, version, value) {
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}

const caches = new WeakMap<Deps, Map<string, VersionedCache<unknown>>>();

export function versionedCache<T>(deps: Deps, name: string): VersionedCache<T> {
  let byName = caches.get(deps);
  if (!byName) caches.set(deps, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = lru<T>() as VersionedCache<unknown>));
  return cache as VersionedCache<T>;
}
