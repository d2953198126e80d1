// GET /metrics on the real server: valid exposition text, figures that move with a booking, and
// refused without CITA_METRICS_TOKEN's bearer (absent from the app when the setting is absent).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp } from "../helpers/app.js";
import { weekdays } from "../helpers/booking.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { apiOf, startServer, type RunningServer } from "../helpers/server.js";

const ADMIN = "metrics-test-admin";
const METRICS = "metrics-test-scraper-token";
let server: RunningServer;
const api = apiOf(() => server, ADMIN);
beforeAll(async () => {
  server = await startServer({ CITA_ADMIN_TOKEN: ADMIN, CITA_METRICS_TOKEN: METRICS, CITA_NOW: "2026-11-23T12:00:00Z", CITA_DISPATCH_INTERVAL_MS: "0" });
});
afterAll(() => server?.stop());

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:\\\\.|[^"\\\\\\n])*"`;
const SAMPLE = new RegExp(`^(${NAME})(\\{${LABEL}(?:,${LABEL})*\\})? (NaN|[+-]Inf|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)$`);
const HELP = new RegExp(`^# HELP (${NAME}) .+$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

/** Checks every line against the text format's grammar and returns the samples by `name{labels}`. */
function parse(text: string): Map<string, number> {
  expect(text.endsWith("\n")).toBe(true);
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split("\n")) {
    const type = TYPE.exec(line);
    if (type) {
      expect(types.has(type[1]!), `one TYPE line for ${type[1]}`).toBe(false);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (HELP.test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, line).not.toBeNull();
    const family = sample![1]!.replace(/_(bucket|sum|count)$/, "");
    expect(types.has(sample![1]!) || types.get(family) === "histogram", `TYPE before ${line}`).toBe(true);
    samples.set(sample![1]! + (sample![2] ?? ""), Number(sample![3]));
  }
  return samples;
}

const scrape = async (token: string | null = METRICS) => fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const figures = async () => parse(await (await scrape()).text());
const get = (m: Map<string, number>, key: string) => m.get(key) ?? 0;

describe("GET /metrics", () => {
  it("is refused without the metrics token, and does not exist when none is configured", async () => {
    for (const token of [null, "wrong-token", ADMIN]) {
      const res = await scrape(token);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).type).toBe("/problems/unauthorized");
    }
    const unconfigured = await makeApp().call("GET", "/metrics", { token: METRICS });
    expect(unconfigured.status).toBe(404);
    expect(unconfigured.json.type).toBe("/problems/not-found");
  });

  it("parses as the text exposition format, and its figures move with a slot search and a booking", async () => {
    await api("POST", "/v1/offices", bogota());
    await api("POST", "/v1/services", counseling());
    await api("POST", "/v1/staff", counselor());
    await api("PUT", "/v1/staff/ana/availability", [weekdays]);
    const caseId = (await api("POST", "/v1/cases", applicantCase())).id;
    const res = await scrape();
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const before = parse(await res.text());

    const slots = `/v1/slots?service=iom-counseling&office=bogota&case=${caseId}&from=2026-12-07&to=2026-12-08`;
    await api("GET", slots);
    await api("GET", slots);
    await api("POST", "/v1/appointments", { caseId, serviceId: "iom-counseling", officeId: "bogota", start: "2026-12-07T10:00:00-05:00" });
    const after = await figures();

    const booked = 'cita_http_requests_total{method="POST",route="/v1/appointments",status="201"}';
    expect(get(after, booked) - get(before, booked)).toBe(1);
    expect(get(after, "cita_bookings_total") - get(before, "cita_bookings_total")).toBe(1);
    // The case has an email address and a phone: its invite (and reminders) wait on both channels.
    for (const channel of ["email", "sms"]) {
      const key = `cita_outbox_notifications{status="pending",channel="${channel}"}`;
      expect(get(after, key) - get(before, key), key).toBeGreaterThanOrEqual(1);
    }
    const hits = 'cita_slot_cache_hits_total{cache="slots"}';
    const misses = 'cita_slot_cache_misses_total{cache="slots"}';
    expect(get(after, misses) - get(before, misses)).toBeGreaterThanOrEqual(1);
    expect(get(after, hits) - get(before, hits)).toBeGreaterThanOrEqual(1);

    // The latency histogram: cumulative buckets that end in the count.
    const route = 'method="GET",route="/v1/slots"';
    const buckets = [...after].filter(([k]) => k.startsWith(`cita_http_request_duration_seconds_bucket{${route},`)).map(([, v]) => v);
    expect(buckets.length).toBeGreaterThan(2);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(get(after, `cita_http_request_duration_seconds_count{${route}}`));
    expect(get(after, `cita_http_request_duration_seconds_count{${route}}`)).toBe(2);
  });
});
