import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { applicantCase, counseling, counselor, seedBasics } from "../helpers/fixtures.js";
import { listSlots } from "../../src/domain/slot-search.js";

let t: TestApp;
beforeEach(async () => {
  t = makeApp({ now: "2026-11-23T12:00:00Z" });
  await seedBasics(t);
  await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
});
afterEach(() => t.close());

const slots = (query: string) => t.get(`/v1/slots?service=iom-counseling&office=bogota&${query}`);
const starts = (res: { json: { slots: { localStart: string }[] } }) => res.json.slots.map((s) => s.localStart);

describe("GET /v1/slots", () => {
  it("offers the grid inside availability ∩ office hours, in UTC and office time", async () => {
    const res = await slots("from=2026-12-01&to=2026-12-02");
    expect(res.status).toBe(200);
    expect(res.json.timeZone).toBe("America/Bogota");
    expect(starts(res)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00"].map((h) => `2026-12-01T${h}:00-05:00`));
    expect(res.json.slots[0]).toEqual({
      start: "2026-12-01T14:00:00Z",
      end: "2026-12-01T15:00:00Z",
      localStart: "2026-12-01T09:00:00-05:00",
      localEnd: "2026-12-01T10:00:00-05:00",
      staffIds: ["ana"],
    });
  });

  it("takes instants as well as local dates, [from, to)", async () => {
    const res = await slots("from=2026-12-01T15:00:00Z&to=2026-12-01T16:30:00Z");
    expect(starts(res)).toEqual(["2026-12-01T10:00:00-05:00", "2026-12-01T10:30:00-05:00", "2026-12-01T11:00:00-05:00"]);
  });

  it("closes Colombia's public holidays unless the office marks them open", async () => {
    expect((await slots("from=2026-12-08&to=2026-12-09")).json.slots).toEqual([]);
    await t.post("/v1/offices/bogota/closures", { date: "2026-12-08", reason: "Open on the holiday", open: true });
    expect((await slots("from=2026-12-08&to=2026-12-09")).json.slots).toHaveLength(7);
    await t.post("/v1/offices/bogota/closures", { date: "2026-12-09", reason: "Staff training" });
    expect((await slots("from=2026-12-09&to=2026-12-10")).json.slots).toEqual([]);
    await t.post("/v1/offices/bogota/closures", { start: "2026-12-10T10:00:00-05:00", end: "2026-12-10T11:00:00-05:00", reason: "Power cut" });
    expect(starts(await slots("from=2026-12-10&to=2026-12-11"))).toEqual(["09:00", "11:00", "11:30", "12:00"].map((h) => `2026-12-10T${h}:00-05:00`));
  });

  it("removes time off", async () => {
    await t.post("/v1/staff/ana/time-off", { start: "2026-12-01T09:30:00-05:00", end: "2026-12-01T12:00:00-05:00", reason: "Dentist" });
    expect(starts(await slots("from=2026-12-01&to=2026-12-02"))).toEqual(["2026-12-01T12:00:00-05:00"]);
  });

  it("keeps a case's starts inside its window, extensions included", async () => {
    const { json: c } = await t.post("/v1/cases", applicantCase({ screenedAt: "2026-11-20" }));
    const res = await slots(`case=${c.id}&from=2026-11-23&to=2027-01-31`);
    const dates = new Set(res.json.slots.map((s: { localStart: string }) => s.localStart.slice(0, 10)));
    expect([...dates][0]).toBe("2026-12-04");
    expect([...dates].at(-1)).toBe("2026-12-18");
    await t.post(`/v1/cases/${c.id}/extensions`, { days: 7, reason: "Looking for a sponsor" });
    const longer = await slots(`case=${c.id}&from=2026-11-23&to=2027-01-31`);
    expect(longer.json.slots.at(-1).localStart.slice(0, 10)).toBe("2026-12-24");
  });

  it("never offers a start before now plus the minimum notice", async () => {
    t.clock.set(Date.parse("2026-12-01T15:10:00Z")); // 10:10 in Bogotá
    const res = await slots("from=2026-12-01&to=2026-12-03");
    expect(starts(res)[0]).toBe("2026-12-02T10:30:00-05:00");
  });

  it("filters by language, from the query or the case", async () => {
    await t.post("/v1/staff", counselor({ id: "jean", languages: ["fr", "ht", "es"] }));
    await t.put("/v1/staff/jean/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=TU", start: "14:00", end: "16:00", officeId: "bogota" }]);
    expect((await slots("from=2026-12-01&to=2026-12-02&language=ht")).json.slots.map((s: { staffIds: string[] }) => s.staffIds)).toEqual([["jean"], ["jean"], ["jean"]]);
    const { json: c } = await t.post("/v1/cases", applicantCase({ language: "ht", nationality: "HT", screenedAt: "2026-11-17" }));
    expect(starts(await slots(`case=${c.id}&from=2026-12-01&to=2026-12-02`))).toEqual(["14:00", "14:30", "15:00"].map((h) => `2026-12-01T${h}:00-05:00`));
    expect((await slots("from=2026-12-01&to=2026-12-02&staff=ana")).json.slots).toHaveLength(7);
  });

  it("follows a New York counselor's hours across New York's DST change while Bogotá keeps its clock", async () => {
    await t.post("/v1/staff", counselor({ id: "sarah", timeZone: "America/New_York" }));
    await t.put("/v1/staff/sarah/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
    const winter = await slots("staff=sarah&from=2026-12-01&to=2026-12-02");
    expect(starts(winter)[0]).toBe("2026-12-01T09:00:00-05:00");
    const summer = await slots("staff=sarah&from=2027-06-01&to=2027-06-02");
    expect(starts(summer)[0]).toBe("2027-06-01T08:00:00-05:00");
    expect(starts(summer).at(-1)).toBe("2027-06-01T11:00:00-05:00");
  });

  it.each([
    ["from=2026-12-02&to=2026-12-01", "to"],
    ["from=2026-12-01&to=2026-12-01", "to"],
    ["from=2026-01-01&to=2026-06-01", "to"],
    ["from=2026-12-01T08:00:00&to=2026-12-02", "from"],
    ["from=tomorrow&to=2026-12-02", "from"],
    ["from=2026-02-30&to=2026-03-02", "from"],
    ["from=2026-12-01&to=2026-12-02&language=de", "language"],
    ["from=2026-12-01&to=2026-12-02&colour=red", "colour"],
  ])("refuses %s naming %s", async (query, path) => {
    const res = await slots(query);
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("caps a query at 92 days and at 4,500 steps of the service's grid, naming to", async () => {
    expect((await slots("from=2026-12-01&to=2027-03-03")).status).toBe(200); // 92 days of 30-minute steps
    const long = await slots("from=2026-12-01&to=2027-03-04");
    expect(long.status).toBe(422);
    expect(long.json.errors).toEqual([{ path: "to", message: "the range may span at most 92 days" }]);
    await t.patch("/v1/services/iom-counseling", { slotStepMinutes: 5 });
    expect((await slots("from=2026-12-01&to=2026-12-16")).status).toBe(200); // 15 days: 4,320 steps
    const fine = await slots("from=2026-12-01&to=2026-12-17");
    expect(fine.status).toBe(422);
    expect(fine.headers.get("content-type")).toContain("application/problem+json");
    expect(fine.json.errors).toEqual([{ path: "to", message: "the range may hold at most 4500 starts of the service's 5-minute grid: at most 15 days for this service" }]);
    // The service's own pages search whole windows; their cached answer is never handed to a client's query.
    const admin = { deps: t.deps, actor: { id: "admin-token", role: "admin" as const, officeIds: [], staffId: null } };
    expect((await listSlots(admin, { serviceId: "iom-counseling", officeId: "bogota", from: "2026-12-01", to: "2026-12-17" })).slots.length).toBeGreaterThan(0);
    expect((await slots("from=2026-12-01&to=2026-12-17")).status).toBe(422);
  });

  it("answers 404 for an unknown service, office or case, and 422 for another office's case", async () => {
    expect((await t.get("/v1/slots?service=nope&office=bogota&from=2026-12-01&to=2026-12-02")).status).toBe(404);
    expect((await t.get("/v1/slots?service=iom-counseling&office=nope&from=2026-12-01&to=2026-12-02")).status).toBe(404);
    expect((await slots("case=case_nope&from=2026-12-01&to=2026-12-02")).status).toBe(404);
    await t.post("/v1/offices", { ...(await t.get("/v1/offices/bogota")).json, id: "cali", createdAt: undefined, updatedAt: undefined });
    const other = await t.post("/v1/cases", applicantCase({ officeId: "cali" }));
    const res = await slots(`case=${other.json.id}&from=2026-12-01&to=2026-12-02`);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ path: "office", message: "the case belongs to office 'cali'" }]);
  });

  it("offers a case only its own track's service, as booking it would: another agency's is a 422 naming service", async () => {
    await t.post("/v1/services", { ...counseling({ id: "unhcr-interview", agency: "UNHCR" }) });
    await t.post("/v1/staff", counselor({ id: "uma", agency: "UNHCR", serviceIds: ["unhcr-interview"] }));
    await t.put("/v1/staff/uma/availability", [{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start: "09:00", end: "13:00", officeId: "bogota" }]);
    const { json: c } = await t.post("/v1/cases", applicantCase({ track: "UNHCR" }));
    const iom = await slots(`case=${c.id}&from=2026-12-07&to=2026-12-08`);
    expect(iom.status).toBe(422);
    expect(iom.json.errors).toEqual([{ path: "service", message: "the case is on the UNHCR track; 'iom-counseling' is IOM's" }]);
    const unhcr = await t.get(`/v1/slots?service=unhcr-interview&office=bogota&case=${c.id}&from=2026-12-07&to=2026-12-08`);
    expect(unhcr.status).toBe(200);
    expect(unhcr.json.slots.map((s: { staffIds: string[] }) => s.staffIds)).toEqual(Array(7).fill(["uma"]));
    // Without a case, every service's times are there to see.
    expect((await slots("from=2026-12-07&to=2026-12-08")).json.slots).toHaveLength(7);
  });
});
