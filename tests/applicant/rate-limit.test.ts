// Requests are counted per link and per client address; over the limit the answer is a 429
// page saying when to try again, and the count starts over after the window. Without
// CITA_TRUST_PROXY the client is the connection's address, whatever the headers claim.
import { afterEach, describe, expect, it } from "vitest";
import { PER_ADDRESS, PER_LINK, fixedWindow } from "../../src/routes/applicant/rate-limit.js";
import { book, linkApp, open, textOf, type TestApp } from "./helpers.js";
import { exhaust, fromSocket } from "./sockets.js";

let t: TestApp;
afterEach(() => t?.close());

/** Headers a client may write to pass for someone else, different on every request. */
const forged = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}`, "cf-connecting-ip": `203.0.113.${i % 250}`, "x-real-ip": `192.0.2.${i % 250}` });

describe("rate limits", () => {
  it(`allow ${PER_LINK.limit} requests per link per ${PER_LINK.windowMs / 60_000} minutes`, async () => {
    const { t: app, path } = await linkApp();
    t = app;
    for (let i = 0; i < PER_LINK.limit; i++) expect((await fromSocket(t, `10.0.0.${i % 200}`, path)).status).toBe(200);
    const limited = await open(t, path);
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

  it(`allow ${PER_ADDRESS.limit} requests per connection address, bad links included`, async () => {
    const { t: app, path } = await linkApp();
    t = app;
    await exhaust(t, "192.0.2.10", () => ({ "accept-language": "en" }));
    const limited = await fromSocket(t, "192.0.2.10", path, { "accept-language": "en" });
    expect(limited.status).toBe(429);
    expect(textOf(limited.text)).toContain("Please wait 10 minutes and try again.");
    expect((await fromSocket(t, "192.0.2.11", path)).status).toBe(200);
  });

  it("still limit one connection that rotates forged address headers on every request", async () => {
    const { t: app, path } = await linkApp();
    t = app;
    await exhaust(t, "192.0.2.10", forged);
    expect((await fromSocket(t, "192.0.2.10", path, forged(PER_ADDRESS.limit + 1))).status).toBe(429);
    expect((await fromSocket(t, "192.0.2.10", path, { "x-forwarded-for": "192.0.2.99", "cf-connecting-ip": "192.0.2.99" })).status).toBe(429);
  });

  it("never lock out a client whose address another one writes in its headers", async () => {
    const { t: app, path } = await linkApp();
    t = app;
    const victim = "192.0.2.20";
    const posing = () => ({ "x-forwarded-for": victim, "cf-connecting-ip": victim, "x-real-ip": victim });
    await exhaust(t, "192.0.2.66", posing);
    expect((await fromSocket(t, "192.0.2.66", path, posing())).status).toBe(429);
    expect((await fromSocket(t, victim, path)).status).toBe(200);
  });

  it("count in fixed windows and say how long to wait", () => {
    const limiter = fixedWindow({ limit: 2, windowMs: 1000 });
    expect([limiter.hit("a", 0), limiter.hit("a", 100), limiter.hit("a", 400), limiter.hit("b", 400)]).toEqual([0, 0, 600, 0]);
    expect(limiter.hit("a", 1000)).toBe(0);
  });
});
