// Time-zone math on cached UTC-offset transitions. Luxon (and through it Intl) is
// asked only to find each zone's transitions, once per zone and UTC year; every
// other answer is array arithmetic, because an Intl call costs microseconds and a
// slot search places thousands of wall times.
import { IANAZone } from "luxon";
import { DAY_MS, MINUTE_MS, daysFromCivil, isoDate, pad2, utcYearOf } from "./calendar.js";

/** A stretch of instants [lo, hi) with one UTC offset (minutes). */
interface Span {
  lo: number;
  hi: number;
  off: number;
}

/** One UTC year of a zone: offsets[i] holds from changes[i - 1] (or start) on. */
interface YearData {
  start: number;
  end: number;
  changes: number[];
  offsets: number[];
}

// Offsets lie within ±14 h, so a wall time's instants lie within 16 h of it.
const MARGIN_MS = 16 * 3_600_000;
// Offsets are sampled weekly and each change is then binary-searched to the
// minute. A change that reverts within a week would be missed; tzdata has none
// from 1970 on (checked across every zone Intl knows, see docs/time-rules.md).
const SAMPLE_MS = 7 * DAY_MS;

const luxonZones = new Map<string, IANAZone>();
const yearCache = new Map<string, Map<number, YearData>>();
const lastPeriod = new Map<string, Span>();
const lastSafeWall = new Map<string, Span>();

export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && zone.length > 0 && IANAZone.isValidZone(zone);
}

/** Drops every cached transition (for measurements and tests). */
export function clearZoneCache(): void {
  luxonZones.clear();
  yearCache.clear();
  lastPeriod.clear();
  lastSafeWall.clear();
}

function luxonZone(zone: string): IANAZone {
  let z = luxonZones.get(zone);
  if (z === undefined) {
    z = IANAZone.create(zone);
    if (!z.isValid) throw new RangeError(`Unknown time zone: ${zone}`);
    luxonZones.set(zone, z);
  }
  return z;
}

function findChanges(z: IANAZone, lo: number, offLo: number, hi: number, offHi: number, out: YearData): void {
  let a = lo;
  let b = hi;
  while (b - a > MINUTE_MS) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
    if (z.offset(mid) === offLo) a = mid;
    else b = mid;
  }
  const off = z.offset(b);
  out.changes.push(b);
  out.offsets.push(off);
  if (off !== offHi) findChanges(z, b, off, hi, offHi, out);
}

function computeYear(zone: string, year: number): YearData {
  const z = luxonZone(zone);
  const start = daysFromCivil(year, 1, 1) * DAY_MS;
  const end = daysFromCivil(year + 1, 1, 1) * DAY_MS;
  const data: YearData = { start, end, changes: [], offsets: [z.offset(start)] };
  let t = start;
  let off = data.offsets[0]!;
  while (t < end - MINUTE_MS) {
    const next = Math.min(t + SAMPLE_MS, end - MINUTE_MS);
    const nextOff = z.offset(next);
    if (nextOff !== off) findChanges(z, t, off, next, nextOff, data);
    t = next;
    off = nextOff;
  }
  return data;
}

function yearData(zone: string, year: number): YearData {
  let byYear = yearCache.get(zone);
  if (byYear === undefined) {
    byYear = new Map();
    yearCache.set(zone, byYear);
  }
  let data = byYear.get(year);
  if (data === undefined) {
    data = computeYear(zone, year);
    byYear.set(year, data);
  }
  return data;
}

/** Constant-offset spans covering [a, b], adjacent equal offsets merged. */
function spansBetween(zone: string, a: number, b: number): Span[] {
  const spans: Span[] = [];
  for (let y = utcYearOf(a), last = utcYearOf(b); y <= last; y++) {
    const d = yearData(zone, y);
    for (let i = 0; i < d.offsets.length; i++) {
      const lo = i === 0 ? d.start : d.changes[i - 1]!;
      const hi = i === d.changes.length ? d.end : d.changes[i]!;
      if (hi <= a || lo > b) continue;
      const off = d.offsets[i]!;
      const prev = spans[spans.length - 1];
      if (prev !== undefined && prev.off === off && prev.hi === lo) prev.hi = hi;
      else spans.push({ lo, hi, off });
    }
  }
  return spans;
}

/** UTC offset in minutes of `zone` at `instant`. */
export function offsetAt(zone: string, instant: number): number {
  const p = lastPeriod.get(zone);
  if (p !== undefined && instant >= p.lo && instant < p.hi) return p.off;
  const span = spansBetween(zone, instant, instant)[0]!;
  lastPeriod.set(zone, span);
  return span.off;
}

/** Wall times (floating ms) around `wall` that map to wall − off, or null near a change. */
function safeWindow(zone: string, wall: number): Span | null {
  const w = lastSafeWall.get(zone);
  if (w !== undefined && wall >= w.lo && wall < w.hi) return w;
  const spans = spansBetween(zone, wall - MARGIN_MS, wall + MARGIN_MS);
  if (spans.length !== 1) return null;
  const s = spans[0]!;
  const win = { lo: s.lo + MARGIN_MS, hi: s.hi - MARGIN_MS, off: s.off };
  lastSafeWall.set(zone, win);
  return win;
}

/**
 * Instant of a wall time given as floating ms (wall clock read as if UTC).
 * Null when the wall time does not exist; the earlier instant when it exists twice.
 */
export function wallToInstant(zone: string, wall: number): number | null {
  const w = safeWindow(zone, wall);
  if (w !== null) return wall - w.off * MINUTE_MS;
  let best: number | null = null;
  for (const s of spansBetween(zone, wall - MARGIN_MS, wall + MARGIN_MS)) {
    const t = wall - s.off * MINUTE_MS;
    if (t >= s.lo && t < s.hi && (best === null || t < best)) best = t;
  }
  return best;
}

export function localToInstant(zone: string, y: number, m: number, d: number, minuteOfDay: number): number | null {
  return wallToInstant(zone, daysFromCivil(y, m, d) * DAY_MS + minuteOfDay * MINUTE_MS);
}

/**
 * The offset that places every wall time of local day `day` (midnight to the next
 * midnight, both included), or null when an offset change is near that day.
 */
export function dayOffset(zone: string, day: number): number | null {
  const w = safeWindow(zone, day * DAY_MS);
  return w !== null && (day + 1) * DAY_MS < w.hi ? w.off : null;
}

/**
 * First instant of a local date. Usually its midnight; when midnight falls in a
 * gap (America/Santiago) the day starts at the change, e.g. 01:00. Null when the
 * zone skipped the whole date.
 */
export function startOfLocalDay(zone: string, day: number): number | null {
  const wall = day * DAY_MS;
  const t = wallToInstant(zone, wall);
  if (t !== null) return t;
  const spans = spansBetween(zone, wall - MARGIN_MS, wall + MARGIN_MS);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1]!;
    const cur = spans[i]!;
    const wallAfter = cur.lo + cur.off * MINUTE_MS;
    if (cur.lo + prev.off * MINUTE_MS <= wall && wall < wallAfter) {
      return Math.floor(wallAfter / DAY_MS) === day ? cur.lo : null;
    }
  }
  return null;
}

/** Local date of an instant as a day count since 1970-01-01. */
export function localDayOf(zone: string, instant: number): number {
  return Math.floor((instant + offsetAt(zone, instant) * MINUTE_MS) / DAY_MS);
}

export function localDateOf(zone: string, instant: number): string {
  return isoDate(localDayOf(zone, instant));
}

function timeOfDay(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const sod = secs - Math.floor(secs / 86_400) * 86_400;
  return `${pad2(Math.floor(sod / 3600))}:${pad2(Math.floor(sod / 60) % 60)}:${pad2(sod % 60)}`;
}

function offsetText(off: number): string {
  const a = Math.round(Math.abs(off));
  return `${off < 0 ? "-" : "+"}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** "2026-12-01T08:00:00-06:00" (seconds precision, "+00:00" for a zero offset). */
export function formatLocalIso(instant: number, zone: string): string {
  const off = offsetAt(zone, instant);
  const local = instant + off * MINUTE_MS;
  return `${isoDate(Math.floor(local / DAY_MS))}T${timeOfDay(local)}${offsetText(off)}`;
}

/** "2026-12-01T14:00:00Z" (seconds precision). */
export function formatUtcIso(instant: number): string {
  return `${isoDate(Math.floor(instant / DAY_MS))}T${timeOfDay(instant)}Z`;
}
