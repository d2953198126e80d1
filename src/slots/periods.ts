// Expansion of an RRULE's dates period by period, visiting only the periods that touch the
// asked days. rrule.js walks from DTSTART until it emits a date past the range, so a rule
// that never (or seldom) occurs, such as FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, walks to the
// year 9999 on every query. Here the walk ends with the range, whatever the rule. Day by
// day the rules are rrule.js's (the reference engine), its week numbers included.
import { civilFromDays, daysFromCivil, isoWeekday } from "./calendar.js";
import type { RuleSpec } from "./rule-spec.js";
import { weekNoMask } from "./week-numbers.js";

export const YEARLY = 0;
export const MONTHLY = 1;
export const WEEKLY = 2;
export const DAILY = 3;

/** Days looked at by period expansion since the process started: a meter for tests. */
export const expansionWork = { days: 0 };

const pymod = (a: number, b: number): number => ((a % b) + b) % b;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthStart = (index: number): number => daysFromCivil(Math.floor(index / 12), pymod(index, 12) + 1, 1);

/** rrule.js's defaults taken from DTSTART when the rule names no day of its own. */
function withDefaults(spec: RuleSpec, anchor: number): RuleSpec {
  if (spec.byweekno || spec.byyearday || spec.bymonthday.length || spec.bynmonthday.length || spec.byweekday || spec.bynweekday) return spec;
  const [, m, d] = civilFromDays(anchor);
  if (spec.freq === YEARLY) return { ...spec, bymonth: spec.bymonth ?? [m], bymonthday: [d] };
  if (spec.freq === MONTHLY) return { ...spec, bymonthday: [d] };
  if (spec.freq === WEEKLY) return { ...spec, byweekday: [isoWeekday(anchor)] };
  return spec;
}

/** Year days (0-based) that ordinal BYDAY picks in the period's year or month (rrule's nwdaymask). */
function ordinalMask(spec: RuleSpec, year: number, month: number): Uint8Array {
  const start = daysFromCivil(year, 1, 1);
  const mask = new Uint8Array(isLeap(year) ? 366 : 365);
  const ranges: [number, number][] =
    spec.freq === MONTHLY
      ? [[monthStart(year * 12 + month - 1) - start, monthStart(year * 12 + month) - start]]
      : spec.bymonth
        ? spec.bymonth.map((m): [number, number] => [monthStart(year * 12 + m - 1) - start, monthStart(year * 12 + m) - start])
        : [[0, mask.length]];
  for (const [first, end] of ranges) {
    for (const [wday, n] of spec.bynweekday!) {
      let i = n < 0 ? end - 1 + (n + 1) * 7 : first + (n - 1) * 7;
      i += n < 0 ? -pymod(isoWeekday(start + i) - wday, 7) : pymod(wday - isoWeekday(start + i), 7);
      if (first <= i && i < end) mask[i] = 1;
    }
  }
  return mask;
}

/** The days of one period: [start, end) and the year (and month) it is counted in. */
interface Period {
  start: number;
  end: number;
  year: number;
  month: number;
}

function periodAt(spec: RuleSpec, anchor: number, k: number): Period {
  const n = spec.interval;
  const [ay, am] = civilFromDays(anchor);
  if (spec.freq === DAILY || spec.freq === WEEKLY) {
    const weekStart = anchor - pymod(isoWeekday(anchor) - spec.wkst, 7);
    const start = spec.freq === DAILY ? anchor + k * n : k === 0 ? anchor : weekStart + 7 * n * k;
    const end = spec.freq === DAILY ? start + 1 : weekStart + 7 * n * k + 7;
    const [year, month] = civilFromDays(start);
    return { start, end, year, month };
  }
  const index = spec.freq === MONTHLY ? ay * 12 + am - 1 + k * n : (ay + k * n) * 12;
  const months = spec.freq === MONTHLY ? 1 : 12;
  return { start: monthStart(index), end: monthStart(index + months), year: Math.floor(index / 12), month: pymod(index, 12) + 1 };
}

/** First period that can reach `first` (the one holding it, or the next). */
function firstPeriod(spec: RuleSpec, anchor: number, first: number): number {
  const n = spec.interval;
  const [ay, am] = civilFromDays(anchor);
  const [fy, fm] = civilFromDays(first);
  let k: number;
  if (spec.freq === DAILY) k = Math.ceil((first - anchor) / n);
  else if (spec.freq === WEEKLY) k = Math.floor((first - (anchor - pymod(isoWeekday(anchor) - spec.wkst, 7))) / (7 * n));
  else if (spec.freq === MONTHLY) k = Math.floor((fy * 12 + fm - (ay * 12 + am)) / n);
  else k = Math.floor((fy - ay) / n);
  return Math.max(0, k);
}

function passes(spec: RuleSpec, day: number, p: Period, weekNos: Uint8Array | null, ordinals: Uint8Array | null): boolean {
  const [y, m, md] = civilFromDays(day);
  const index = day - daysFromCivil(p.year, 1, 1);
  if (spec.bymonth && !spec.bymonth.includes(m)) return false;
  if (weekNos && !weekNos[index]) return false;
  if (spec.byweekday && !spec.byweekday.includes(isoWeekday(day))) return false;
  if (ordinals && !ordinals[index]) return false;
  if (spec.bymonthday.length || spec.bynmonthday.length) {
    const monthLength = monthStart(y * 12 + m) - monthStart(y * 12 + m - 1);
    if (!spec.bymonthday.includes(md) && !spec.bynmonthday.includes(md - monthLength - 1)) return false;
  }
  if (spec.byyearday) {
    const yd = day - daysFromCivil(y, 1, 1) + 1;
    if (!spec.byyearday.includes(yd) && !spec.byyearday.includes(yd - (isLeap(y) ? 366 : 365) - 1)) return false;
  }
  return true;
}

/** The period's dates in emission order: all that pass, or those BYSETPOS picks (repeats kept, as rrule.js does). */
function periodDays(spec: RuleSpec, p: Period): number[] {
  const weekNos = spec.byweekno ? weekNoMask(p.year, spec.byweekno, spec.wkst) : null;
  const ordinals = spec.bynweekday ? ordinalMask(spec, p.year, p.month) : null;
  const days: number[] = [];
  expansionWork.days += p.end - p.start;
  for (let day = p.start; day < p.end; day++) if (passes(spec, day, p, weekNos, ordinals)) days.push(day);
  if (!spec.bysetpos) return days;
  const picked: number[] = [];
  for (const pos of spec.bysetpos) {
    // As rrule.js (Array.slice): a negative position beyond the set picks its first date.
    const day = days[pos > 0 ? pos - 1 : Math.max(0, days.length + pos)];
    if (day !== undefined) picked.push(day);
  }
  return picked.sort((a, b) => a - b);
}

/** Where counting a COUNT rule may resume: periods before `k` are done and left `left` dates to give. */
interface Checkpoint {
  k: number;
  start: number;
  left: number;
}

// Per compiled rule (dropped with it) and anchor: how far COUNT has been counted, so the walk
// from the anchor is made once and later queries only pay for their own range. A pure memo keyed
// by the rule, not process state.
const checkpoints = new WeakMap<RuleSpec, Map<number, Checkpoint>>();
const CHECKPOINTS_PER_RULE = 16;

function checkpointOf(spec: RuleSpec, anchor: number, first: number): Checkpoint {
  const saved = checkpoints.get(spec)?.get(anchor);
  return saved && saved.start <= first ? saved : { k: 0, start: anchor, left: spec.count! };
}

function saveCheckpoint(spec: RuleSpec, anchor: number, cp: Checkpoint): void {
  let byAnchor = checkpoints.get(spec);
  if (!byAnchor) checkpoints.set(spec, (byAnchor = new Map()));
  const saved = byAnchor.get(anchor);
  if (saved && saved.start >= cp.start) return;
  byAnchor.delete(anchor);
  byAnchor.set(anchor, cp);
  if (byAnchor.size > CHECKPOINTS_PER_RULE) byAnchor.delete(byAnchor.keys().next().value!);
}

/**
 * Days in [first, last] on which the rule occurs, ascending, for DTSTART `anchor`. Only the
 * periods that touch [first, last] are visited; COUNT is counted from the anchor, never past
 * `last`, and only once per rule and anchor.
 */
export function ruleDays(rule: RuleSpec, anchor: number, first: number, last: number): number[] {
  const spec = withDefaults(rule, anchor);
  const out: number[] = [];
  const counted = spec.count !== null;
  const cp = counted ? checkpointOf(rule, anchor, first) : { k: firstPeriod(spec, anchor, first), start: first, left: Number.POSITIVE_INFINITY };
  let left = cp.left;
  const end = spec.untilDay === null ? last : Math.min(last, spec.untilDay);
  for (let k = cp.k; left > 0; k++) {
    const p = periodAt(spec, anchor, k);
    if (p.start > end) break;
    if (counted && p.start <= first) saveCheckpoint(rule, anchor, { k, start: p.start, left });
    for (const day of periodDays(spec, p)) {
      if (day > end) return out;
      if (day < anchor) continue;
      if (day >= first && out[out.length - 1] !== day) out.push(day);
      if (--left === 0) break;
    }
  }
  if (counted && left === 0) saveCheckpoint(rule, anchor, { k: Number.MAX_SAFE_INTEGER, start: last + 1, left: 0 });
  return out;
}
