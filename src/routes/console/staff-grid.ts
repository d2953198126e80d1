// The week grid of an interviewer's hours: per office, per weekday, up to two from–to ranges in
// the interviewer's zone. Saved rules that fit it fill it; the form becomes the API's rules again
// (one weekly rule per office and range, its weekdays in BYDAY), each cell's name kept so that a
// refusal can name the cell.
import { WEEKDAY_CODES } from "../../slots/calendar.js";
import { expandRule, localDateOf } from "../../slots/index.js";
import { localTime } from "../../i18n/dates.js";
import { DAY_MS } from "../../domain/dates.js";
import type { RuleInput, RuleRow, StaffRow } from "../../domain/staff.js";

export const RANGES_PER_DAY = 2;

/** [office][weekday][range] = { from, to } as typed ("" when empty). */
export type Grid = Record<string, { from: string; to: string }[][]>;

const WEEKLY = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/;

export const emptyGrid = (officeIds: string[]): Grid =>
  Object.fromEntries(officeIds.map((o) => [o, WEEKDAY_CODES.map(() => Array.from({ length: RANGES_PER_DAY }, () => ({ from: "", to: "" })))]));

/** The saved rules split into the grid and the rest (dated rules, other zones, other repeats). */
export function gridOf(member: StaffRow, rules: RuleRow[]): { grid: Grid; others: RuleRow[] } {
  const grid = emptyGrid(member.officeIds);
  const filled = new Map<string, number>();
  const others: RuleRow[] = [];
  for (const r of rules) {
    const days = WEEKLY.exec(r.rrule)?.[1]?.split(",");
    const plain = days && r.timeZone === member.timeZone && !r.validFrom && !r.validUntil && grid[r.officeId];
    const room = plain && days.every((d) => (filled.get(`${r.officeId}.${d}`) ?? 0) < RANGES_PER_DAY);
    if (!room || !days) {
      others.push(r);
      continue;
    }
    for (const d of days) {
      const n = filled.get(`${r.officeId}.${d}`) ?? 0;
      grid[r.officeId]![WEEKDAY_CODES.indexOf(d as never)]![n] = { from: r.start, to: r.end };
      filled.set(`${r.officeId}.${d}`, n + 1);
    }
  }
  for (const days of Object.values(grid)) for (const ranges of days) ranges.sort((a, b) => (a.from || "99").localeCompare(b.from || "99"));
  return { grid, others };
}

/** A saved rule as a rule to send again (its row id and member left out). */
export const ruleInputOf = (r: RuleRow): RuleInput => ({
  rrule: r.rrule,
  start: r.start,
  end: r.end,
  timeZone: r.timeZone,
  officeId: r.officeId,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
});

/** Field name of one cell: h.<office index>.<weekday index>.<range index>.<from|to>. */
export const cellName = (office: number, day: number, range: number, end: "from" | "to") => `h.${office}.${day}.${range}.${end}`;

export interface Cell {
  office: string;
  day: number;
  range: number;
}

/** The grid as posted, for the offices given (their index is their place in the member's list). */
export function gridFromForm(member: StaffRow, offices: string[], form: Record<string, string>): Grid {
  const grid = emptyGrid(offices);
  for (const office of offices) {
    const i = member.officeIds.indexOf(office);
    grid[office]!.forEach((ranges, day) =>
      ranges.forEach((_, range) => {
        ranges[range] = { from: (form[cellName(i, day, range, "from")] ?? "").trim(), to: (form[cellName(i, day, range, "to")] ?? "").trim() };
      }),
    );
  }
  return grid;
}

/**
 * The grid as rules: one per office and from–to pair, with the weekdays that have it. `cells[n]`
 * is the first cell of rule n. A half-filled range becomes a rule with the empty side, which the
 * API's schema then names.
 */
export function rulesOfGrid(grid: Grid, timeZone: string): { rules: RuleInput[]; cells: Cell[] } {
  const byRange = new Map<string, { rule: RuleInput; cell: Cell }>();
  for (const [office, days] of Object.entries(grid)) {
    days.forEach((ranges, day) =>
      ranges.forEach(({ from, to }, range) => {
        if (!from && !to) return;
        const key = `${office}\n${from}\n${to}`;
        const found = byRange.get(key);
        if (found) found.rule.rrule += `,${WEEKDAY_CODES[day]}`;
        else byRange.set(key, { rule: { rrule: `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES[day]}`, start: from, end: to, timeZone, officeId: office }, cell: { office, day, range } });
      }),
    );
  }
  const entries = [...byRange.values()];
  return { rules: entries.map((e) => e.rule), cells: entries.map((e) => e.cell) };
}

/**
 * Where a range falls at the office on its next occurrence from today: "2026-11-02 11:00–15:00";
 * null when the wall time does not exist that day (a DST gap).
 */
export function atOffice(range: { from: string; to: string }, day: number, memberZone: string, officeZone: string, now: number): string | null {
  const rule = { rrule: `FREQ=WEEKLY;BYDAY=${WEEKDAY_CODES[day]}`, start: range.from, end: range.to, timeZone: memberZone };
  let next;
  try {
    next = expandRule(rule, now, now + 8 * DAY_MS).find((i) => i.start >= now);
  } catch {
    return null; // a range the form has not got right yet: its refusal says why
  }
  if (!next) return null;
  return `${localDateOf(officeZone, next.start)} ${localTime(next.start, officeZone)}–${localTime(next.end, officeZone)}`;
}
