// The service set-up pages: create and edit a service (duration, buffer, window, daily cap,
// step, notice: any whole minutes the API accepts); refusals show the field, answer 4xx and change
// nothing; only admins change services.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota, counseling, token } from "../helpers/fixtures.js";
import { postForms, schedulerOf, session, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let admin: Session;

beforeEach(async () => {
  t = makeApp({ now: "2026-11-23T12:00:00Z" });
  await t.post("/v1/offices", bogota());
  expect((await t.post("/v1/services", counseling())).status).toBe(201);
  admin = session(t, await token(t, { role: "admin" }));
  await admin.cookie();
});
afterEach(() => t.close());

const service = async (id = "iom-counseling") => (await t.get(`/v1/services/${id}`)).json;
const serviceIds = async () => ((await t.get("/v1/services")).json.items as { id: string }[]).map((s) => s.id);

const interview = {
  id: "unhcr-interview",
  name: "UNHCR interview",
  agency: "UNHCR",
  durationMinutes: "50",
  bufferMinutes: "7",
  slotStepMinutes: "11",
  "window.minDays": "14",
  "window.maxDays": "120",
  minNoticeHours: "36",
  dailyCapPerOffice: "12",
  needsRoom: "on",
};

describe("services", () => {
  it("lists the services with their lengths, window and cap", async () => {
    const res = await admin.get("/console/services");
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("IOM counseling session IOM 60 min 0 min days 14–28 30 min 24 h none");
    expect(res.text).toContain('href="/console/services/iom-counseling"');
    expect(res.text).toContain('href="/console/services/new"');
  });

  it("creates a service with odd minutes, and the API then returns it", async () => {
    const res = await admin.post("/console/services/new", interview);
    expect([res.status, res.location]).toEqual([303, "/console/services/unhcr-interview?done=created"]);
    expect(await service("unhcr-interview")).toMatchObject({
      name: "UNHCR interview",
      agency: "UNHCR",
      durationMinutes: 50,
      bufferMinutes: 7,
      slotStepMinutes: 11,
      window: { minDays: 14, maxDays: 120 },
      minNoticeHours: 36,
      dailyCapPerOffice: 12,
      needsRoom: true,
    });
    expect(textOf((await admin.get(res.location!)).text)).toContain("The service was created.");
  });

  it("edits the service; an empty cap removes it and an unticked room is no room", async () => {
    await t.patch("/v1/services/iom-counseling", { dailyCapPerOffice: 9, needsRoom: true });
    const page = await admin.get("/console/services/iom-counseling");
    expect(page.text).toContain('name="dailyCapPerOffice" type="text" value="9"');
    expect(postForms(page.text).map((f) => f.action)).toContain("/console/services/iom-counseling");
    const res = await admin.post("/console/services/iom-counseling", {
      name: "IOM counseling",
      agency: "IOM",
      durationMinutes: "45",
      bufferMinutes: "15",
      slotStepMinutes: "15",
      "window.minDays": "10",
      "window.maxDays": "30",
      minNoticeHours: "2",
      dailyCapPerOffice: "",
    });
    expect([res.status, res.location]).toEqual([303, "/console/services/iom-counseling?done=saved"]);
    expect(await service()).toMatchObject({
      name: "IOM counseling",
      durationMinutes: 45,
      bufferMinutes: 15,
      slotStepMinutes: 15,
      window: { minDays: 10, maxDays: 30 },
      minNoticeHours: 2,
      dailyCapPerOffice: null,
      needsRoom: false,
    });
  });

  it("refuses what the API refuses next to each field, and changes nothing", async () => {
    const before = await service();
    const res = await admin.post("/console/services/iom-counseling", {
      agency: "IOM",
      durationMinutes: "4",
      bufferMinutes: "ten",
      slotStepMinutes: "30",
      "window.minDays": "30",
      "window.maxDays": "10",
      minNoticeHours: "24",
      dailyCapPerOffice: "0",
    });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain("4 fields need a change");
    expect(text).toContain("Duration (minutes): ");
    expect(text).toContain("Buffer after (minutes): ");
    expect(text).toContain("Window closes (days after screening): must not be less than minDays.");
    expect(text).toContain("Daily cap per office: ");
    expect(res.text).toMatch(/name="durationMinutes" type="text" value="4"[^>]*aria-invalid="true"/);
    expect(await service()).toEqual(before);

    const taken = await admin.post("/console/services/new", { ...interview, id: "iom-counseling" });
    expect(taken.status).toBe(409);
    expect(await serviceIds()).toEqual(["iom-counseling"]);
  });

  it("a scheduler sees services read-only and every change is a 403 that changes nothing; a stale form too", async () => {
    const desk = await schedulerOf(t);
    const page = await desk.get("/console/services/iom-counseling");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<fieldset disabled");
    expect((await desk.get("/console/services/new")).status).toBe(403);
    const before = await service();
    expect((await desk.post("/console/services/iom-counseling", { agency: "IOM", durationMinutes: "30" })).status).toBe(403);
    expect((await desk.post("/console/services/new", interview)).status).toBe(403);
    expect((await admin.post("/console/services/iom-counseling", { agency: "IOM", durationMinutes: "30" }, { csrf: "stale" })).status).toBe(403);
    expect(await service()).toEqual(before);
    expect(await serviceIds()).toEqual(["iom-counseling"]);
  });
});
