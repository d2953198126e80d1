// The applicant's link lets whoever holds it act as the applicant, so only the applicant's own
// channels and staff who may book at the office (admin, the office's scheduler) ever get it.
// An interviewer's answers (one, lists, day sheet, transitions, invite) carry no link at all.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";

let t: TestApp;
let id: string;
let link: string;
const who: Record<string, string> = {};

beforeEach(async () => {
  t = await bookingApp();
  await t.post("/v1/offices", { id: "quito", name: "SMO Quito", country: "EC", timeZone: "America/Guayaquil", address: "Av. Amazonas, Quito", hours: [] });
  const res = await t.post("/v1/appointments", booking(await newCase(t), at("10:00")));
  expect(res.status, res.text).toBe(201);
  id = res.json.id;
  link = res.json.selfServiceUrl;
  who.interviewer = await token(t, { role: "interviewer", staffId: "ana" });
  who.scheduler = await token(t, { role: "scheduler", officeIds: ["bogota"] });
  who.admin = await token(t, { role: "admin" });
});
afterEach(() => t.close());

/** Every JSON or calendar answer an interviewer can get about the appointment. */
const interviewerAnswers = (as: string) =>
  [
    ["GET", `/v1/appointments/${id}`],
    ["GET", "/v1/appointments"],
    ["GET", "/v1/appointments?staffId=ana"],
    ["GET", "/v1/offices/bogota/day/2026-12-07"],
    ["GET", `/v1/appointments/${id}/history`],
    ["GET", `/v1/appointments/${id}/invite.ics`],
    ["POST", `/v1/appointments/${id}/check-in`],
    ["POST", `/v1/appointments/${id}/complete`],
  ].map(([method, path]) => [method!, path!, as] as const);

describe("the applicant's self-service link", () => {
  it("is in no answer an interviewer gets, while the link itself still works", async () => {
    const linkToken = link.split("/a/")[1]!;
    // Check-in is only possible on the appointment's day: move to 09:50 in Bogotá that day.
    t.clock.set(Date.parse("2026-12-07T14:50:00Z"));
    for (const [method, path, as] of interviewerAnswers(who.interviewer!)) {
      const res = await t.call(method, path, { token: as });
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
      const text = res.text.replace(/\r\n[ \t]/g, ""); // calendar lines unfolded
      expect(text, `${method} ${path}`).not.toContain(linkToken);
      expect(text, `${method} ${path}`).not.toContain("/a/");
      expect(text, `${method} ${path}`).not.toContain("selfServiceUrl");
    }
    expect((await t.app.request(new URL(link).pathname)).status).toBe(200);
  });

  it("is absent, not empty, in an interviewer's JSON", async () => {
    const one = await t.get(`/v1/appointments/${id}`, { token: who.interviewer });
    expect(one.json.id).toBe(id);
    expect(Object.keys(one.json)).not.toContain("selfServiceUrl");
    const day = await t.get("/v1/offices/bogota/day/2026-12-07", { token: who.interviewer });
    expect(day.json.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(Object.keys(day.json.items[0])).not.toContain("selfServiceUrl");
  });

  it.each(["admin", "scheduler"])("is given to the %s (staff who may book at the office) in every answer", async (role) => {
    const as = who[role]!;
    expect((await t.get(`/v1/appointments/${id}`, { token: as })).json.selfServiceUrl).toBe(link);
    expect((await t.get("/v1/appointments", { token: as })).json.items[0].selfServiceUrl).toBe(link);
    expect((await t.get("/v1/offices/bogota/day/2026-12-07", { token: as })).json.items[0].selfServiceUrl).toBe(link);
    expect((await t.post(`/v1/appointments/${id}/confirm`, undefined, { token: as })).json.selfServiceUrl).toBe(link);
    const invite = await t.get(`/v1/appointments/${id}/invite.ics`, { token: as });
    expect(invite.text.replace(/\r\n /g, "")).toContain(link);
  });

  it("is optional in the OpenAPI schema and says who gets it", async () => {
    const doc = (await t.get("/openapi.json", { token: null })).json;
    const schema = doc.components.schemas.Appointment;
    expect(schema.required).not.toContain("selfServiceUrl");
    expect(schema.required).toContain("id");
    expect(schema.properties.selfServiceUrl.description).toMatch(/interviewer/i);
  });
});

describe("a second booking by the scheduler", () => {
  it("still answers with the link, and an interviewer's list of both carries none", async () => {
    const second = await t.post("/v1/appointments", booking(await newCase(t), at("11:00")), { token: who.scheduler });
    expect(second.status, second.text).toBe(201);
    expect(second.json.selfServiceUrl).toMatch(/^http:\/\/cita\.test\/a\//);
    const list = await t.get("/v1/appointments", { token: who.interviewer });
    expect(list.json.items).toHaveLength(2);
    for (const item of list.json.items) expect(item).not.toHaveProperty("selfServiceUrl");
  });
});
