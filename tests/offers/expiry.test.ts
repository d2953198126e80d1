// Offers expire after waking time: the office's quiet hours (default 20:00–08:00) do not count,
// so no offer runs out at night or while its text message waits for the morning.
import { afterEach, describe, expect, it } from "vitest";
import { wakingDeadline } from "../../src/domain/offers-expiry.js";
import { freeIt, newCase, offerFor, offersApp } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

const quiet = { quietHoursStart: "20:00", quietHoursEnd: "08:00" };
const bogota = (local: string) => Date.parse(`${local}-05:00`);
const deadline = (local: string, minutes = 120, zone = "America/Bogota", q = quiet) => wakingDeadline(bogota(local), minutes, zone, q);

describe("waking time", () => {
  it("runs straight through the day", () => {
    expect(deadline("2026-11-23T10:00")).toBe(bogota("2026-11-23T12:00"));
  });

  it("stops for the night: made at 19:30, two hours end at 09:30 the next morning", () => {
    expect(deadline("2026-11-23T19:30")).toBe(bogota("2026-11-24T09:30"));
  });

  it("starts in the morning when made at night, and never ends on the stroke of the quiet hours", () => {
    expect(deadline("2026-11-23T23:00")).toBe(bogota("2026-11-24T10:00"));
    expect(deadline("2026-11-24T03:00")).toBe(bogota("2026-11-24T10:00"));
    expect(deadline("2026-11-23T18:00")).toBe(bogota("2026-11-24T08:00"));
  });

  it("crosses several nights for a long setting, and quiet hours inside one day", () => {
    // 12 h a day awake: 30 h from Monday 10:00 = Monday 10 h, Tuesday 12 h, Wednesday 8 h.
    expect(deadline("2026-11-23T10:00", 30 * 60)).toBe(bogota("2026-11-25T16:00"));
    const lunch = { quietHoursStart: "12:00", quietHoursEnd: "14:00" };
    expect(deadline("2026-11-23T11:00", 120, "America/Bogota", lunch)).toBe(bogota("2026-11-23T15:00"));
    expect(deadline("2026-11-23T11:00", 120, "America/Bogota", { quietHoursStart: "00:00", quietHoursEnd: "00:00" })).toBe(bogota("2026-11-23T13:00"));
  });

  it("follows the office's wall clock across a DST change (Santiago springs forward on 2026-09-06)", () => {
    const santiago = (local: string, offset: string) => Date.parse(`${local}${offset}`);
    // Saturday 19:30 (UTC-4): 30 minutes, the night, then 90 minutes after 08:00 Sunday (UTC-3).
    expect(wakingDeadline(santiago("2026-09-05T19:30", "-04:00"), 120, "America/Santiago", quiet)).toBe(santiago("2026-09-06T09:30", "-03:00"));
  });
});

describe("an offer's expiry", () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it("is set in waking time when the offer is made at 19:30", async () => {
    const app = await offersApp(1);
    t = app.t;
    const waiting = await newCase(t);
    t.clock.set(bogota("2026-11-23T19:30"));
    await freeIt(t, app.appointmentId);
    expect((await offerFor(t, waiting)).expiresAt).toBe(bogota("2026-11-24T09:30"));
  });
});
