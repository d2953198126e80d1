// The 64 KB body limit over a real socket: a declared length is checked from its header, a chunked
// body by counting what arrives. Both answer a 413 problem before any handler reads the body.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bogota } from "../helpers/fixtures.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const ADMIN = "body-limit-admin";
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ CITA_ADMIN_TOKEN: ADMIN });
});
afterAll(() => server?.stop());

function post(body: string, chunked: boolean): Promise<{ status: number; type: string; json: { title?: string; status?: number } }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
    if (!chunked) headers["content-length"] = Buffer.byteLength(body);
    const req = request(`${server.url}/v1/offices`, { method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), json: JSON.parse(text) }));
    });
    req.on("error", reject);
    // Chunked: written in pieces with no length announced.
    if (chunked) for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
    req.end(chunked ? undefined : body);
  });
}

const office = (id: string, address: string) => JSON.stringify(bogota({ id, address }));

describe("the body limit over HTTP", () => {
  for (const chunked of [false, true]) {
    const how = chunked ? "a chunked body" : "a declared length";
    it(`refuses ${how} over 64 KB with a 413 problem`, async () => {
      const res = await post(office("big", "x".repeat(70 * 1024)), chunked);
      expect(res.status).toBe(413);
      expect(res.type).toContain("application/problem+json");
      expect(res.json.status).toBe(413);
    });

    it(`accepts ${how} under 64 KB`, async () => {
      const res = await post(office(chunked ? "chunked" : "declared", "Calle 100 # 8A-55"), chunked);
      expect(res.status).toBe(201);
    });
  }
});
