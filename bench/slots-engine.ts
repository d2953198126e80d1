// Slot engine benchmark: 90 days, 20 interviewers × 3 weekly rules in three zones,
// ~3,000 bookings, a Bogotá office open Mon–Fri 08:00–17:00, a 60-minute service on
// a 30-minute grid. Seeded, so every run searches the same data.
import { findSlots } from "../src/slots/engine.js";
import { mulberry32 } from "../src/lib/random.js";
import { closedDates } from "../src/slots/holidays.js";
import { clearZoneCache, localToInstant } from "../src/slots/zone.js";
import { civilFromDays, daysFromCivil, isoWeekday } from "../src/slots/calendar.js";
import type { AvailabilityRule, Interval, SlotQuery, StaffInput } from "../src/slots/types.js";
import { percentile } from "./percentile.js";

type Emit = (figure: Record<string, unknown>) => void;

const OFFICE_ZONE = "America/Bogota";
const DURATION = 60;
const BUFFER = 10;
const ROOMS = 12;

function rulesFor(i: number): AvailabilityRule[] {
  const weekly = (byday: string, start: string, end: string, timeZone: string): AvailabilityRule => ({
    rrule: `FREQ=WEEKLY;BYDAY=${byday}`,
    start,
    end,
    timeZone,
  });
  if (i % 7 === 3) {
    const z = "America/New_York"; // remote counsellor, 09:00–13:00 New York time
    return [weekly("MO,TU", "09:00", "13:00", z), weekly("WE,TH", "09:00", "13:00", z), weekly("FR", "10:00", "14:00", z)];
  }
  if (i % 7 === 5) {
    const z = "Europe/Madrid"; // remote, afternoons in Madrid are Bogotá mornings
    return [weekly("MO,WE", "14:00", "20:00", z), weekly("TU,TH", "15:00", "21:00", z), weekly("FR", "14:00", "18:00", z)];
  }
  const z = OFFICE_ZONE;
  return [weekly("MO,WE", "08:00", "13:00", z), weekly("TU,TH", "12:00", "17:00", z), weekly("FR", "08:00", "17:00", z)];
}

function shuffle<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Random weekday bookings at grid times inside office hours, between two local days. */
function bookings(rand: () => number, count: number, firstDay: number, days: number): Interval[][] {
  const perStaff: Interval[][] = Array.from({ length: 20 }, () => []);
  const taken = new Set<string>();
  while (taken.size < count) {
    const day = firstDay + Math.floor(rand() * days);
    if (isoWeekday(day) > 4) continue;
    const staff = Math.floor(rand() * 20);
    const minute = 8 * 60 + 30 * Math.floor(rand() * 16);
    const key = `${staff}:${day}:${minute}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const [y, m, d] = civilFromDays(day);
    const start = localToInstant(OFFICE_ZONE, y, m, d, minute)!;
    perStaff[staff]!.push({ start, end: start + (DURATION + BUFFER) * 60_000 });
  }
  // As a query with ORDER BY start would return them.
  for (const list of perStaff) list.sort((a, b) => a.start - b.start);
  return perStaff;
}

function scenario(perStaff: Interval[][]): SlotQuery {
  const first = daysFromCivil(2026, 3, 2);
  const from = localToInstant(OFFICE_ZONE, 2026, 3, 2, 0)!;
  const [y, m, d] = civilFromDays(first + 90);
  const to = localToInstant(OFFICE_ZONE, y, m, d, 0)!;
  const staff: StaffInput[] = perStaff.map((appointments, i) => ({
    id: `s${String(i).padStart(2, "0")}`,
    rules: rulesFor(i),
    appointments,
    timeOff: [],
  }));
  // Each booking holds one room, spread evenly; lists stay in start order.
  const all = perStaff.flatMap((list, i) => list.map((a, k) => ({ ...a, room: (i * 7 + k) % ROOMS })));
  all.sort((a, b) => a.start - b.start);
  const rooms = Array.from({ length: ROOMS }, (_, r) => ({
    id: `r${String(r).padStart(2, "0")}`,
    busy: all.filter((a) => a.room === r).map(({ start, end }) => ({ start, end })),
  }));
  return {
    from,
    to,
    office: {
      timeZone: OFFICE_ZONE,
      hours: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" }],
      closedDates: closedDates({ country: "CO", from: "2026-03-01", to: "2026-06-01" }),
      closedIntervals: [],
    },
    service: { durationMinutes: DURATION, bufferMinutes: BUFFER, slotStepMinutes: 30, dailyCapPerOffice: 400, needsRoom: true },
    staff,
    rooms,
    dayCounts: new Map(),
    notBefore: from,
    window: null,
  };
}

function timeRuns(query: SlotQuery, runs: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) findSlots(query);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findSlots(query);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export async function run(emit: Emit): Promise<void> {
  const rand = mulberry32(20_260_302);
  const query = scenario(bookings(rand, 3000, daysFromCivil(2026, 3, 2), 90));
  const appointments = query.staff.reduce((n, s) => n + s.appointments.length, 0);

  const slots = findSlots(query);
  const times = timeRuns(query, 500, 300);
  emit({ name: "slots.engine.90d.p50_ms", value: round(percentile(times, 50)), unit: "ms", slots: slots.length, appointments });
  emit({ name: "slots.engine.90d.p99_ms", value: round(percentile(times, 99)), unit: "ms" });

  // Nothing cached between queries: every zone's offset changes found again.
  const uncached: number[] = [];
  for (let i = 0; i < 30; i++) {
    clearZoneCache();
    const t0 = performance.now();
    findSlots(query);
    uncached.push(performance.now() - t0);
  }
  emit({
    name: "slots.engine.90d.uncached_p50_ms",
    value: round(
      percentile(
        uncached.sort((a, b) => a - b),
        50,
      ),
    ),
    unit: "ms",
  });

  // Bookings in no particular order cost a sort per list.
  const shuffled = { ...query, staff: query.staff.map((s, i) => ({ ...s, appointments: shuffle(s.appointments, mulberry32(i)) })) };
  emit({ name: "slots.engine.90d.p50_ms.unsorted_input", value: round(percentile(timeRuns(shuffled, 200, 100), 50)), unit: "ms" });

  // Whole-process heap after the runs; collected first when node runs with --expose-gc.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  emit({ name: "slots.engine.heap_mb", value: round(process.memoryUsage().heapUsed / 1_048_576), unit: "MB", collected: gc !== undefined });

  // 300,000 bookings over twenty years; a bounded query loads only those that can
  // touch a slot: start > from − longest hold, start < to + this service's hold.
  const history = bookings(mulberry32(7), 300_000, daysFromCivil(2016, 1, 1), 7305);
  const hold = (DURATION + BUFFER) * 60_000;
  const bounded = history.map((list) => list.filter((a) => a.start > query.from - hold && a.start < query.to + hold));
  const loaded = bounded.reduce((n, l) => n + l.length, 0);
  const withHistory = (lists: Interval[][]): SlotQuery => ({
    ...query,
    staff: query.staff.map((s, i) => ({ ...s, appointments: lists[i]! })),
  });
  const boundedTimes = timeRuns(withHistory(bounded), 200, 100);
  emit({ name: "slots.engine.90d.p50_ms.300k_history", value: round(percentile(boundedTimes, 50)), unit: "ms", appointments: loaded });
  const unboundedTimes = timeRuns(withHistory(history), 10, 2);
  emit({ name: "slots.engine.90d.p50_ms.300k_unbounded", value: round(percentile(unboundedTimes, 50)), unit: "ms", appointments: 300_000 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run((x) => console.log(JSON.stringify(x)));
}
