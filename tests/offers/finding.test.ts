// Who is offered a freed time, and in what order: flagged cases first, then the window closing
// soonest (or the oldest screening, by the office's rule); only cases whose window holds the day,
// on the service's track, in a language the freed interviewer speaks, reachable, never the case
// that gave the time up; booked cases only when their appointment is later.
import { afterEach, describe, expect, it } from "vitest";
import { FREED, at, booking, freeIt, newCase, offersApp, offersOf, offerMessages } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

let t: TestApp;
afterEach(() => t?.close());

describe("finding and ordering the cases a freed time is offered to", () => {
  it("offers the waiting cases whose window closes soonest, skipping those it cannot serve", async () => {
    const app = await offersApp(3);
    t = app.t;
    // Windows (screened + 14 … 28 days): 11-20 → ends 12-18, 11-22 → 12-20, 11-23 → 12-21.
    const late = await newCase(t, { screenedAt: "2026-11-23" });
    const soon = await newCase(t, { screenedAt: "2026-11-20" });
    const middle = await newCase(t, { screenedAt: "2026-11-22" });
    const latest = await newCase(t, { screenedAt: "2026-11-23", reference: "LATEST" });
    await t.post(`/v1/cases/${latest}/extensions`, { days: 5, reason: "Looking for a sponsor" });
    // Not offered: Creole (Ana speaks es/en), no contact, the other track, a window already closed.
    await newCase(t, { screenedAt: "2026-11-20", language: "ht" });
    await newCase(t, { screenedAt: "2026-11-20", contact: {} });
    await t.post("/v1/services", { id: "unhcr-interview", name: "Interview", agency: "UNHCR", durationMinutes: 60, bufferMinutes: 0, window: { minDays: 1, maxDays: 90 } });
    await newCase(t, { screenedAt: "2026-11-20", track: "UNHCR" });
    await newCase(t, { screenedAt: "2026-11-01", reference: "CLOSED" });
    await freeIt(t, app.appointmentId);

    const made = await offersOf(t);
    expect(made.map((o) => o.caseId)).toEqual([soon, middle, late]);
    expect(made.some((o) => o.caseId === app.holder)).toBe(false);
    // Each offer is announced on the case's channels, in the same batch.
    expect((await offerMessages(t)).length).toBe(6);
  });

  it("puts a flagged case first, whatever its window, and keeps the flag's history", async () => {
    const app = await offersApp(1);
    t = app.t;
    await newCase(t, { screenedAt: "2026-11-20" });
    const flagged = await newCase(t, { screenedAt: "2026-11-23" });
    const missing = await t.post(`/v1/cases/${flagged}/priority`, { priority: true });
    expect(missing.status).toBe(422);
    expect(missing.json.errors[0].path).toBe("reason");
    const set = await t.post(`/v1/cases/${flagged}/priority`, { priority: true, reason: "Medical appointment abroad" });
    expect(set.status).toBe(200);
    expect(set.json.priority).toMatchObject({ reason: "Medical appointment abroad" });
    await freeIt(t, app.appointmentId);
    expect((await offersOf(t)).map((o) => o.caseId)).toEqual([flagged]);

    const cleared = await t.post(`/v1/cases/${flagged}/priority`, { priority: false, reason: "Trip cancelled" });
    expect(cleared.json.priority).toBeNull();
    const history = await t.get(`/v1/cases/${flagged}/priority`);
    expect(history.json.items.map((e: { priority: boolean; reason: string }) => [e.priority, e.reason])).toEqual([
      [true, "Medical appointment abroad"],
      [false, "Trip cancelled"],
    ]);
  });

  it("takes the oldest screening first when the office says so", async () => {
    const app = await offersApp(1);
    t = app.t;
    await t.patch("/v1/offices/bogota", { settings: { offerBatchSize: 1, offerOrder: "screened-first" } });
    const extended = await newCase(t, { screenedAt: "2026-11-20" });
    await t.post(`/v1/cases/${extended}/extensions`, { days: 30, reason: "Sponsor" });
    await newCase(t, { screenedAt: "2026-11-21" });
    await freeIt(t, app.appointmentId);
    expect((await offersOf(t)).map((o) => o.caseId)).toEqual([extended]);
  });

  it("offers booked cases of the same service whose appointment is later, never earlier ones", async () => {
    const app = await offersApp(3);
    t = app.t;
    const later = await newCase(t);
    const earlier = await newCase(t);
    expect((await t.post("/v1/appointments", booking(later, at("10:00", "2026-12-14")))).status).toBe(201);
    expect((await t.post("/v1/appointments", booking(earlier, at("09:00", "2026-12-04")))).status).toBe(201);
    await freeIt(t, app.appointmentId);
    const made = await offersOf(t);
    expect(made.map((o) => o.caseId)).toEqual([later]);
    expect(made[0]!.appointmentId).not.toBeNull();
    expect(made[0]!.originalAt).toBe(Date.parse(at("10:00", "2026-12-14")));
  });

  it("does not offer a time that is no longer free, nor one freed by a move within the notice", async () => {
    const app = await offersApp(3);
    t = app.t;
    await newCase(t);
    // Staff give the freed time to someone else before the sweep runs.
    await t.post(`/v1/appointments/${app.appointmentId}/cancel`, { reason: "Moved" });
    expect((await t.post("/v1/appointments", booking(await newCase(t, { reference: "WALK-IN" }), FREED, { staffId: "ana" }))).status).toBe(201);
    const { sweepOffers } = await import("../../src/domain/offers-sweep.js");
    await sweepOffers(t.deps);
    expect(await offersOf(t)).toEqual([]);
  });
});
