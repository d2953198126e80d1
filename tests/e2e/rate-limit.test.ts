// The applicant rate limit on the real Node server: clients connect from their own loopback
// addresses (127.0.0.2, 127.0.0.3), so the server sees real, distinct peer addresses. Each test
// sends the whole allowance (600 requests) over HTTP, hence the longer timeout.
import { request, Agent } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { PER_ADDRESS } from "../../src/routes/applicant/rate-limit.js";
import { startServer, type RunningServer } from "../helpers/server.js";

let server: RunningServer | undefined;
let agents: Agent[] = [];
afterEach(async () => {
  await server?.stop("SIGKILL");
  server = undefined;
  for (const a of agents) a.destroy();
  agents = [];
});

/** A client on its own loopback address, keeping its connections open between requests. */
function client(localAddress: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  agents.push(agent);
  return (path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: server!.port, path, headers, localAddress, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("error", reject);
      req.end();
    });
}

async function exhaust(get: ReturnType<typeof client>, headers: (i: number) => Record<string, string>) {
  const statuses = new Set<number>();
  for (let i = 0; i < PER_ADDRESS.limit; i += 20) {
    const batch = Array.from({ length: 20 }, (_, k) => get(`/a/guess-${i + k}`, headers(i + k)));
    for (const status of await Promise.all(batch)) statuses.add(status);
  }
  expect([...statuses]).toEqual([404]);
}

describe("the applicant rate limit on the Node server", () => {
  it("without CITA_TRUST_PROXY counts the connection's address: rotated or borrowed headers change nothing", async () => {
    server = await startServer();
    const attacker = client("127.0.0.2");
    const victim = client("127.0.0.3");
    await exhaust(attacker, (i) => ({ "x-forwarded-for": `198.51.100.${i % 250}`, "cf-connecting-ip": "127.0.0.3" }));
    expect(await attacker("/a/one-more", { "x-forwarded-for": "198.51.100.251", "cf-connecting-ip": "203.0.113.1" })).toBe(429);
    expect(await victim("/a/guess")).toBe(404);
  }, 60_000);

  it("with CITA_TRUST_PROXY=1 counts the address the proxy added to X-Forwarded-For", async () => {
    server = await startServer({ CITA_TRUST_PROXY: "1" });
    const proxy = client("127.0.0.2");
    await exhaust(proxy, (i) => ({ "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.7` }));
    expect(await proxy("/a/guess", { "x-forwarded-for": "203.0.113.7" })).toBe(429);
    expect(await client("127.0.0.3")("/a/guess", { "x-forwarded-for": "203.0.113.7" })).toBe(429);
    expect(await proxy("/a/guess", { "x-forwarded-for": "203.0.113.8" })).toBe(404);
  }, 60_000);
});
