// What a process keeps between requests is exactly `deps.state`: after real requests every piece
// shows there, an app built with the same state carries it on, and a fresh state starts over
// although the database, clock and settings are the same.
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { createProcessState } from "../../src/process-state.js";
import { PER_LINK } from "../../src/routes/applicant/rate-limit.js";
import { linkApp, type TestApp } from "../applicant/helpers.js";
import { depsFor } from "../notify/deps.js";

let t: TestApp;
afterEach(() => t?.close());

const statusOf = async (app: ReturnType<typeof createApp>, path: string) => (await app.request(path)).status;

describe("process state", () => {
  it("holds every cache, limiter, key and figure the requests made, in the one object the app was given", async () => {
    const { t: app, path } = await linkApp();
    t = app;
    const { state } = t.deps;
    expect((await t.get("/v1/slots?service=iom-counseling&office=bogota&from=2026-12-07&to=2026-12-12")).status).toBe(200);
    expect(await statusOf(t.app, path)).toBe(200);

    expect([...state.answerCaches.keys()].length).toBeGreaterThan(0);
    expect(state.tokenHashes.has("test-admin-token")).toBe(true);
    expect(state.hmacKeys.has("link")).toBe(true);
    expect([...state.rateWindows.link.values()].map((w) => w.count)).toEqual([1]);
    expect([...state.httpRequests.values()].some((s) => s.labels.route === "/v1/slots" && s.value === 1)).toBe(true);
    expect(state.httpLatency.size).toBeGreaterThan(0);
  });

  it("carries the applicant rate limit into an app given the same state, and not into one given a fresh state", async () => {
    const { t: app, path } = await linkApp();
    t = app;
    for (let i = 0; i < PER_LINK.limit; i++) expect(await statusOf(t.app, path)).toBe(200);
    expect(await statusOf(t.app, path)).toBe(429);

    // A new Deps object over the same database and settings: the state decides, not the object.
    expect(await statusOf(createApp({ ...t.deps }), path)).toBe(429);
    expect(await statusOf(createApp({ ...t.deps, state: createProcessState() }), path)).toBe(200);
  });

  it("logs a held mail row once per state, however many Deps objects the dispatcher is called with", async () => {
    const { t: app } = await linkApp();
    t = app;
    const state = createProcessState();
    const first = depsFor(t, { state });
    const second = depsFor(t, { state });
    const fresh = depsFor(t);
    for (const deps of [first, second, fresh]) expect(await dispatchDue(deps)).toMatchObject({ held: 1 });
    const heldLines = (logs: string[]) => logs.filter((l) => JSON.parse(l).message.startsWith("mail held")).length;
    expect([heldLines(first.logs), heldLines(second.logs), heldLines(fresh.logs)]).toEqual([1, 0, 1]);
    expect(state.heldMailLogged.size).toBe(1);
  });
});
