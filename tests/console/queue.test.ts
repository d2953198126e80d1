// The queue page: which cases wait, in which order, where each stands in its window, search,
// pages, and office scopes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, booking, newCase, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";
import { deskApp, quito, session, textOf, type Session } from "../helpers/console.js";
import { QUEUE_HIDING_STATUSES, QUEUE_RETURNING_STATUSES, caseQueue } from "../../src/domain/queue.js";
import { STATUSES } from "../../src/domain/lifecycle.js";
import { DomainError } from "../../src/domain/errors.js";

let t: TestApp;
let desk: Session;

beforeEach(async () => {
  ({ t, desk } = await deskApp());
});
afterEach(() => t.close());

/** The table's rows, as text, in page order. */
const rows = (html: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!)).filter((r) => !r.startsWith("Reference"));
const references = (html: string) => rows(html).map((r) => r.split(" ")[0]);

describe("what waits, in which order", () => {
  it("lists cases without a live appointment, oldest screening first, with service, window and days left", async () => {
    await newCase(t, { reference: "Q-NEW", screenedAt: "2026-11-20" });
    await newCase(t, { reference: "Q-OLD", screenedAt: "2026-11-10" });
    await newCase(t, { reference: "Q-MID", screenedAt: "2026-11-15" });
    // Same screening date: creation order (id) decides.
    await newCase(t, { reference: "Q-MID2", screenedAt: "2026-11-15" });
    const res = await desk.get("/console/queue");
    expect(res.status).toBe(200);
    expect(references(res.text)).toEqual(["Q-OLD", "Q-MID", "Q-MID2", "Q-NEW"]);
    // Today is 2026-11-23 in Bogotá. Q-OLD: window 2026-11-24 … 2026-12-08.
    expect(rows(res.text)[0]).toBe("Q-OLD 2026-11-10 IOM counseling session 2026-11-24 – 2026-12-08 Opens in 1 day · 15 days left 3 es Book");
    expect(rows(res.text)[3]).toContain("2026-12-04 – 2026-12-18 Opens in 11 days · 25 days left");
    const text = textOf(res.text);
    expect(text).toContain("Today is 2026-11-23 in the office (America/Bogota)");
    expect(res.text).toMatch(/href="\/console\/cases\/case_[^"]+\/book\?service=iom-counseling"/);
  });

  it("drops a case while it holds a live appointment or once it was served; a cancellation or a no-show brings it back", async () => {
    const waiting = await newCase(t, { reference: "Q-1" });
    const booked = await newCase(t, { reference: "Q-2" });
    const apt = await t.post("/v1/appointments", booking(booked, at("09:00")));
    expect(apt.status).toBe(201);
    expect(references((await desk.get("/console/queue")).text)).toEqual(["Q-1"]);

    for (const step of ["confirm", "cancel"])
      expect((await t.post(`/v1/appointments/${apt.json.id}/${step}`, step === "cancel" ? { reason: "applicant asked" } : undefined)).status).toBe(200);
    expect(references((await desk.get("/console/queue")).text)).toEqual(["Q-1", "Q-2"]);

    // Served: checked in and completed on the day.
    const served = await t.post("/v1/appointments", booking(waiting, at("10:00")));
    const missed = await t.post("/v1/appointments", booking(booked, at("11:00")));
    t.clock.set(Date.parse("2026-12-07T17:00:00Z"));
    expect((await t.post(`/v1/appointments/${served.json.id}/check-in`)).status).toBe(200);
    expect((await t.post(`/v1/appointments/${served.json.id}/complete`)).status).toBe(200);
    expect(references((await desk.get("/console/queue")).text)).toEqual([]);
    expect((await t.post(`/v1/appointments/${missed.json.id}/no-show`)).status).toBe(200);
    expect(references((await desk.get("/console/queue")).text)).toEqual(["Q-2"]);
  });

  it("tests the statuses that bring a case back, which are every status but the hiding ones", () => {
    expect([...QUEUE_RETURNING_STATUSES].sort()).toEqual(["cancelled", "no_show"]);
    expect([...QUEUE_RETURNING_STATUSES, ...QUEUE_HIDING_STATUSES].sort()).toEqual([...STATUSES].sort());
  });

  it("says so when a track has no service, and offers no Book link for it", async () => {
    await newCase(t, { reference: "Q-UN", track: "UNHCR" });
    const res = await desk.get("/console/queue");
    expect(rows(res.text)[0]).toBe("Q-UN 2026-11-20 No service books this track (UNHCR) — — 3 es");
    expect(res.text).not.toContain("/book?");
  });

  it("says so when nothing waits", async () => {
    const res = await desk.get("/console/queue");
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("No case is waiting for an appointment.");
  });
});

describe("days left, counted in the office's zone", () => {
  beforeEach(async () => {
    await newCase(t, { reference: "Q-1" }); // window 2026-12-04 … 2026-12-18
  });
  const standing = async () =>
    rows((await desk.get("/console/queue")).text)[0]!
      .replace(/^.* 2026-12-04 – 2026-12-18 /, "")
      .replace(/ 3 es Book$/, "");

  it("counts from the local date, not the UTC one", async () => {
    // 23:30 on the 17th in Bogotá is already the 18th in UTC.
    t.clock.set(Date.parse("2026-12-18T04:30:00Z"));
    expect(await standing()).toBe("1 day left");
    t.clock.set(Date.parse("2026-12-18T05:00:00Z"));
    expect(await standing()).toBe("Last day today");
    t.clock.set(Date.parse("2026-12-19T04:59:00Z"));
    expect(await standing()).toBe("Last day today");
    t.clock.set(Date.parse("2026-12-19T05:00:00Z"));
    expect(await standing()).toBe("Window passed 1 day ago");
    t.clock.set(Date.parse("2026-12-28T12:00:00Z"));
    expect(await standing()).toBe("Window passed 10 days ago");
  });

  it("shows the days before the window opens, and the first day as open", async () => {
    t.clock.set(Date.parse("2026-12-04T04:59:00Z")); // 23:59 on the 3rd in Bogotá
    expect(await standing()).toBe("Opens in 1 day · 15 days left");
    t.clock.set(Date.parse("2026-12-04T05:00:00Z"));
    expect(await standing()).toBe("14 days left");
  });

  it("counts an extension in", async () => {
    const [id] = (await t.get("/v1/cases?officeId=bogota")).json.items.map((c: { id: string }) => c.id);
    expect((await t.post(`/v1/cases/${id}/extensions`, { days: 10, reason: "looking for a sponsor" })).status).toBe(201);
    t.clock.set(Date.parse("2026-12-20T12:00:00Z"));
    const res = await desk.get("/console/queue");
    expect(rows(res.text)[0]).toContain("2026-12-04 – 2026-12-28 8 days left");
  });
});

describe("search", () => {
  beforeEach(async () => {
    for (const reference of ["AB-100", "AB-101", "AB-200", "XY-100"]) await newCase(t, { reference });
  });

  it("matches a whole reference or its start, in capitals too", async () => {
    for (const [q, expected] of [
      ["AB-10", ["AB-100", "AB-101"]],
      ["AB-200", ["AB-200"]],
      ["ab-1", ["AB-100", "AB-101"]],
      [" XY ", ["XY-100"]],
      ["", ["AB-100", "AB-101", "AB-200", "XY-100"]],
    ] as const) {
      const res = await desk.get(`/console/queue?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(references(res.text)).toEqual(expected);
    }
  });

  it("does not take the reference as a pattern, and says when nothing matches", async () => {
    for (const q of ["AB%", "_B-100", "B-100"]) {
      const res = await desk.get(`/console/queue?q=${encodeURIComponent(q)}`);
      expect(references(res.text)).toEqual([]);
      expect(textOf(res.text)).toContain(`No waiting case has a reference that starts with “${q}”.`);
    }
  });

  it("tells why a case found by its whole reference is not waiting", async () => {
    const [id] = (await t.get("/v1/cases?reference=AB-200")).json.items.map((c: { id: string }) => c.id);
    expect((await t.post("/v1/appointments", booking(id, at("09:00")))).status).toBe(201);
    const res = await desk.get("/console/queue?q=ab-200");
    expect(textOf(res.text)).toContain("Case AB-200 is not waiting: it has a live or completed appointment. See the case");
    expect(res.text).toContain(`href="/console/cases/${id}/book"`);
  });
});

describe("pages of 50", () => {
  it("pages on by screening date and id, without repeating or skipping a case", async () => {
    const made: string[] = [];
    for (let i = 0; i < 53; i++) {
      const reference = `P-${String(i).padStart(3, "0")}`;
      // Screening dates go backwards and repeat, so that id order is not page order.
      await newCase(t, { reference, screenedAt: `2026-11-${String(20 - (i % 7)).padStart(2, "0")}` });
      made.push(reference);
    }
    const first = await desk.get("/console/queue");
    expect(references(first.text)).toHaveLength(50);
    expect(first.text).not.toContain("First page");
    const next = /href="(\/console\/queue\?office=bogota&amp;cursor=[^"]+)"/.exec(first.text)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBeDefined();
    const second = await desk.get(next!);
    expect(second.status).toBe(200);
    expect(references(second.text)).toHaveLength(3);
    expect(textOf(second.text)).toContain("← First page");
    expect(second.text).not.toContain("Next page");

    const all = [...references(first.text), ...references(second.text)];
    expect(new Set(all).size).toBe(53);
    const screened = [...rows(first.text), ...rows(second.text)].map((r) => r.split(" ")[1]);
    expect(screened).toEqual([...screened].sort());
    expect(all.slice(0, 8)).toEqual(["P-006", "P-013", "P-020", "P-027", "P-034", "P-041", "P-048", "P-005"]);
  });

  it("keeps the search across pages", async () => {
    for (let i = 0; i < 51; i++) await newCase(t, { reference: `S-${String(i).padStart(3, "0")}` });
    await newCase(t, { reference: "T-000" });
    const first = await desk.get("/console/queue?q=S-");
    const next = /href="(\/console\/queue\?office=bogota&amp;q=S-&amp;cursor=[^"]+)"/.exec(first.text)?.[1]?.replace(/&amp;/g, "&");
    expect(references((await desk.get(next!)).text)).toEqual(["S-050"]);
  });

  it("refuses a cursor it did not give out with a 422 page naming it", async () => {
    for (const cursor of ["nonsense", btoa(JSON.stringify({ after: "case_x" }))]) {
      const res = await desk.get(`/console/queue?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(textOf(res.text)).toContain("cursor: is not a cursor this service gave out");
    }
  });
});

describe("offices", () => {
  beforeEach(async () => {
    expect((await t.post("/v1/offices", quito())).status).toBe(201);
    await newCase(t, { reference: "BOG-1" });
    await newCase(t, { reference: "UIO-1", officeId: "quito" });
  });

  it("shows a scheduler their own office only, and another office is a 403 page", async () => {
    const own = await desk.get("/console/queue");
    expect(references(own.text)).toEqual(["BOG-1"]);
    expect(own.text).not.toContain('name="office" value="quito"');
    expect(own.text).not.toContain("<select");
    const foreign = await desk.get("/console/queue?office=quito");
    expect(foreign.status).toBe(403);
    expect(textOf(foreign.text)).toContain("Office 'quito' is not one of yours.");
    expect(foreign.text).not.toContain("UIO-1");
  });

  it("lets an admin pick the office, the first by name by default", async () => {
    const admin = session(t, await token(t, { role: "admin" }));
    const first = await admin.get("/console/queue");
    expect(references(first.text)).toEqual(["BOG-1"]);
    expect(first.text).toMatch(/<select id="office" name="office"><option value="bogota" selected="">SMO Bogotá<\/option><option value="quito">SMO Quito<\/option><\/select>/);
    expect(references((await admin.get("/console/queue?office=quito")).text)).toEqual(["UIO-1"]);
    expect((await admin.get("/console/queue?office=nowhere")).status).toBe(404);
  });

  it("enforces the scope in the query itself", async () => {
    const actor = { id: "u1", role: "scheduler" as const, officeIds: ["bogota"], staffId: null };
    const ctx = { deps: t.deps, actor };
    await expect(caseQueue(ctx, { officeId: "quito" })).rejects.toSatisfy((e) => e instanceof DomainError && e.kind === "forbidden");
    expect((await caseQueue(ctx, { officeId: "bogota" })).items.map((i) => i.caseRow.reference)).toEqual(["BOG-1"]);
  });
});
