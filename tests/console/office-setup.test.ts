// An office's public holidays (kept open or closed) and eligibility rules with their preview.
// Bogotá (Colombia): 2026-12-08 is a public holiday (a Tuesday) inside the cases' window;
// counselor Ana works weekdays 09:00–13:00; the clock stands at 2026-11-23.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { token } from "../helpers/fixtures.js";
import { bookAt, postForms, quitoScheduler, schedulerOf, session, textOf, type Session } from "../helpers/console.js";
import { failedRules } from "../../src/domain/eligibility.js";

const HOLIDAY = "2026-12-08";
const HOLIDAYS = "/console/offices/bogota/holidays";
const RULES = "/console/offices/bogota/eligibility";

let t: TestApp;
let admin: Session;
let desk: Session;

beforeEach(async () => {
  t = await bookingApp();
  admin = session(t, await token(t, { role: "admin" }));
  desk = await schedulerOf(t);
});
afterEach(() => t.close());

const slotsOn = async (date: string) => (await t.get(`/v1/slots?service=iom-counseling&office=bogota&from=${date}&to=${date}T23:59:00-05:00`)).json.slots as { start: string }[];
const closures = async () => (await t.get("/v1/offices/bogota/closures")).json.items as { id: string; date: string; open: boolean; reason: string }[];

describe("public holidays", () => {
  it("lists the country's holidays of the coming months, named in the page's language", async () => {
    const res = await desk.get(HOLIDAYS);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain("The public holidays of CO for the next 6 months.");
    expect(text).toContain(`Tuesday 8 December 2026 (${HOLIDAY})`);
    expect(text).toContain("Friday 25 December 2026 (2026-12-25)");
    expect(text).not.toContain("2026-11-16"); // before today
    expect(postForms(res.text).filter((f) => f.action === HOLIDAYS).length).toBeGreaterThan(5);
    const es = await t.app.request(HOLIDAYS, { headers: { cookie: `${await desk.cookie()}; cita_console_lang=es` } });
    expect(textOf(await es.text())).toContain("martes 8 de diciembre de 2026 (2026-12-08) La inmaculada concepción Cerrada");
  });

  it("a holiday kept open becomes bookable in /v1/slots, and closing it again takes the times away", async () => {
    expect(await slotsOn(HOLIDAY)).toEqual([]);
    const res = await desk.post(HOLIDAYS, { date: HOLIDAY, reason: "Catch-up day for the backlog" });
    expect([res.status, res.location]).toEqual([303, `${HOLIDAYS}?kept=${HOLIDAY}`]);
    expect((await slotsOn(HOLIDAY)).map((s) => s.start)).toEqual(["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"].map((h) => `${HOLIDAY}T${h}:00Z`));
    const page = textOf((await desk.get(res.location!)).text);
    expect(page).toContain("The office will work on Tuesday 8 December 2026: it can be booked now.");
    expect(page).toContain("Open (Catch-up day for the backlog)");

    // Sent twice: still one entry.
    await desk.post(HOLIDAYS, { date: HOLIDAY, reason: "Catch-up day for the backlog" });
    const [entry, ...more] = await closures();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ date: HOLIDAY, open: true });

    const closed = await desk.post(`${HOLIDAYS}/${entry!.id}/close`);
    expect([closed.status, closed.location]).toEqual([303, `${HOLIDAYS}?closed=1`]);
    expect(await slotsOn(HOLIDAY)).toEqual([]);
  });

  it("refuses a date that is no holiday and a missing reason next to their fields, and changes nothing", async () => {
    const notHoliday = await desk.post(HOLIDAYS, { date: "2026-12-09", reason: "Why not" });
    expect(notHoliday.status).toBe(422);
    expect(textOf(notHoliday.text)).toContain("Date: is not a public holiday in CO.");
    const noReason = await desk.post(HOLIDAYS, { date: HOLIDAY, reason: "  " });
    expect(noReason.status).toBe(422);
    expect(textOf(noReason.text)).toContain("Why it stays open: must not be empty.");
    expect(noReason.text).toContain(`id="reason-${HOLIDAY}-error"`);
    expect(await closures()).toEqual([]);
    expect(await slotsOn(HOLIDAY)).toEqual([]);
  });

  it("a scheduler of another office is refused (403), and a stale form changes nothing", async () => {
    const stranger = await quitoScheduler(t);
    expect((await stranger.post(HOLIDAYS, { date: HOLIDAY, reason: "Not mine" })).status).toBe(403);
    expect((await desk.post(HOLIDAYS, { date: HOLIDAY, reason: "Stale" }, { csrf: "stale" })).status).toBe(403);
    expect(await closures()).toEqual([]);
  });
});

describe("eligibility rules", () => {
  const rules = { nationalities: "VE, CU", presentOnOrBefore: "2023-06-11", minAge: "18", legalStatuses: "" };

  async function someCases() {
    await newCase(t, { nationality: "VE", presentSince: "2022-05-01" });
    await newCase(t, { nationality: "VE", presentSince: "2024-01-01" }); // arrived too late
    await newCase(t, { nationality: "HT", presentSince: "2021-01-01" }); // nationality
    await newCase(t, { nationality: "CU", birthDate: "2010-01-01" }); // under 18
    // Served already: not a current case, whatever the rules say.
    const served = await bookAt(t, at("09:00"), { nationality: "HT" });
    t.database.sqlite.prepare("UPDATE appointments SET status = 'completed' WHERE id = ?").run(served.id);
    return served.caseId;
  }

  it("previews how many current cases the rules would refuse, as the domain's check counts them, and saves nothing", async () => {
    const served = await someCases();
    const res = await admin.post(RULES, { ...rules, do: "preview" });
    expect(res.status).toBe(200);
    const all = (await t.get("/v1/cases?officeId=bogota&limit=200")).json.items as Record<string, string>[];
    const current = all.filter((c) => c.id !== served);
    const parsed = { nationalities: ["VE", "CU"], presentOnOrBefore: "2023-06-11", minAge: 18 };
    const refused = current.filter((c) => failedRules(parsed, c as never, c.screenedAt!).length > 0).length;
    expect([current.length, refused]).toEqual([4, 3]);
    expect(textOf(res.text)).toContain(`These rules would refuse ${refused} of the office's ${current.length} current cases`);
    expect(res.text).toContain('value="VE, CU"');
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toBeNull();
  });

  it("saves the rules, which the API then returns and applies to new cases", async () => {
    const res = await admin.post(RULES, { ...rules, legalStatuses: "regular, regularising", do: "save" });
    expect([res.status, res.location]).toEqual([303, `${RULES}?done=saved`]);
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toEqual({
      nationalities: ["VE", "CU"],
      presentOnOrBefore: "2023-06-11",
      minAge: 18,
      legalStatuses: ["regular", "regularising"],
    });
    expect(
      (
        await t.post("/v1/cases", {
          officeId: "bogota",
          track: "IOM",
          screenedAt: "2026-11-20",
          language: "es",
          householdSize: 1,
          nationality: "HT",
          presentSince: "2022-01-01",
          birthDate: "1990-01-01",
          legalStatus: "regular",
        })
      ).status,
    ).toBe(422);
    const page = await admin.get(res.location!);
    expect(textOf(page.text)).toContain("The rules were saved.");
    expect(page.text).toContain('name="presentOnOrBefore" type="date" value="2023-06-11"');
  });

  it("refuses rules the API refuses next to their fields, on preview and on save alike, and saves nothing", async () => {
    for (const action of ["preview", "save"]) {
      const res = await admin.post(RULES, { nationalities: "Venezuela", presentOnOrBefore: "2023-02-30", minAge: "old", legalStatuses: "", do: action });
      expect(res.status, action).toBe(422);
      const text = textOf(res.text);
      expect(text).toContain("Nationalities: must be an ISO 3166 alpha-2 code such as CO.");
      expect(text).toContain("Present in the country on or before: must be a real calendar date");
      expect(text).toContain("Minimum age: ");
      expect(res.text).toContain('id="f-nationalities-error"');
    }
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toBeNull();
  });

  it("a scheduler sees the rules but cannot preview or save them (403)", async () => {
    const page = await desk.get(RULES);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<fieldset disabled");
    for (const action of ["preview", "save"]) expect((await desk.post(RULES, { ...rules, do: action })).status).toBe(403);
    expect((await t.get("/v1/offices/bogota/eligibility")).json).toBeNull();
  });
});
