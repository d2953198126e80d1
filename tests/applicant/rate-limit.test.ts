// Requests are counted per link and per client address; over the limit the answer is a 429
// page saying when to try again, and the count starts over after the window.
import { afterEach, describe, expect, it } from "vitest";
import { PER_ADDRESS, PER_LINK, fixedWindow } from "../../src/routes/applicant/rate-limit.js";
import { book, linkApp, open, textOf, type TestApp } from "./helpers.js";

let t: TestApp;
afterEach(() => t?.close());

describe("rate limits", () => {
  it(`allow ${PER_LINK.limit} requests per link per ${PER_LINK.windowMs / 60_000} minutes`, async () => {
    const { t: app, path } = await linkApp();
    t = app;
    for (let i = 0; i < PER_LINK.limit; i++) expect((await open(t, path, { "x-forwarded-for": `10.0.0.${i % 200}` })).status).toBe(200);
    const limited = await open(t, path, { "x-forwarded-for": "10.0.1.1" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(String(PER_LINK.windowMs / 1000));
    expect(textOf(limited.text)).toContain(`Espere ${PER_LINK.windowMs / 60_000} minutos y vuelva a intentarlo.`);
    expect(limited.text).toContain('lang="es"');
    // Another link is not affected, and the count starts over after the window.
    const other = await book(t, "2026-12-09T11:00:00-05:00");
    expect((await open(t, other.path)).status).toBe(200);
    t.clock.advance(PER_LINK.windowMs);
    expect((await open(t, path)).status).toBe(200);
  });

  it(`allow ${PER_ADDRESS.limit} requests per client address, bad links included`, async () => {
    const { t: app, path } = await linkApp();
    t = app;
    const from = { "x-forwarded-for": "192.0.2.10, 203.0.113.7", "accept-language": "en" };
    for (let i = 0; i < PER_ADDRESS.limit; i++) expect((await open(t, `/a/guess-${i}`, from)).status).toBe(404);
    const limited = await open(t, path, from);
    expect(limited.status).toBe(429);
    expect(textOf(limited.text)).toContain("Please wait 10 minutes and try again.");
    // The nearest proxy's hop counts, not what the client wrote before it.
    expect((await open(t, path, { "x-forwarded-for": "203.0.113.7" })).status).toBe(429);
    expect((await open(t, path, { "x-forwarded-for": "203.0.113.7, 203.0.113.8" })).status).toBe(200);
    expect((await open(t, path, { "cf-connecting-ip": "198.51.100.1" })).status).toBe(200);
  });

  it("count in fixed windows and say how long to wait", () => {
    const limiter = fixedWindow({ limit: 2, windowMs: 1000 });
    expect([limiter.hit("a", 0), limiter.hit("a", 100), limiter.hit("a", 400), limiter.hit("b", 400)]).toEqual([0, 0, 600, 0]);
    expect(limiter.hit("a", 1000)).toBe(0);
  });
});
