// The figures against a fixture whose every number was worked out by hand (see figures-fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPeriod, computeFigures, intersect, nearestRank, subtract } from "../../src/domain/figures.js";
import type { TestApp } from "../helpers/app.js";
import { figuresApp, PERIOD } from "./figures-fixture.js";
import type { Actor, Ctx } from "../../src/domain/context.js";
import { DomainError } from "../../src/domain/errors.js";

const admin: Actor = { id: "admin-token", role: "admin", officeIds: [], staffId: null };

describe("nearest-rank percentiles", () => {
  it("takes the value at rank ⌈p·n/100⌉ and never invents a value", () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2); // the lower middle, not 2.5
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 90)).toBe(9); // exactly rank 9: no floating-point slip to rank 10
    expect(nearestRank([...ten, 11], 90)).toBe(10); // ⌈9.9⌉ = 10
    expect(nearestRank(ten, 100)).toBe(10);
    expect(nearestRank(ten, 0)).toBe(1);
  });
});

describe("interval arithmetic", () => {
  const i = (start: number, end: number) => ({ start, end });
  it("intersects and subtracts merged lists", () => {
    expect(intersect([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(5, 10), i(20, 25)]);
    expect(intersect([i(0, 10)], [i(10, 20)])).toEqual([]);
    expect(subtract([i(0, 10), i(20, 30)], [i(2, 3), i(5, 22), i(29, 40)])).toEqual([i(0, 2), i(3, 5), i(22, 29)]);
    expect(subtract([i(0, 10)], [])).toEqual([i(0, 10)]);
    expect(subtract([i(0, 10)], [i(-5, 15)])).toEqual([]);
  });
});

describe("checkPeriod", () => {
  const failure = (from: string, to: string) => {
    try {
      checkPeriod(from, to);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return { kind: (e as DomainError).kind, errors: (e as DomainError).extra.errors };
    }
    return null;
  };
  it("names the field at fault", () => {
    expect(failure("2026-02-30", "2026-03-01")).toEqual({ kind: "validation", errors: [{ path: "from", message: "must be a real date written YYYY-MM-DD" }] });
    expect(failure("2026-03-01", "1/3/2026")).toEqual({ kind: "validation", errors: [{ path: "to", message: "must be a real date written YYYY-MM-DD" }] });
    expect(failure("2026-03-02", "2026-03-01")).toEqual({ kind: "validation", errors: [{ path: "to", message: "must be on or after from" }] });
    expect(failure("2026-01-01", "2027-01-02")).toEqual({ kind: "validation", errors: [{ path: "to", message: "the period may span at most 366 days" }] });
    expect(failure("2026-01-01", "2027-01-01")).toBeNull(); // 366 days
    expect(failure("2026-03-01", "2026-03-01")).toBeNull();
  });
});

describe("computeFigures", () => {
  let t: TestApp;
  let ctx: Ctx;
  beforeAll(async () => {
    ({ t } = await figuresApp());
    ctx = { deps: t.deps, actor: admin };
  }, 30_000);
  afterAll(() => t.close());

  it("matches the figures worked out by hand", async () => {
    const f = await computeFigures(ctx, { officeIds: ["bogota"], ...PERIOD });
    expect(f.period).toEqual(PERIOD);
    expect(f.offices).toHaveLength(1);
    const [office] = f.offices;
    expect(office!.office).toEqual({ id: "bogota", name: "SMO Bogotá", timeZone: "America/Bogota" });
    expect(office!.services).toEqual([
      {
        serviceId: "iom-counseling",
        serviceName: "IOM counseling session",
        booked: 6, // A B C D E G; F cancelled; H and I outside the period
        cancelled: 1,
        completed: 1,
        checkedIn: 1,
        noShow: 1,
        noShowRate: { part: 1, whole: 3 }, // B of B, C, A; D started but has no outcome yet
        daysMedian: 17, // sorted 11 16 17 21 23 29: rank ⌈3⌉ = 3
        daysP90: 29, // rank ⌈5.4⌉ = 6
        insideWindow: { part: 5, whole: 6 }, // D was booked with an override
      },
      {
        serviceId: "iom-followup",
        serviceName: "IOM follow-up",
        booked: 1,
        cancelled: 0,
        completed: 0,
        checkedIn: 0,
        noShow: 0,
        noShowRate: { part: 0, whole: 0 },
        daysMedian: 14,
        daysP90: 14,
        insideWindow: { part: 1, whole: 1 },
      },
    ]);
    // ana: 9 open weekdays less the closure of 12-11 = 8 × 240 min = 1920, less time off 120
    // and 12:00–13:00 of 12-14 = 1740. ben: 16:00–17:00 on 12-02, 12-07, 12-09 (12-14 closed) = 180.
    // Booked: ana A B C D G × 60 + follow-up 30 = 330; ben E 60.
    expect(office!.interviewers).toEqual([
      { staffId: "ana", name: "Ana Counselor", bookedMinutes: 330, availableMinutes: 1740 },
      { staffId: "ben", name: "Ben Counselor", bookedMinutes: 60, availableMinutes: 180 },
    ]);
    expect([office!.bookedMinutes, office!.availableMinutes]).toEqual([390, 1920]);
    expect(f.weeks).toEqual([
      { monday: "2026-11-30", booked: 4 }, // D B C follow-up
      { monday: "2026-12-07", booked: 2 }, // A E
      { monday: "2026-12-14", booked: 1 }, // G
    ]);
  });

  it("with one service: its row, the interviewers who serve it, and all their booked time", async () => {
    const f = await computeFigures(ctx, { officeIds: ["bogota"], serviceId: "iom-followup", ...PERIOD });
    expect(f.offices[0]!.services.map((s) => [s.serviceId, s.booked])).toEqual([["iom-followup", 1]]);
    expect(f.offices[0]!.interviewers).toEqual([{ staffId: "ana", name: "Ana Counselor", bookedMinutes: 330, availableMinutes: 1740 }]);
    expect(f.weeks.map((w) => w.booked)).toEqual([1, 0, 0]);
  });

  it("counts a period by the office's local dates, at both ends", async () => {
    // 11-30 12:00 Bogotá (I) and 12-15 09:00 (H) fall in when the period reaches them.
    const f = await computeFigures(ctx, { officeIds: ["bogota"], serviceId: "iom-counseling", from: "2026-11-30", to: "2026-12-15" });
    expect(f.offices[0]!.services[0]!.booked).toBe(8);
    const one = await computeFigures(ctx, { officeIds: ["bogota"], serviceId: "iom-counseling", from: "2026-12-15", to: "2026-12-15" });
    expect(one.offices[0]!.services[0]!.booked).toBe(1);
    // ana 09:00–13:00 on Tuesday 12-15: 240 available, H booked 60.
    expect(one.offices[0]!.interviewers.find((i) => i.staffId === "ana")).toMatchObject({ bookedMinutes: 60, availableMinutes: 240 });
  });

  it("gives zeros and no ratios for a period without appointments", async () => {
    const f = await computeFigures(ctx, { officeIds: ["bogota"], from: "2027-03-01", to: "2027-03-07" });
    for (const s of f.offices[0]!.services) {
      expect(s).toMatchObject({ booked: 0, cancelled: 0, noShowRate: { part: 0, whole: 0 }, daysMedian: null, daysP90: null, insideWindow: { part: 0, whole: 0 } });
    }
    // Week of 2027-03-01: ana 5 × 240 = 1200, ben Monday and Wednesday 2 × 60 = 120.
    expect(f.offices[0]!.interviewers.map((i) => [i.staffId, i.bookedMinutes, i.availableMinutes])).toEqual([
      ["ana", 0, 1200],
      ["ben", 0, 120],
    ]);
    expect(f.weeks).toEqual([{ monday: "2027-03-01", booked: 0 }]);
  });

  it("holds the scopes: a scheduler of another office and an interviewer are refused", async () => {
    const other: Actor = { id: "u1", role: "scheduler", officeIds: ["quito"], staffId: null };
    const interviewer: Actor = { id: "u2", role: "interviewer", officeIds: [], staffId: "ana" };
    for (const actor of [other, interviewer]) {
      await expect(computeFigures({ deps: t.deps, actor }, { officeIds: ["bogota"], ...PERIOD })).rejects.toMatchObject({ kind: "forbidden" });
    }
    const own: Actor = { id: "u3", role: "scheduler", officeIds: ["bogota"], staffId: null };
    expect((await computeFigures({ deps: t.deps, actor: own }, { officeIds: ["bogota"], ...PERIOD })).offices[0]!.services[0]!.booked).toBe(6);
  });

  it("names an unknown office or service", async () => {
    await expect(computeFigures(ctx, { officeIds: ["nowhere"], ...PERIOD })).rejects.toMatchObject({
      kind: "validation",
      extra: { errors: [{ path: "office", message: "there is no office 'nowhere'" }] },
    });
    await expect(computeFigures(ctx, { officeIds: ["bogota"], serviceId: "nothing", ...PERIOD })).rejects.toMatchObject({
      kind: "validation",
      extra: { errors: [{ path: "service", message: "there is no service 'nothing'" }] },
    });
  });
});
