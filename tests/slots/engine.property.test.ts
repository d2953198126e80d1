import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { findSlots } from "../../src/slots/engine.js";
import { referenceExpandOfficeHours, referenceExpandRule, referenceFindSlots } from "./reference/engine.js";
import type { Interval, Slot, SlotQuery } from "../../src/slots/types.js";
import { arbQuery } from "./arbitraries.js";

const inside = (list: Interval[], a: number, b: number): boolean => {
  // Union coverage, checked the slow way: sweep forward through the intervals.
  const sorted = [...list].sort((x, y) => x.start - y.start);
  let cur = a;
  for (const i of sorted) if (i.start <= cur && i.end > cur) cur = i.end;
  return cur >= b;
};
const hits = (list: Interval[], a: number, b: number): boolean => list.some((i) => i.end > i.start && i.start < b && i.end > a);

function checkInvariants(q: SlotQuery, slots: Slot[]): void {
  const zone = q.office.timeZone;
  const duration = q.service.durationMinutes * 60_000;
  const hold = duration + q.service.bufferMinutes * 60_000;
  const [lo, hi] = [q.from - 86_400_000, q.to + 2 * 86_400_000];
  const open = referenceExpandOfficeHours(q.office.hours, zone, lo, hi, q.office.closedDates);
  const avail = new Map(q.staff.map((s) => [s.id, s.rules.flatMap((r) => referenceExpandRule(r, lo, hi))]));
  for (const [k, slot] of slots.entries()) {
    const { start, end } = slot;
    if (k > 0) expect(start).toBeGreaterThan(slots[k - 1]!.start);
    expect(end - start).toBe(duration);
    expect(start >= q.from && start < q.to && start >= q.notBefore).toBe(true);
    const local = DateTime.fromMillis(start, { zone });
    const date = local.toISODate()!;
    expect(q.office.closedDates.has(date)).toBe(false);
    if (q.window) expect(date >= q.window.firstDate && date <= q.window.lastDate).toBe(true);
    if (q.service.dailyCapPerOffice != null) expect(q.dayCounts.get(date) ?? 0).toBeLessThan(q.service.dailyCapPerOffice);
    expect((local.hour * 60 + local.minute) % q.service.slotStepMinutes).toBe(0);
    expect(local.second).toBe(0);
    expect(inside(open, start, end)).toBe(true);
    expect(hits(q.office.closedIntervals, start, end)).toBe(false);
    expect(slot.staffIds.length).toBeGreaterThan(0);
    for (const id of slot.staffIds) {
      const s = q.staff.find((p) => p.id === id)!;
      expect(inside(avail.get(id)!, start, end)).toBe(true);
      expect(hits([...s.appointments, ...s.timeOff], start, start + hold)).toBe(false);
    }
    if (q.service.needsRoom) expect(slot.roomIds.length).toBeGreaterThan(0);
    else expect(slot.roomIds).toEqual([]);
    expect([...slot.roomIds].sort()).toEqual(slot.roomIds);
    for (const id of slot.roomIds) expect(hits(q.rooms.find((r) => r.id === id)!.busy, start, start + hold)).toBe(false);
  }
}

describe("findSlots properties", () => {
  it("equals the plain reference engine and keeps every rule", () => {
    let withSlots = 0;
    fc.assert(
      fc.property(arbQuery, (q) => {
        const slots = findSlots(q);
        expect(slots).toEqual(referenceFindSlots(q));
        checkInvariants(q, slots);
        if (slots.length > 0) withSlots++;
      }),
      { numRuns: 200 },
    );
    // The generators must produce real answers, not only empty ones.
    expect(withSlots).toBeGreaterThan(30);
  });

  it("splits: [a, c) is [a, b) followed by [b, c)", () => {
    fc.assert(
      fc.property(arbQuery, fc.double({ min: 0, max: 1, noNaN: true }), (q, f) => {
        const b = q.from + Math.round(((q.to - q.from) * f) / 60_000) * 60_000;
        const whole = findSlots(q);
        const parts = [...findSlots({ ...q, to: b }), ...findSlots({ ...q, from: b })];
        expect(parts).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("never repeats an instant, even when the grid meets a fall-back hour", () => {
    fc.assert(
      fc.property(arbQuery, (q) => {
        const starts = findSlots(q).map((s) => s.start);
        expect(new Set(starts).size).toBe(starts.length);
      }),
      { numRuns: 300 },
    );
  });
});
