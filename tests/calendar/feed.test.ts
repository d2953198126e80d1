// The interviewer's private subscription feed and the route that issues its token.
import { afterEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { bogota, counselor, token } from "../helpers/fixtures.js";
import { parseCalendar, value } from "./ical.js";

let t: TestApp;
afterEach(() => t?.close());

async function booked(start: string, caseOver: Record<string, unknown> = {}) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start, { staffId: "ana" }));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

const feed = (url: string) => t.get(url.replace("http://cita.test", ""), { token: null });

describe("the interviewer's feed", () => {
  it("issues a token once and serves the interviewer's appointments as METHOD:PUBLISH", async () => {
    t = await bookingApp();
    const first = await booked(at("10:00"), { contact: { email: "secret-applicant@example.org", phone: "+573009998877" } });
    const second = await booked(at("11:00"));
    const cancelled = await booked(at("12:00"));
    await t.post(`/v1/appointments/${cancelled.id}/cancel`, { reason: "x" });
    await t.post(`/v1/appointments/${second.id}/confirm`);

    const issued = await t.post("/v1/staff/ana/feed-token");
    expect(issued.status).toBe(201);
    expect(issued.json).toMatchObject({ staffId: "ana", url: expect.stringMatching(/^http:\/\/cita\.test\/v1\/staff\/ana\/feed\.ics\?token=feed_/) });
    expect(issued.json.webcalUrl).toBe(issued.json.url.replace("http:", "webcal:"));
    expect(issued.headers.get("cache-control")).toContain("no-store");

    const res = await feed(issued.json.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { method, events, calendar } = parseCalendar(res.text);
    expect(method).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Cita — Ana Counselor");
    const byUid = new Map(events.map((e) => [value(e, "uid"), e]));
    expect([...byUid.keys()].sort()).toEqual([first.uid, second.uid].sort());
    expect(value(byUid.get(first.uid)!, "dtstart")).toBe("2026-12-07T15:00:00Z");
    expect(value(byUid.get(first.uid)!, "status")).toBe("TENTATIVE");
    expect(value(byUid.get(second.uid)!, "status")).toBe("CONFIRMED");
    expect(value(byUid.get(first.uid)!, "summary")).toMatch(/^IOM counseling session — C-/);
    // No applicant contact details: the case reference at most.
    expect(res.text).not.toContain("secret-applicant");
    expect(res.text).not.toContain("9998877");
    expect(res.text).not.toMatch(/ATTENDEE|ORGANIZER/);
  });

  it("follows reschedules with the same UID and a higher SEQUENCE, and leaves out the distant past", async () => {
    t = await bookingApp();
    const a = await booked(at("10:00"));
    const old = await booked(at("09:00", "2026-12-04"));
    const { json } = await t.post("/v1/staff/ana/feed-token");
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:30") })).status).toBe(200);
    let events = parseCalendar((await feed(json.url)).text).events;
    const moved = events.find((e) => value(e, "uid") === a.uid)!;
    expect(value(moved, "sequence")).toBe("1");
    expect(value(moved, "dtstart")).toBe("2026-12-07T16:30:00Z");

    t.clock.set(Date.parse("2027-01-04T12:00:00Z")); // 31 days after the earlier one
    events = parseCalendar((await feed(json.url)).text).events;
    expect(events.map((e) => value(e, "uid"))).toEqual([a.uid]);
    t.clock.set(Date.parse("2027-01-08T12:00:00Z"));
    expect(parseCalendar((await feed(json.url)).text).events).toHaveLength(0);
    expect(old.uid).not.toBe(a.uid);
  });

  it("refuses a missing, wrong or revoked token with 401 problem+json, alike for unknown staff", async () => {
    t = await bookingApp();
    const before = await t.get("/v1/staff/ana/feed.ics?token=feed_guess", { token: null });
    expect(before.status).toBe(401); // no token issued yet
    const { json: issued } = await t.post("/v1/staff/ana/feed-token");
    const token = new URL(issued.url).searchParams.get("token")!;
    for (const path of ["/v1/staff/ana/feed.ics", "/v1/staff/ana/feed.ics?token=", `/v1/staff/ana/feed.ics?token=${token}x`, `/v1/staff/nobody/feed.ics?token=${token}`]) {
      const res = await t.get(path, { token: null });
      expect(res.status, path).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.type).toBe("/problems/unauthorized");
    }
    // A bearer token is not a feed token.
    expect((await t.get("/v1/staff/ana/feed.ics")).status).toBe(401);
    const reissued = await t.post("/v1/staff/ana/feed-token");
    expect((await feed(issued.url)).status).toBe(401);
    expect((await feed(reissued.json.url)).status).toBe(200);
  });

  it("lets admins and the interviewer themself issue it, nobody else (not even their office's scheduler)", async () => {
    t = await bookingApp();
    await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
    await t.post("/v1/staff", counselor({ id: "bob", officeIds: ["quito"] }));
    const scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
    const self = await token(t, { role: "interviewer", staffId: "ana" });
    const other = await token(t, { role: "interviewer", staffId: "bob" });
    expect((await t.post("/v1/staff/ana/feed-token", undefined, { token: scheduler })).status).toBe(403);
    expect((await t.post("/v1/staff/bob/feed-token", undefined, { token: scheduler })).status).toBe(403);
    expect((await t.post("/v1/staff/ana/feed-token", undefined, { token: self })).status).toBe(201);
    expect((await t.post("/v1/staff/ana/feed-token", undefined, { token: other })).status).toBe(403);
    expect((await t.post("/v1/staff/ana/feed-token", undefined, { token: null })).status).toBe(401);
    expect((await t.post("/v1/staff/nobody/feed-token")).status).toBe(404);
  });
});
