// Public API of the slot engine: pure functions over plain data.
export type * from "./types.js";
export { findSlots } from "./engine.js";
export { DEFAULT_ANCHOR, RULE_HORIZON_YEARS, expandOfficeHours, expandRule, occursSoon, parseRule, validateRule } from "./rules.js";
export { closedDates, isKnownHolidayCountry, publicHolidays, type ClosedDatesInput, type ClosureEntry, type NamedHoliday } from "./holidays.js";
export { formatLocalIso, formatUtcIso, isValidTimeZone, localDateOf, localDayOf, localToInstant, offsetAt, startOfLocalDay } from "./zone.js";
export { daysFromCivil, isoDate, parseIsoDate, parseWallTime } from "./calendar.js";
export { mergeIntervals } from "./intervals.js";
export { slotView, type SlotView } from "./view.js";
