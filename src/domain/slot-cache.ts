// A small per-process LRU of slot answers, each valid only at the version counters it was computed at.
import type { Deps } from "../deps.js";
import type { Slot } from "../slots/index.js";
import type { ServiceRow } from "./services.js";

export interface CachedAnswer {
  timeZone: string;
  service: ServiceRow;
  slots: Slot[];
  /** Local date (office zone) of each slot's start, for filtering by a case's window. */
  dates: string[];
}

const MAX_ENTRIES = 500;
const caches = new WeakMap<Deps, ReturnType<typeof lru>>();

function lru() {
  const entries = new Map<string, { versions: string; answer: CachedAnswer }>();
  return {
    get(key: string, versions: string): CachedAnswer | undefined {
      const entry = entries.get(key);
      if (!entry || entry.versions !== versions) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.answer;
    },
    set(key: string, versions: string, answer: CachedAnswer): CachedAnswer {
      entries.delete(key);
      entries.set(key, { versions, answer });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return answer;
    },
  };
}

export function slotCache(deps: Deps) {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = lru()));
  return cache;
}
