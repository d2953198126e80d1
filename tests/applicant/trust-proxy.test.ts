// CITA_TRUST_PROXY: behind a proxy the service believes the client address the proxy wrote, and
// only the part of it the proxy wrote (the right hops of X-Forwarded-For), never what the
// client put before it. On Workers only Cloudflare's CF-Connecting-IP counts.
import { afterEach, describe, expect, it } from "vitest";
import { readConfig, workerConfig } from "../../src/config.js";
import { linkApp, type TestApp } from "./helpers.js";
import { exhaust, fromSocket } from "./sockets.js";

let t: TestApp;
let path: string;
afterEach(() => t?.close());

async function behind(setting: string) {
  ({ t, path } = await linkApp());
  // The app reads the setting per request, from the config it was built with.
  t.deps.config.trustProxy = readConfig({ CITA_TRUST_PROXY: setting }).trustProxy;
}

describe("CITA_TRUST_PROXY", () => {
  it.each([
    [undefined, { kind: "none" }],
    ["", { kind: "none" }],
    ["0", { kind: "none" }],
    ["cloudflare", { kind: "cloudflare" }],
    ["Cloudflare", { kind: "cloudflare" }],
    ["2", { kind: "hops", hops: 2 }],
    ["loopback, 10.0.0.0/8", { kind: "addresses", addresses: ["loopback", "10.0.0.0/8"] }],
  ])("reads %j", (value, expected) => {
    expect(readConfig({ CITA_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(["yes", "10.0.0.0/33", "-1", "1.5", "cloudflare,1"])("refuses %j at start, naming the setting", (value) => {
    expect(() => readConfig({ CITA_TRUST_PROXY: value })).toThrow(/CITA_TRUST_PROXY/);
  });

  it("1: counts the hop the proxy added (the rightmost), not what the client wrote before it", async () => {
    await behind("1");
    await exhaust(t, "10.0.0.1", (i) => ({ "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.7` }));
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "203.0.113.7" })).status).toBe(429);
    // Another client behind the same proxy, and Cloudflare's header (no Cloudflare here) is ignored.
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "203.0.113.7, 203.0.113.8" })).status).toBe(200);
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "203.0.113.9", "cf-connecting-ip": "203.0.113.7" })).status).toBe(200);
  });

  it("2: counts the hop the outer of two proxies added", async () => {
    await behind("2");
    await exhaust(t, "10.0.0.1", (i) => ({ "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.7, 10.0.0.2` }));
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "203.0.113.7, 10.0.0.3" })).status).toBe(429);
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "203.0.113.7, 203.0.113.8, 10.0.0.2" })).status).toBe(200);
  });

  it("addresses: believes X-Forwarded-For only from the listed proxies", async () => {
    await behind("10.0.0.0/8");
    // Straight from the internet: the header is the client's own word, so the socket counts.
    await exhaust(t, "198.51.100.9", (i) => ({ "x-forwarded-for": `203.0.113.${i % 250}` }));
    expect((await fromSocket(t, "198.51.100.9", path, { "x-forwarded-for": "203.0.113.200" })).status).toBe(429);
    // Through the proxy, the address it vouches for counts.
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "198.51.100.9" })).status).toBe(429);
    expect((await fromSocket(t, "10.0.0.1", path, { "x-forwarded-for": "198.51.100.9, 198.51.100.10" })).status).toBe(200);
  });

  it("cloudflare: counts CF-Connecting-IP and ignores X-Forwarded-For", async () => {
    await behind("cloudflare");
    await exhaust(t, "172.64.0.1", (i) => ({ "cf-connecting-ip": "203.0.113.7", "x-forwarded-for": `198.51.100.${i % 250}` }));
    expect((await fromSocket(t, "172.64.0.2", path, { "cf-connecting-ip": "203.0.113.7" })).status).toBe(429);
    expect((await fromSocket(t, "172.64.0.1", path, { "cf-connecting-ip": "203.0.113.8" })).status).toBe(200);
  });

  it("is overridden on Workers, where only CF-Connecting-IP is believed", () => {
    for (const value of [undefined, "2", "loopback"]) {
      const vars: Record<string, string> = value === undefined ? {} : { CITA_TRUST_PROXY: value };
      expect(workerConfig(vars).trustProxy).toEqual({ kind: "cloudflare" });
    }
  });
});
