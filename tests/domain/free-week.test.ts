// The one week of free starts that the console's book page, its reschedule panel and the
// applicant's page show: Bogotá, weekdays 09:00–13:00, window 2026-12-04 … 2026-12-18, clock
// at Monday 2026-11-23 (see tests/helpers/booking.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { freeWeek, type FreeWeek } from "../../src/domain/free-week.js";
import { findCase } from "../../src/domain/cases.js";
import { getOffice } from "../../src/domain/offices.js";
import { getService } from "../../src/domain/services.js";
import { getAppointment } from "../../src/domain/booking/read.js";
import { formatLocalIso, isoDate, parseIsoDate } from "../../src/slots/index.js";

let t: TestApp;
const admin = { id: "admin-token", role: "admin" as const, officeIds: [], staffId: null };
const ctx = () => ({ deps: t.deps, actor: admin });

beforeEach(async () => {
  t = await bookingApp({ service: { durationMinutes: 60, slotStepMinutes: 60 } });
});
afterEach(() => t.close());

async function week(caseId: string, over: { requested?: string; moving?: string } = {}) {
  const [caseRow, office, service] = await Promise.all([findCase(ctx(), caseId), getOffice(ctx(), "bogota"), getService(ctx(), "iom-counseling")]);
  const moving = over.moving ? await getAppointment(ctx(), over.moving) : undefined;
  return freeWeek(ctx(), { caseRow, office, service, moving, requested: over.requested ? parseIsoDate(over.requested)! : undefined });
}

/** The week as Monday, neighbours and each day's local start times. */
function shape(w: FreeWeek) {
  if (!w.open) return { open: false };
  return {
    monday: isoDate(w.monday),
    previous: w.previous === null ? null : isoDate(w.previous),
    next: w.next === null ? null : isoDate(w.next),
    full: w.full,
    days: w.days.map(([day, slots]) => [isoDate(day), slots.map((s) => formatLocalIso(s.start, "America/Bogota").slice(11, 16))]),
  };
}

describe("freeWeek", () => {
  it("opens on the week of the first free start inside the window, from its first day", async () => {
    const w = shape(await week(await newCase(t)));
    expect(w).toMatchObject({ monday: "2026-11-30", previous: null, next: "2026-12-07", full: false });
    // The window opens on Friday the 4th: the days before it in that week offer nothing.
    expect(w.days).toEqual([["2026-12-04", ["09:00", "10:00", "11:00", "12:00"]]]);
  });

  it("keeps a requested week inside the window and says which weeks lie on either side", async () => {
    const caseId = await newCase(t);
    expect(shape(await week(caseId, { requested: "2027-03-03" }))).toMatchObject({ monday: "2026-12-14", previous: "2026-12-07", next: null });
    expect(shape(await week(caseId, { requested: "2026-01-01" }))).toMatchObject({ monday: "2026-11-30", previous: null });
    const middle = shape(await week(caseId, { requested: "2026-12-09" }));
    expect(middle).toMatchObject({ monday: "2026-12-07", previous: "2026-11-30", next: "2026-12-14" });
    if (middle.open !== false) expect(middle.days!.map(([day]) => day)).toEqual(["2026-12-07", "2026-12-09", "2026-12-10", "2026-12-11"]); // 8 December is a public holiday in Colombia
  });

  it("counts the moved appointment's own hold as free but leaves its start out", async () => {
    const caseId = await newCase(t);
    const booked = await t.post("/v1/appointments", booking(caseId, at("10:00", "2026-12-04")));
    expect(booked.status).toBe(201);
    const moving = shape(await week(caseId, { moving: booked.json.id }));
    expect(moving).toMatchObject({ monday: "2026-11-30" });
    if (moving.open !== false) expect(moving.days).toEqual([["2026-12-04", ["09:00", "11:00", "12:00"]]]);
    // For another case that hour is simply taken.
    const other = shape(await week(await newCase(t, { reference: "OTHER" })));
    if (other.open !== false) expect(other.days).toEqual([["2026-12-04", ["09:00", "11:00", "12:00"]]]);
  });

  it("says the window is full, or has passed", async () => {
    await t.put("/v1/staff/ana/availability", []);
    expect(shape(await week(await newCase(t)))).toMatchObject({ full: true, days: [] });
    expect(shape(await week(await newCase(t, { reference: "OLD", screenedAt: "2026-10-01" })))).toEqual({ open: false });
  });
});
