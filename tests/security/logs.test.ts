// The real server's stdout and stderr after a representative flow hold no token, email address
// or phone number, in any common formatting.
import { afterAll, describe, expect, it } from "vitest";
import { bogota, counseling, counselor, applicantCase } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const ADMIN = "admin-secret-for-log-test-0123456789";
let server: RunningServer | undefined;
afterAll(() => server?.stop());

const phones = ["+573001234567", "+573109876543"];
const emails = ["maria.perez@example.org", "jose+cita@example.net", "ana@example.org", "sched@example.org"];

/** The ways a number may be written: E.164, without +, national, spaced, dashed. */
const formats = (e164: string) => {
  const [cc, n] = [e164.slice(1, 3), e164.slice(3)];
  return [
    e164,
    e164.slice(1),
    n,
    `+${cc} ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  ];
};

describe("server logs", () => {
  it("name no token, email address or phone number", async () => {
    server = await startServer({ CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z", CITA_LINK_SECRET: "log-test-link-secret" });
    const url = server.url;
    const answeredIds: string[] = [];
    const call = async (method: string, path: string, body?: unknown, token: string | null = ADMIN) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
      const text = await res.text();
      answeredIds.push(res.headers.get("x-request-id") ?? "missing");
      return { status: res.status, json: text.startsWith("{") ? JSON.parse(text) : null, text };
    };

    expect((await call("POST", "/v1/offices", bogota())).status).toBe(201);
    expect((await call("POST", "/v1/services", counseling())).status).toBe(201);
    expect((await call("POST", "/v1/staff", counselor())).status).toBe(201);
    expect((await call("PUT", "/v1/staff/ana/availability", [weekdays])).status).toBe(200);
    const tokens = [ADMIN];
    for (const body of [
      { name: "Sched", email: "sched@example.org", role: "scheduler", officeIds: ["bogota"] },
      { name: "Ana", email: "ana@example.org", role: "interviewer", staffId: "ana" },
    ]) {
      const res = await call("POST", "/v1/users", body);
      expect(res.status).toBe(201);
      tokens.push(res.json.token);
      expect((await call("GET", "/v1/offices", undefined, res.json.token)).status).toBe(200);
    }
    const links: string[] = [];
    for (const [i, hhmm] of ["10:00", "11:00"].entries()) {
      const created = await call("POST", "/v1/cases", applicantCase({ contact: { email: emails[i], phone: phones[i] } }), tokens[1]!);
      expect(created.status).toBe(201);
      const booked = await call(
        "POST",
        "/v1/appointments",
        { caseId: created.json.id, serviceId: "iom-counseling", officeId: "bogota", start: `2026-12-07T${hhmm}:00-05:00` },
        tokens[1]!,
      );
      expect(booked.status).toBe(201);
      const path = new URL(booked.json.selfServiceUrl).pathname;
      links.push(path.split("/")[2]!);
      expect((await call("GET", path, undefined, null)).status).toBe(200);
      expect((await call("GET", `${path}/slots`, undefined, null)).status).toBe(200);
      expect((await call("POST", `${path}/confirm`, undefined, null)).status).toBe(403); // no form token
      expect((await call("GET", `${path}x`, undefined, null)).status).toBe(404);
    }
    const madeUp = "cita_made-up-token-4242424242424242";
    expect((await call("GET", "/v1/cases", undefined, madeUp)).status).toBe(401);
    const feed = await call("POST", "/v1/staff/ana/feed-token");
    const feedToken = new URL(feed.json.url).searchParams.get("token")!;
    expect((await call("GET", `/v1/staff/ana/feed.ics?token=${feedToken}`, undefined, null)).status).toBe(200);
    expect((await call("GET", `/v1/staff/ana/feed.ics?token=${feedToken}x`, undefined, null)).status).toBe(401);
    // Let the dispatcher hold the queued mail in the outbox (and log that) before looking.
    await new Promise((r) => setTimeout(r, 1500));
    await server.stop();

    const output = server.output();
    expect(output.length).toBeGreaterThan(0);
    const secrets = [
      ...tokens,
      ...links,
      ...links.map((l) => l.split(".")[1]!),
      madeUp,
      feedToken,
      feedToken.slice(5),
      "log-test-link-secret",
      ...emails,
      ...phones.flatMap(formats),
    ];
    for (const secret of secrets) expect(output, secret).not.toContain(secret);

    // One access line per request, named by its X-Request-Id and its route pattern, never its path.
    const lines = output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    const access = lines.filter((l) => l.message === "request");
    const byId = new Map<string, number>();
    for (const line of access) byId.set(line.requestId, (byId.get(line.requestId) ?? 0) + 1);
    expect(new Set(answeredIds).size).toBe(answeredIds.length);
    for (const id of answeredIds) expect(byId.get(id), id).toBe(1);
    // The only others are the helper's /health probe.
    expect(access.filter((l) => !answeredIds.includes(l.requestId)).map((l) => l.route)).toEqual(["/health"]);
    for (const line of access) {
      expect(Object.keys(line).sort()).toEqual(["level", "message", "method", "ms", "requestId", "route", "status"]);
      expect(line.route).toMatch(/^(\/[a-z0-9.-]*|\/:[a-zA-Z]+)+$|^unmatched$/);
    }
    expect(access.map((l) => l.route)).toEqual(expect.arrayContaining(["/a/:token", "/a/:token/slots", "/a/:token/confirm", "/v1/staff/:id/feed.ics", "/v1/appointments"]));
  }, 60_000);
});
