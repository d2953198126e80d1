// Fixed-window request counters per link token and per client address. They live in this
// process's memory (one isolate's on Workers): several processes each count on their own, so the
// real ceiling is the limit times the number of processes. Enough to slow down guessing and
// scraping; a shared store would be needed for an exact limit.
import type { Deps } from "../../deps.js";
import type { RateWindow } from "../../process-state.js";

export interface Limit {
  limit: number;
  windowMs: number;
}

/** Per link: a person paging through weeks and acting does a few dozen requests at most. */
export const PER_LINK: Limit = { limit: 60, windowMs: 10 * 60_000 };
/** Per address: generous, because many phones share one carrier or office address. */
export const PER_ADDRESS: Limit = { limit: 600, windowMs: 10 * 60_000 };
const MAX_KEYS = 20_000;

/** Counts in `windows`, which the caller keeps (the process state, or a test's own map). */
export function fixedWindow({ limit, windowMs }: Limit, windows = new Map<string, RateWindow>()) {
  return {
    /** Counts one request; the milliseconds to wait when over the limit, else 0. */
    hit(key: string, now: number): number {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size >= MAX_KEYS) prune(now);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit ? w.start + windowMs - now : 0;
    },
  };

  function prune(now: number) {
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
    // Still full of live windows: drop the oldest (Map keeps insertion order) rather than grow.
    for (const key of windows.keys()) {
      if (windows.size < MAX_KEYS) break;
      windows.delete(key);
    }
  }
}

export function limitersFor({ state }: Deps) {
  return { link: fixedWindow(PER_LINK, state.rateWindows.link), address: fixedWindow(PER_ADDRESS, state.rateWindows.address) };
}
