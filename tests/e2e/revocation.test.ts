// Two server processes on one SQLite file: a user disabled, or a token rotated, through one is
// refused by the other at the next request, on the API and in the console, with no restart.
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { bogota } from "../helpers/fixtures.js";

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

const ADMIN = "revocation-admin";
const env = { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z", CITA_DISPATCH_INTERVAL_MS: "0" };

async function call(base: string, method: string, path: string, token = ADMIN, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** Signs in through the real sign-in page, as a browser does; answers the session cookie. */
async function signIn(base: string, token: string): Promise<string> {
  const page = await fetch(`${base}/console/sign-in`);
  const pre = /cita_console_sign_in=[^;]+/.exec(page.headers.get("set-cookie") ?? "")![0];
  const csrf = /name="csrf" value="([^"]*)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/console/sign-in`, { method: "POST", body: new URLSearchParams({ token, csrf }), headers: { cookie: pre }, redirect: "manual" });
  expect(res.status).toBe(303);
  return /cita_console=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
}

const consoleStatus = async (base: string, cookie: string) => (await fetch(`${base}/console/queue`, { headers: { cookie }, redirect: "manual" })).status;

describe("two processes, one database", () => {
  it("refuses a disabled user and a rotated token in the other process at once", async () => {
    const a = await startServer(env);
    servers.push(a);
    const b = await startServer(env, { db: a.db });
    servers.push(b);
    expect((await call(a.url, "POST", "/v1/offices", ADMIN, bogota())).status).toBe(201);
    const user = await call(a.url, "POST", "/v1/users", ADMIN, { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
    const { id, token } = user.json;

    // Process B has seen the token and a console session of it.
    const cookie = await signIn(b.url, token);
    expect((await call(b.url, "GET", "/v1/offices", token)).status).toBe(200);
    expect(await consoleStatus(b.url, cookie)).toBe(200);

    expect((await call(a.url, "POST", `/v1/users/${id}/disable`)).status).toBe(200);
    expect((await call(b.url, "GET", "/v1/offices", token)).status).toBe(401);
    expect(await consoleStatus(b.url, cookie)).toBe(303);

    expect((await call(a.url, "POST", `/v1/users/${id}/enable`)).status).toBe(200);
    const again = await signIn(b.url, token);
    expect(await consoleStatus(b.url, again)).toBe(200);
    const rotated = (await call(a.url, "POST", `/v1/users/${id}/token`)).json.token as string;
    expect((await call(b.url, "GET", "/v1/offices", token)).status).toBe(401);
    expect(await consoleStatus(b.url, again)).toBe(303);
    expect((await call(b.url, "GET", "/v1/offices", rotated)).status).toBe(200);
  }, 60_000);
});
