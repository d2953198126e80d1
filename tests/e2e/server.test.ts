// `npm start` for real: a child process, a database file, a restart.
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { bogota } from "../helpers/fixtures.js";

let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  servers = [];
});

const env = { CITA_ADMIN_TOKEN: "e2e-admin-token" };
const auth = { authorization: "Bearer e2e-admin-token", "content-type": "application/json" };

describe("the Node server", () => {
  it("creates and migrates its database, and keeps data across a restart", async () => {
    const first = await startServer(env);
    servers.push(first);
    expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: "ok" });
    const created = await fetch(`${first.url}/v1/offices`, { method: "POST", headers: auth, body: JSON.stringify(bogota()) });
    expect(created.status).toBe(201);
    expect((await fetch(`${first.url}/v1/offices`)).status).toBe(401);
    await first.stop();

    const second = await startServer(env, { db: first.db, port: first.port });
    servers.push(second);
    const read = await fetch(`${second.url}/v1/offices/bogota`, { headers: auth });
    expect(read.status).toBe(200);
    expect((await read.json()).name).toBe("SMO Bogotá");
    await second.stop(); // so its last log lines, written a turn after the answer, are in the output
    expect(second.output()).toContain('"message":"stopped"');
    expect(second.output()).not.toContain("e2e-admin-token");
  });

  it("starts its clock at CITA_NOW", async () => {
    const server = await startServer({ ...env, CITA_NOW: "2030-01-02T03:04:05Z" });
    servers.push(server);
    const created = await fetch(`${server.url}/v1/offices`, { method: "POST", headers: auth, body: JSON.stringify(bogota()) });
    expect((await created.json()).createdAt).toMatch(/^2030-01-02T03:04:0/);
  });
});
