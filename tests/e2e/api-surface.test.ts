// The public surface on the real server: the reference is served from one build with an ETag,
// and a header-injection attempt in a name is refused in plain words and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { bogota } from "../helpers/fixtures.js";

const auth = { authorization: "Bearer e2e-admin-token", "content-type": "application/json" };
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ CITA_ADMIN_TOKEN: "e2e-admin-token" });
});
afterAll(() => server?.stop("SIGKILL"));

describe("the API surface of the Node server", () => {
  it("serves /openapi.json and /docs with stable ETags and answers a revalidation with 304", async () => {
    for (const path of ["/openapi.json", "/docs"]) {
      const first = await fetch(`${server.url}${path}`);
      const body = await first.text();
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^"[0-9a-f]{32}"$/);
      const second = await fetch(`${server.url}${path}`);
      expect(second.headers.get("etag")).toBe(etag);
      expect(await second.text()).toBe(body);
      const revalidated = await fetch(`${server.url}${path}`, { headers: { "if-none-match": etag! } });
      expect(revalidated.status).toBe(304);
      if (path === "/docs") expect(body).not.toContain("$ref");
    }
  });

  it("refuses a CR/LF in an office name with a 422 naming the field, and stores nothing", async () => {
    const res = await fetch(`${server.url}/v1/offices`, { method: "POST", headers: auth, body: JSON.stringify(bogota({ name: "SMO\r\nBcc: all@example.org" })) });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).errors).toEqual([{ path: "name", message: "must be one line of text without control characters (no line breaks, tabs or NUL)" }]);
    const list = await (await fetch(`${server.url}/v1/offices`, { headers: auth })).json();
    expect(list.items).toEqual([]);
  });
});
