// Sorted, disjoint interval lists with binary-search queries. Merging first makes
// both starts and ends ascending, so each question is one search, not a scan.
import type { Interval } from "./types.js";

/** Union of half-open intervals: sorted, disjoint, touching ones joined; empties dropped. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

/** Index of the last interval starting at or before `t`, or -1. */
function lastStartingBy(merged: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (merged[mid]!.start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether [a, b) lies wholly inside one interval of a merged list. */
export function covers(merged: readonly Interval[], a: number, b: number): boolean {
  const i = lastStartingBy(merged, a);
  return i >= 0 && merged[i]!.end >= b;
}

/** Whether [a, b) overlaps any interval of a merged list. */
export function overlapsAny(merged: readonly Interval[], a: number, b: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (merged[mid]!.end <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length && merged[lo]!.start < b;
}
