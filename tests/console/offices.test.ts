// The office set-up pages: create and edit an office (details, hours by weekday, contact,
// reminders and quiet hours) and add rooms; every refusal shows the field, answers 4xx and
// changes nothing the API returns. Who may: admins everything, schedulers only look at their own
// offices (403 elsewhere, and 403 on every change here).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { bogota, token } from "../helpers/fixtures.js";
import { postForms, quitoScheduler, schedulerOf, session, textOf, type Session } from "../helpers/console.js";
import { OFFER_DEFAULTS } from "../../src/domain/offers-settings.js";

let t: TestApp;
let admin: Session;

beforeEach(async () => {
  t = makeApp({ now: "2026-11-23T12:00:00Z" });
  expect((await t.post("/v1/offices", bogota())).status).toBe(201);
  admin = session(t, await token(t, { role: "admin" }));
  await admin.cookie();
});
afterEach(() => t.close());

const office = async (id = "bogota") => (await t.get(`/v1/offices/${id}`)).json;
const officeIds = async () => ((await t.get("/v1/offices")).json.items as { id: string }[]).map((o) => o.id);

/** The office form of Bogotá as the edit page fills it, with some fields changed. */
async function editForm(over: Record<string, string> = {}) {
  const page = await admin.get("/console/offices/bogota");
  const values = Object.fromEntries([...page.text.matchAll(/<input id="[^"]*" name="([^"]+)" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, "&")]));
  return { ...values, ...over };
}

const newOffice = {
  id: "quito",
  name: "SMO Quito",
  country: "EC",
  timeZone: "America/Guayaquil",
  address: "Av. Amazonas, Quito",
  email: "",
  phone: "+59321234567",
  publicEmail: "quito@example.org",
  "hours.MO": "08:00-12:00, 13:00-17:00",
  "hours.WE": "08:00-12:00, 13:00-17:00",
  "hours.FR": "09:00-13:00",
  "settings.reminderHours": "48, 2",
  "settings.quietHoursStart": "21:00",
  "settings.quietHoursEnd": "07:30",
  "settings.rescheduleLimit": "4",
  "settings.applicantRescheduleLimit": "1",
};

describe("the list and the forms", () => {
  it("lists the offices with links, and an admin gets the new-office button", async () => {
    const res = await admin.get("/console/offices");
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("SMO Bogotá bogota CO America/Bogota Calle 100");
    expect(res.text).toContain('href="/console/offices/bogota"');
    expect(res.text).toContain('href="/console/offices/new"');
    expect(res.text).toContain('href="/console/offices" aria-current="page"');
  });

  it("shows the office's form filled from the API: hours by weekday, contact, settings", async () => {
    await t.patch("/v1/offices/bogota", {
      phone: "+573001112233",
      hours: [
        { days: ["MO", "TU"], start: "08:00", end: "12:00" },
        { days: ["MO"], start: "13:00", end: "17:00" },
      ],
    });
    const form = await editForm();
    expect(form).toMatchObject({
      name: "SMO Bogotá",
      timeZone: "America/Bogota",
      phone: "+573001112233",
      "hours.MO": "08:00-12:00, 13:00-17:00",
      "hours.TU": "08:00-12:00",
      "hours.WE": "",
    });
    expect(form).toMatchObject({ "settings.reminderHours": "72, 24", "settings.quietHoursStart": "20:00" });
    const page = await admin.get("/console/offices/bogota");
    expect(postForms(page.text).map((f) => f.action)).toContain("/console/offices/bogota");
  });
});

describe("creating an office", () => {
  it("creates it with its hours grouped by range, and the API then returns it", async () => {
    const res = await admin.post("/console/offices/new", newOffice);
    expect([res.status, res.location]).toEqual([303, "/console/offices/quito?done=created"]);
    const quito = await office("quito");
    expect(quito).toMatchObject({ name: "SMO Quito", country: "EC", timeZone: "America/Guayaquil", phone: "+59321234567", publicEmail: "quito@example.org", email: null });
    expect(quito.hours).toEqual([
      { days: ["MO", "WE"], start: "08:00", end: "12:00" },
      { days: ["MO", "WE"], start: "13:00", end: "17:00" },
      { days: ["FR"], start: "09:00", end: "13:00" },
    ]);
    // The form has no offer fields: those keep the defaults.
    expect(quito.settings).toEqual({
      ...OFFER_DEFAULTS,
      reminderHours: [48, 2],
      quietHoursStart: "21:00",
      quietHoursEnd: "07:30",
      rescheduleLimit: 4,
      applicantRescheduleLimit: 1,
    });
    expect(textOf((await admin.get(res.location!)).text)).toContain("The office was created.");
  });

  it("refuses a bad zone, a bad hour range and a bad phone next to each field, and creates nothing", async () => {
    const res = await admin.post("/console/offices/new", { ...newOffice, timeZone: "Mars/Olympus", "hours.WE": "17:00-08:00", "hours.FR": "nine to five", phone: "12345" });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain("4 fields need a change");
    expect(text).toContain("Time zone: must be an IANA time zone such as America/Bogota.");
    expect(text).toContain("Wednesday: must end after it starts.");
    expect(text).toContain("Friday: write each range as 08:00-17:00, separated by commas.");
    expect(text).toContain("Public phone: must be an E.164 number");
    // Each refusal is tied to its input, and the form keeps what was typed.
    expect(res.text).toMatch(/name="timeZone" type="text" value="Mars\/Olympus"[^>]*aria-invalid="true" aria-describedby="f-timeZone-hint f-timeZone-error"/);
    expect(res.text).toContain('id="f-hours-WE-error"');
    expect(await officeIds()).toEqual(["bogota"]);
  });

  it("refuses an id already taken with the API's conflict (409)", async () => {
    const res = await admin.post("/console/offices/new", { ...newOffice, id: "bogota" });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain("An office with id 'bogota' already exists.");
    expect((await office()).name).toBe("SMO Bogotá");
  });
});

describe("editing an office", () => {
  it("saves details, hours, contact, reminders and quiet hours, and the API returns them", async () => {
    const form = await editForm({
      name: "SMO Bogotá Norte",
      "hours.SA": "09:00-12:00",
      publicEmail: "bogota@example.org",
      "settings.reminderHours": "24",
      "settings.quietHoursStart": "19:00",
    });
    const res = await admin.post("/console/offices/bogota", form);
    expect([res.status, res.location]).toEqual([303, "/console/offices/bogota?done=saved"]);
    const now = await office();
    expect(now).toMatchObject({ name: "SMO Bogotá Norte", publicEmail: "bogota@example.org" });
    expect(now.hours).toEqual([
      { days: ["MO", "TU", "WE", "TH", "FR"], start: "08:00", end: "17:00" },
      { days: ["SA"], start: "09:00", end: "12:00" },
    ]);
    expect(now.settings).toMatchObject({ reminderHours: [24], quietHoursStart: "19:00", quietHoursEnd: "08:00" });
  });

  it("keeps the offer settings the form does not show when it saves", async () => {
    const offerSettings = { offerBatchSize: 6, offerExpiryMinutes: 90, offerOrder: "screened-first" };
    expect((await t.patch("/v1/offices/bogota", { settings: offerSettings })).status).toBe(200);
    const res = await admin.post("/console/offices/bogota", await editForm({ "settings.quietHoursEnd": "07:00" }));
    expect(res.status).toBe(303);
    expect((await office()).settings).toEqual({
      reminderHours: [72, 24],
      quietHoursStart: "20:00",
      quietHoursEnd: "07:00",
      rescheduleLimit: 3,
      applicantRescheduleLimit: 2,
      ...offerSettings,
    });
  });

  it("refuses bad settings next to their fields and changes nothing", async () => {
    const before = await office();
    const form = await editForm({ name: "Renamed", "settings.reminderHours": "24, soon", "settings.quietHoursEnd": "25:00", "settings.rescheduleLimit": "-1" });
    const res = await admin.post("/console/offices/bogota", form);
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain("Reminders (hours before): ");
    expect(text).toContain("Quiet hours until: must be a wall-clock time HH:MM");
    expect(text).toContain("Moves allowed per appointment: ");
    expect(res.text).toContain('value="Renamed"');
    expect(await office()).toEqual(before);
  });

  it("adds a room, which the API then lists; a bad room id is refused next to its field", async () => {
    const added = await admin.post("/console/offices/bogota/rooms", { name: "Sala 2", id: "sala-2" });
    expect([added.status, added.location]).toEqual([303, "/console/offices/bogota/rooms?added=sala-2"]);
    expect((await t.get("/v1/offices/bogota/rooms")).json.items.map((r: { id: string; name: string }) => [r.id, r.name])).toEqual([["sala-2", "Sala 2"]]);
    expect(textOf((await admin.get(added.location!)).text)).toContain("Room Sala 2 was added.");

    const bad = await admin.post("/console/offices/bogota/rooms", { name: "Sala 3", id: "Sala 3!" });
    expect(bad.status).toBe(422);
    expect(textOf(bad.text)).toContain("Identifier: must be 2–64 characters of a-z, 0-9 and '-'.");
    expect((await t.get("/v1/offices/bogota/rooms")).json.items).toHaveLength(1);
  });
});

describe("who may", () => {
  it("a scheduler sees their office read-only, and any change of theirs is a 403 that changes nothing", async () => {
    const desk = await schedulerOf(t);
    const page = await desk.get("/console/offices/bogota");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<fieldset disabled");
    expect(postForms(page.text).map((f) => f.action)).toContain("/console/offices/bogota");
    expect(page.text).not.toContain('href="/console/offices/new"');
    const before = await office();
    for (const [path, fields] of [
      ["/console/offices/bogota", await editForm({ name: "Mine now" })],
      ["/console/offices/new", newOffice],
      ["/console/offices/bogota/rooms", { name: "Sala 9" }],
    ] as const) {
      const res = await desk.post(path, fields);
      expect(res.status, path).toBe(403);
    }
    expect((await desk.get("/console/offices/new")).status).toBe(403);
    expect(await office()).toEqual(before);
    expect(await officeIds()).toEqual(["bogota"]);
    expect((await t.get("/v1/offices/bogota/rooms")).json.items).toEqual([]);
  });

  it("a scheduler of another office gets 403 on this one's pages and sees only their own in the list", async () => {
    const stranger = await quitoScheduler(t);
    for (const path of ["/console/offices/bogota", "/console/offices/bogota/rooms", "/console/offices/bogota/holidays", "/console/offices/bogota/eligibility"]) {
      expect((await stranger.get(path)).status, path).toBe(403);
    }
    const list = textOf((await stranger.get("/console/offices")).text);
    expect(list).toContain("SMO Quito");
    expect(list).not.toContain("SMO Bogotá");
  });

  it("a stale form token is a 403 and changes nothing", async () => {
    const before = await office();
    const res = await admin.post("/console/offices/bogota", await editForm({ name: "Stale" }), { csrf: "stale" });
    expect(res.status).toBe(403);
    expect(textOf(res.text)).toContain("form");
    expect(await office()).toEqual(before);
  });
});
