// Unions of half-open intervals kept as two sorted typed arrays, queried by binary
// search. A slot search asks thousands of "is this free?" questions, so each is
// one search over a merged list instead of a scan over raw bookings.
import type { Interval } from "./types.js";

/** A union of intervals: disjoint, ascending, touching ones joined. */
export interface IntervalSet {
  starts: Float64Array;
  ends: Float64Array;
  size: number;
}

/**
 * Union of the non-empty intervals of `lists` that overlap [lo, hi). Unsorted input
 * has its starts and ends sorted separately (a native numeric sort, no comparator):
 * the k-th smallest start never comes after the k-th smallest end, so the union has
 * a gap exactly where the (k+1)-th start comes after the k-th end.
 */
export function intervalSet(lists: readonly (readonly Interval[])[], lo = -Infinity, hi = Infinity): IntervalSet {
  let n = 0;
  for (const list of lists) n += list.length;
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  let k = 0;
  for (const list of lists) {
    for (let j = 0; j < list.length; j++) {
      const { start, end } = list[j]!;
      if (end > start && end > lo && start < hi) {
        s[k] = start;
        e[k++] = end;
      }
    }
  }
  let sorted = true;
  for (let j = 1; j < k && sorted; j++) sorted = s[j - 1]! <= s[j]!;
  // Lists loaded in start order (the usual case) skip the sort: keep a running end.
  const starts = sorted ? s.subarray(0, k) : s.subarray(0, k).sort();
  const ends = sorted ? e.subarray(0, k) : e.subarray(0, k).sort();
  let size = 0;
  for (let j = 0; j < k; j++) {
    const end = ends[j]!;
    if (size > 0 && starts[j]! <= ends[size - 1]!) {
      if (end > ends[size - 1]!) ends[size - 1] = end;
    } else {
      starts[size] = starts[j]!;
      ends[size++] = end;
    }
  }
  return { starts, ends, size };
}

/** Union of intervals as plain objects, sorted. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const set = intervalSet([list]);
  return Array.from({ length: set.size }, (_, i) => ({ start: set.starts[i]!, end: set.ends[i]! }));
}

/** Whether [a, b) lies wholly inside one interval of the union. */
export function covers(set: IntervalSet, a: number, b: number): boolean {
  let lo = 0;
  let hi = set.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set.starts[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && set.ends[lo - 1]! >= b;
}

/** Whether [a, b) overlaps the union. */
export function overlapsAny(set: IntervalSet, a: number, b: number): boolean {
  let lo = 0;
  let hi = set.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set.ends[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < set.size && set.starts[lo]! < b;
}

/**
 * First index at or after `from` in sorted `values[0..size)` whose value is >= x.
 * Gallops from `from` before the binary search: ascending queries land close to
 * the previous answer.
 */
export function lowerBound(values: Float64Array, size: number, x: number, from = 0): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < size && values[hi]! < x) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > size) hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Like lowerBound, for the first value > x. */
export function upperBound(values: Float64Array, size: number, x: number, from = 0): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < size && values[hi]! <= x) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > size) hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
