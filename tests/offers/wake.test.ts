// A freed time is offered as soon as it is freed, not at the dispatcher's next tick: the
// cancellation wakes this process's loop, which sweeps at once.
import { afterEach, describe, expect, it } from "vitest";
import { startDispatcher, type DispatcherHandle } from "../../src/notify/loop.js";
import { newCase, offersApp, offersOf } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

let t: TestApp;
let loop: DispatcherHandle | undefined;
afterEach(async () => {
  await loop?.stop();
  t?.close();
});

/** Polls for `done` up to `ms`; true when it came. */
async function within(ms: number, done: () => Promise<boolean>): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (await done()) return true;
  return false;
}

describe("the dispatcher loop and freed time", () => {
  it("offers a cancelled time at once, though its next tick is a minute away", async () => {
    const app = await offersApp(1);
    t = app.t;
    const waiting = await newCase(t);
    loop = startDispatcher(t.deps, { intervalMs: 60_000 });
    const res = await t.post(`/v1/appointments/${app.appointmentId}/cancel`, { reason: "Moved away" });
    expect(res.status).toBe(200);
    expect(await within(5_000, async () => (await offersOf(t)).some((o) => o.caseId === waiting))).toBe(true);
  });

  it("stops listening when stopped: a cancellation after that sweeps nothing", async () => {
    const app = await offersApp(1);
    t = app.t;
    await newCase(t);
    loop = startDispatcher(t.deps, { intervalMs: 60_000 });
    await loop.stop();
    expect(t.deps.state.timeFreed.size).toBe(0);
    await t.post(`/v1/appointments/${app.appointmentId}/cancel`, { reason: "Moved away" });
    expect(await within(300, async () => (await offersOf(t)).length > 0)).toBe(false);
  });
});
