// The cases pages: register a screened case, correct its contact, extend its window, find it by
// reference, phone or name; each refusal names its field and changes nothing.
// Bogotá (UTC−5), clock at 2026-11-23T12:00Z; cases screened on 2026-11-20.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, bookingApp, booking, newCase, type TestApp } from "../helpers/booking.js";
import { applicantCase } from "../helpers/fixtures.js";
import { quitoScheduler, schedulerOf, textOf, type Session } from "../helpers/console.js";

let t: TestApp;
let desk: Session;

beforeEach(async () => {
  t = await bookingApp();
  desk = await schedulerOf(t);
});
afterEach(() => t.close());

const form = (over: Record<string, string> = {}) => ({
  officeId: "bogota",
  track: "IOM",
  language: "es",
  reference: "BOG-0001",
  name: "María José Pérez",
  screenedAt: "2026-11-20",
  householdSize: "3",
  nationality: "ve",
  presentSince: "2022-05-01",
  birthDate: "1990-04-02",
  legalStatus: "regular",
  email: "maria@example.org",
  phone: "+57 300 765-4321",
  ...over,
});
const allCases = async () => (await t.get("/v1/cases")).json.items as Record<string, any>[];
const caseNamed = async (id: string) => (await t.get(`/v1/cases/${id}`)).json;

describe("registering a case", () => {
  it("creates the case the API then returns, with the phone written as E.164", async () => {
    const res = await desk.post("/console/cases/new", form());
    expect(res.status).toBe(303);
    const [created] = await allCases();
    expect(res.location).toBe(`/console/cases/${created!.id}?done=created`);
    expect(created).toMatchObject({
      reference: "BOG-0001",
      name: "María José Pérez",
      officeId: "bogota",
      track: "IOM",
      nationality: "VE",
      householdSize: 3,
      contact: { email: "maria@example.org", phone: "+573007654321" },
    });
    const page = textOf((await desk.get(res.location!)).text);
    expect(page).toContain("The case is registered.");
    expect(page).toContain("María José Pérez");
    expect(page).toContain("IOM counseling session: 2026-12-04 – 2026-12-18");
  });

  it("lists every rule of the office the case fails, each by its field, and registers nothing", async () => {
    await t.put("/v1/offices/bogota/eligibility", { nationalities: ["CU", "HT", "VE"], presentOnOrBefore: "2023-06-11", minAge: 18, legalStatuses: ["regular", "regularising"] });
    const res = await desk.post("/console/cases/new", form({ nationality: "MX", presentSince: "2024-01-01", birthDate: "2010-01-01", legalStatus: "none" }));
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain("The case does not meet the office's rules:");
    expect(text).toContain("Nationality: MX is not among CU, HT, VE.");
    expect(text).toContain("In the country since: must be on or before 2023-06-11.");
    expect(text).toContain("Date of birth: the applicant must be at least 18 on 2026-11-20.");
    expect(text).toContain("Legal status: must be one of regular, regularising.");
    // The form keeps what was typed.
    expect(res.text).toContain('value="María José Pérez"');
    expect(await allCases()).toEqual([]);
  });

  it("names each malformed field, and registers nothing", async () => {
    const res = await desk.post("/console/cases/new", form({ nationality: "V1", phone: "3007", screenedAt: "2026-13-01", householdSize: "many" }));
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    for (const field of ["Nationality:", "Phone:", "Screened on:", "People in the household:"]) expect(text).toContain(field);
    expect(await allCases()).toEqual([]);
  });

  it("refuses a screening date after today at the office, and a reference in use", async () => {
    const late = await desk.post("/console/cases/new", form({ screenedAt: "2026-11-24" }));
    expect(late.status).toBe(422);
    expect(textOf(late.text)).toContain("Screened on: must not be after today at the office");
    await newCase(t, { reference: "BOG-0001" });
    const twice = await desk.post("/console/cases/new", form());
    expect(twice.status).toBe(409);
    expect(await allCases()).toHaveLength(1);
  });

  it("refuses a scheduler registering a case at another office", async () => {
    const stranger = await quitoScheduler(t);
    const res = await stranger.post("/console/cases/new", form());
    expect(res.status).toBe(403);
    expect(await allCases()).toEqual([]);
  });
});

describe("one case", () => {
  it("corrects the contact, and the messages still waiting follow it", async () => {
    const caseId = await newCase(t);
    const apt = await t.post("/v1/appointments", booking(caseId, at("09:00")));
    const pendingBefore = (await t.get(`/v1/notifications?appointmentId=${apt.json.id}`)).json.items.filter((n: any) => n.status === "pending");
    expect(pendingBefore.some((n: any) => n.to === "+573001234567")).toBe(true);

    const res = await desk.post(`/console/cases/${caseId}/contact`, { email: "new@example.org", phone: "+57 311 000 1111" });
    expect([res.status, res.location]).toEqual([303, `/console/cases/${caseId}?done=contact`]);
    expect((await caseNamed(caseId)).contact).toEqual({ email: "new@example.org", phone: "+573110001111" });
    const pending = (await t.get(`/v1/notifications?appointmentId=${apt.json.id}`)).json.items.filter((n: any) => n.status === "pending");
    expect(pending.map((n: any) => n.to).sort()).toEqual(pendingBefore.map((n: any) => (n.channel === "sms" ? "+573110001111" : "new@example.org")).sort());
  });

  it("refuses a contact that is not a phone number, naming it, and keeps the old one", async () => {
    const caseId = await newCase(t);
    const res = await desk.post(`/console/cases/${caseId}/contact`, { email: "new@example.org", phone: "call me" });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain("Phone: must be an E.164 number");
    expect((await caseNamed(caseId)).contact).toEqual(applicantCase().contact);
  });

  it("extends the window with a reason; without one, or with no days, it names the field and changes nothing", async () => {
    const caseId = await newCase(t);
    const res = await desk.post(`/console/cases/${caseId}/extensions`, { days: "7", reason: "Looking for a sponsor" });
    expect([res.status, res.location]).toEqual([303, `/console/cases/${caseId}?done=extended&days=7`]);
    expect((await caseNamed(caseId)).windowExtensionDays).toBe(7);
    expect(textOf((await desk.get(res.location!)).text)).toContain("2026-12-04 – 2026-12-25 (extended by 7 days)");

    const noReason = await desk.post(`/console/cases/${caseId}/extensions`, { days: "3", reason: " " });
    expect(noReason.status).toBe(422);
    expect(textOf(noReason.text)).toContain("Reason: must not be empty.");
    const noDays = await desk.post(`/console/cases/${caseId}/extensions`, { days: "0", reason: "Sponsor" });
    expect(noDays.status).toBe(422);
    expect(textOf(noDays.text)).toContain("Days:");
    expect((await caseNamed(caseId)).windowExtensionDays).toBe(7);
  });

  it("is refused to a scheduler of another office", async () => {
    const caseId = await newCase(t);
    const stranger = await quitoScheduler(t);
    expect((await stranger.get(`/console/cases/${caseId}`)).status).toBe(403);
    const res = await stranger.post(`/console/cases/${caseId}/contact`, { email: "x@example.org", phone: "" });
    expect(res.status).toBe(403);
    expect((await caseNamed(caseId)).contact).toEqual(applicantCase().contact);
  });
});

describe("finding a case", () => {
  beforeEach(async () => {
    await newCase(t, { reference: "BOG-0001", name: "María José Pérez", contact: { phone: "+573007654321" } });
    await newCase(t, { reference: "BOG-0002", name: "Jean Baptiste", contact: { phone: "+573001110000" } });
  });
  const search = async (q: string) => textOf((await desk.get(`/console/cases?q=${encodeURIComponent(q)}`)).text);

  it("finds by reference, whole or its start, showing initials instead of the name", async () => {
    const text = await search("bog-0001");
    expect(text).toContain("BOG-0001 M. J. P. SMO Bogotá IOM counseling session 2026-12-04 – 2026-12-18");
    expect(text).not.toContain("BOG-0002");
    expect(text).not.toContain("Pérez");
    expect(await search("BOG-")).toContain("BOG-0002 J. B.");
  });

  it("finds by the end of the phone number, however it is typed", async () => {
    const text = await search("300 765 4321");
    expect(text).toContain("BOG-0001");
    expect(text).not.toContain("BOG-0002");
  });

  it("finds by part of the name, and never prints the name on the list", async () => {
    const text = await search("baptiste");
    expect(text).toContain("BOG-0002 J. B.");
    expect(text).not.toContain("Baptiste");
    expect(text).not.toContain("BOG-0001");
  });

  it("finds nothing in another office's cases", async () => {
    const stranger = await quitoScheduler(t);
    const text = textOf((await stranger.get("/console/cases?q=BOG-0001")).text);
    expect(text).toContain('No case of your offices matches "BOG-0001".');
  });
});
