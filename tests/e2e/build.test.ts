// `npm start` as on a fresh clone: it builds dist/ (prestart) and runs the compiled server with
// node, which finds the migrations from dist/ and books like the sources do.
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const ADMIN = "build-test-admin";
let server: RunningServer | undefined;
afterAll(() => server?.stop("SIGKILL"));

describe("npm start", () => {
  it("builds dist/, runs node dist/server.js, answers /health and books", async () => {
    server = await startServer({ CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z" }, { command: ["npm", "start"], startSeconds: 180 });
    expect(existsSync(new URL("../../dist/server.js", import.meta.url))).toBe(true);
    expect(server.output()).toMatch(/node --heap-growing-percent=\d+ .*dist\/server\.js/);
    expect(server.output()).not.toContain("tsx");

    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: "ok" });
    const headers = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
    const post = async (path: string, body: unknown, method = "POST") => {
      const res = await fetch(server!.url + path, { method, headers, body: JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    };
    expect((await post("/v1/offices", bogota())).status).toBe(201);
    expect((await post("/v1/services", counseling())).status).toBe(201);
    expect((await post("/v1/staff", counselor())).status).toBe(201);
    expect((await post("/v1/staff/ana/availability", [weekdays], "PUT")).status).toBe(200);
    const created = await post("/v1/cases", applicantCase());
    expect(created.status).toBe(201);
    const booked = await post("/v1/appointments", { caseId: created.json.id, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({ staffId: "ana", start: "2026-12-07T15:00:00Z", status: "scheduled" });
  }, 240_000);
});
