// SIGTERM in the middle of a booking load: the server stops accepting, answers what it was
// handling (a request whose body is still arriving included), closes the database and exits 0;
// restarted on the same file it holds every booking that was answered 201.
import { request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { ADMIN, NOW, allPairs, call, pool, seedCases, seedOffice } from "./seed.js";

const BOOKINGS = 600;
const SIGNAL_AFTER = 150; // answers received before SIGTERM
const env = { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: NOW, CITA_DISPATCH_INTERVAL_MS: "200" };

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

/** A POST whose body arrives in two parts: `finish()` sends the rest and resolves with the answer. */
function slowPost(url: string, path: string, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  const req = request(url + path, { method: "POST", headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json", "content-length": data.length } });
  const answer = new Promise<{ status: number; json: any }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on("error", reject);
  });
  answer.catch(() => {}); // awaited by the caller after finish(); a failure surfaces there
  req.write(data.subarray(0, 10));
  return {
    finish: () => {
      req.end(data.subarray(10));
      return answer;
    },
  };
}

type Outcome = { status: number | "error"; id?: string };

describe("a stop signal under load", () => {
  it("answers requests in flight, exits 0 in bounded time, and loses no acknowledged booking", async () => {
    const first = await startServer(env);
    servers.push(first);
    await seedOffice(first.url, 5);
    const cases = await seedCases(first.url, BOOKINGS + 1);
    const pairs = await allPairs(first.url);
    expect(pairs.length).toBeGreaterThan(BOOKINGS);

    const exited = new Promise<number | null>((resolve) => first.child.once("exit", (code) => resolve(code)));
    let answered = 0;
    let signalledAt = 0;
    let slow: Promise<{ status: number; json: any }> | null = null;
    const outcomes = await pool(BOOKINGS, 16, async (i): Promise<Outcome> => {
      const pair = pairs[(i * 7) % pairs.length]!;
      const body = { caseId: cases[i]!, serviceId: "iom-counseling", officeId: "bogota", start: pair.start, staffId: pair.staffId };
      try {
        const res = await call(first.url, "POST", "/v1/appointments", body);
        if (++answered === SIGNAL_AFTER) {
          const last = pairs[pairs.length - 1]!;
          const pending = slowPost(first.url, "/v1/appointments", {
            caseId: cases[BOOKINGS]!,
            serviceId: "iom-counseling",
            officeId: "bogota",
            start: last.start,
            staffId: last.staffId,
          });
          await new Promise((r) => setTimeout(r, 200)); // the server has its headers
          signalledAt = performance.now();
          process.kill(first.child.pid!, "SIGTERM");
          await new Promise((r) => setTimeout(r, 200)); // the server is stopping
          slow = pending.finish();
        }
        return { status: res.status, id: res.json?.id };
      } catch {
        return { status: "error" };
      }
    });
    const code = await exited;
    const stopSeconds = (performance.now() - signalledAt) / 1000;
    console.log(JSON.stringify({ name: "shutdown.seconds_to_exit", value: Number(stopSeconds.toFixed(2)), unit: "s" }));

    expect(signalledAt).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(stopSeconds).toBeLessThan(15);
    expect(first.output()).toContain('"message":"stopped"');
    // The request that was still sending its body when the signal came was answered, and booked.
    const late = await slow!;
    expect(late.status).toBe(201);
    expect(outcomes.filter((o) => o.status !== "error" && o.status !== 201 && o.status !== 409)).toEqual([]);
    const booked = [...outcomes.filter((o) => o.status === 201), { status: 201, id: late.json.id }];
    expect(booked.length).toBeGreaterThan(SIGNAL_AFTER / 2);

    const second = await startServer(env, { db: first.db });
    servers.push(second);
    const found = await pool(booked.length, 16, async (i) => (await call(second.url, "GET", `/v1/appointments/${booked[i]!.id}`)).status);
    expect(found.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);
});
