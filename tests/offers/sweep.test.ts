// The background sweep is safe to run from several processes at once, and repairs an accept that
// a crash cut off between its claim and its booking.
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { offers } from "../../src/db/schema.js";
import { sweepOffers } from "../../src/domain/offers-sweep.js";
import { depsFor, secondConnection } from "../notify/deps.js";
import { FREED, booking, newCase, offerFor, offerMessages, offersApp, offersOf, rounds } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

let t: TestApp;
afterEach(() => t?.close());

describe("the offers sweep", () => {
  it("makes each offer once when two processes sweep the same cancellation at once", async () => {
    const app = await offersApp(3);
    t = app.t;
    for (let i = 0; i < 6; i++) await newCase(t);
    await t.post(`/v1/appointments/${app.appointmentId}/cancel`, { reason: "Moved" });
    const other = secondConnection(t);
    try {
      await Promise.all([sweepOffers(t.deps), sweepOffers(depsFor(t, { database: other.database })), sweepOffers(t.deps)]);
    } finally {
      other.close();
    }
    expect(await rounds(t)).toHaveLength(1);
    expect((await offersOf(t)).filter((o) => o.status === "open")).toHaveLength(3);
    expect(await offerMessages(t)).toHaveLength(6);
    // A later sweep with nothing new changes nothing.
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toHaveLength(3);
  });

  it("settles an accept a crash left half-done: accepted when the case got the time, else open again", async () => {
    const app = await offersApp(2);
    t = app.t;
    const booked = await newCase(t, { screenedAt: "2026-11-20" });
    const lost = await newCase(t, { screenedAt: "2026-11-21" });
    await t.post(`/v1/appointments/${app.appointmentId}/cancel`, { reason: "Moved" });
    await sweepOffers(t.deps);
    // Cut off after its claim, before booking: the offer is open again once the claim is stale.
    await t.database.db.update(offers).set({ status: "accepting", decidedAt: t.clock.now() }).where(eq(offers.caseId, lost));
    t.clock.advance(30_000);
    await sweepOffers(t.deps);
    expect((await offerFor(t, lost)).status).toBe("accepting");
    t.clock.advance(31_000);
    await sweepOffers(t.deps);
    expect((await offerFor(t, lost)).status).toBe("open");
    // Cut off after its booking: the offer is recorded as accepted.
    await t.database.db.update(offers).set({ status: "accepting", decidedAt: t.clock.now() }).where(eq(offers.caseId, booked));
    expect((await t.post("/v1/appointments", booking(booked, FREED, { staffId: "ana" }))).status).toBe(201);
    t.clock.advance(61_000);
    await sweepOffers(t.deps);
    expect((await offerFor(t, booked)).status).toBe("accepted");
  });
});
