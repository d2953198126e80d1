// BYWEEKNO as rrule.js reads it (its rebuildYear, after python-dateutil): which days of a
// year, counted from 1 January and running 7 days into the next year, lie in the listed
// week numbers, weeks starting on `wkst` (0 = Monday). Kept step for step, odd corners
// included, so the bounded expansion gives exactly what the reference engine gives.
import { daysFromCivil, isoWeekday } from "./calendar.js";

const pymod = (a: number, b: number): number => ((a % b) + b) % b;
const yearLength = (y: number): number => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);

export function weekNoMask(year: number, byweekno: readonly number[], wkst: number): Uint8Array {
  const yearStart = daysFromCivil(year, 1, 1);
  const yearlen = yearLength(year);
  const weekday = (i: number): number => isoWeekday(yearStart + i);
  const mask = new Uint8Array(yearlen + 7);
  const yearweekday = weekday(0);
  const firstwkst = pymod(7 - yearweekday + wkst, 7);
  let no1wkst = firstwkst;
  let wyearlen: number;
  if (no1wkst >= 4) {
    no1wkst = 0;
    wyearlen = yearlen + pymod(yearweekday - wkst, 7);
  } else {
    wyearlen = yearlen - no1wkst;
  }
  const numweeks = Math.floor(Math.floor(wyearlen / 7) + pymod(wyearlen, 7) / 4);
  const markWeek = (from: number): void => {
    let i = from;
    for (let k = 0; k < 7; k++) {
      mask[i] = 1;
      i++;
      if (weekday(i) === wkst) break;
    }
  };
  for (const listed of byweekno) {
    const n = listed < 0 ? listed + numweeks + 1 : listed;
    if (!(n > 0 && n <= numweeks)) continue;
    let i = no1wkst;
    if (n > 1) {
      i = no1wkst + (n - 1) * 7;
      if (no1wkst !== firstwkst) i -= 7 - firstwkst;
    }
    markWeek(i);
  }
  if (byweekno.includes(1)) {
    // Week 1 of the next year may start in this one.
    let i = no1wkst + numweeks * 7;
    if (no1wkst !== firstwkst) i -= 7 - firstwkst;
    if (i < yearlen) markWeek(i);
  }
  if (no1wkst) {
    // Days before this year's first week belong to last year's last week.
    let lnumweeks = -1;
    if (!byweekno.includes(-1)) {
      const lyearweekday = isoWeekday(daysFromCivil(year - 1, 1, 1));
      const lno1wkst = pymod(7 - lyearweekday + wkst, 7);
      // rrule.js takes this year's length and first week in the second case (sic).
      const weekst = lno1wkst >= 4 ? yearLength(year - 1) + pymod(lyearweekday - wkst, 7) : yearlen - no1wkst;
      lnumweeks = Math.floor(52 + pymod(weekst, 7) / 4);
    }
    if (byweekno.includes(lnumweeks)) for (let i = 0; i < no1wkst; i++) mask[i] = 1;
  }
  return mask;
}
