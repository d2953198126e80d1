// What the applicant sees: the appointment in words, the language, the actions still open,
// the reschedule weeks, and the page budget.
import { afterEach, describe, expect, it } from "vitest";
import { pickLanguage } from "../../src/pages/language.js";
import { at, book, formTokenOf, linkApp, open, submit, textOf, type TestApp } from "./helpers.js";

let t: TestApp;
afterEach(() => t?.close());

describe("the appointment page", () => {
  it("says when (in words, office time), how long, where and what to bring, in the case's language", async () => {
    const app = await linkApp();
    t = app.t;
    const page = await open(t, app.path);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/^<!doctype html><html lang="es">/);
    expect(page.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    const text = textOf(page.text);
    expect(text).toContain("Lunes 7 de diciembre, 10:00");
    expect(text).toContain("Dura 1 hora.");
    expect(text).toContain("Calle 100 # 8A-55, Bogotá");
    expect(text).toContain("Los documentos de identidad de todas las personas de su hogar.");
    expect(text).toContain("Programada");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.text).not.toContain("<script");
  });

  it("takes ?lang= over the case's language, and the case's over Accept-Language", async () => {
    const app = await linkApp({ caseOver: { language: "ht" } });
    t = app.t;
    const ht = await open(t, app.path, { "accept-language": "en" });
    expect(ht.text).toContain('lang="ht"');
    expect(textOf(ht.text)).toContain("Lendi 7 desanm, 10:00");
    const en = await open(t, `${app.path}?lang=en`);
    expect(textOf(en.text)).toContain("Monday 7 December, 10:00");
    // A chosen language is kept by every link and form of the page.
    expect(en.text).toContain(`href="${app.path}/slots?lang=en"`);
    expect(en.text).toContain(`action="${app.path}/confirm?lang=en"`);
    expect(en.text).toContain('href="?lang=fr"');
    const fr = await open(t, `${app.path}/slots?week=2026-12-14&lang=en`);
    expect(fr.text).toContain('href="?week=2026-12-14&amp;lang=fr"');
    expect(pickLanguage({ caseLanguage: null, acceptLanguage: "de-DE,fr;q=0.8,en;q=0.9" })).toEqual({ lang: "en", explicit: false });
    expect(pickLanguage({ caseLanguage: "", acceptLanguage: "ht" }).lang).toBe("ht");
    expect(pickLanguage({ query: "xx", caseLanguage: "fr", acceptLanguage: "en" })).toEqual({ lang: "fr", explicit: false });
    expect(pickLanguage({}).lang).toBe("es");
  });

  it("shows only the actions still open", async () => {
    const app = await linkApp();
    t = app.t;
    const first = await open(t, app.path);
    expect(first.text).toContain("/confirm");
    expect(first.text).toContain("/slots");
    expect(first.text).toContain("/cancel");
    await t.post(`/v1/appointments/${app.appointment.id}/confirm`);
    const confirmed = await open(t, app.path);
    expect(textOf(confirmed.text)).toContain("Confirmada");
    expect(confirmed.text).not.toContain("/confirm");
    expect(confirmed.text).toContain("/slots");
    // A day before: no more moving here, but cancelling still is possible.
    t.clock.set(Date.parse("2026-12-06T16:00:00Z"));
    const late = await open(t, app.path);
    expect(textOf(late.text)).toContain("Faltan menos de 24 horas");
    expect(late.text).not.toContain("/slots");
    expect(late.text).toContain("/cancel");
    t.clock.set(Date.parse("2026-12-07T15:30:00Z"));
    const passed = await open(t, app.path);
    expect(textOf(passed.text)).toContain("La hora de esta cita ya pasó.");
    expect(passed.text).not.toContain("/cancel");
    await t.post(`/v1/appointments/${app.appointment.id}/cancel`, { reason: "x" });
    const cancelled = await open(t, app.path);
    expect(textOf(cancelled.text)).toContain("Cancelada");
    expect(cancelled.text).not.toMatch(/<form|\/slots|\/cancel"/);
  });
});

describe("the reschedule page", () => {
  it("lists free starts of one week inside the case's window, by day, with week links", async () => {
    const app = await linkApp();
    t = app.t;
    const first = await open(t, `${app.path}/slots`);
    const text = textOf(first.text);
    // The window opens on Friday 4 December; today (23 November) is before it.
    expect(text).toContain("Del viernes 4 de diciembre al domingo 6 de diciembre");
    expect(text).toContain("Viernes 4 de diciembre 09:00 09:30 10:00 10:30 11:00 11:30 12:00");
    expect(first.text).toContain('value="2026-12-04T14:00:00Z"');
    expect(first.text).not.toContain("Semana anterior");
    expect(first.text).toContain(`href="${app.path}/slots?week=2026-12-07"`);

    const second = textOf((await open(t, `${app.path}/slots?week=2026-12-09`)).text);
    expect(second).toContain("Del lunes 7 de diciembre al domingo 13 de diciembre");
    // The appointment's own 10:00 is not offered, the times next to it are (moving it frees
    // them), and 8 December is a public holiday.
    expect(second).toContain("Lunes 7 de diciembre 09:00 09:30 10:30 11:00 11:30 12:00 Miércoles 9 de diciembre");
    expect(second).toContain("Semana anterior");

    const last = textOf((await open(t, `${app.path}/slots?week=2027-03-01`)).text);
    expect(last).toContain("Del lunes 14 de diciembre al viernes 18 de diciembre");
    expect(last).not.toContain("Semana siguiente");
    expect(last).not.toContain("19 de diciembre");
  });

  it("starts at the first week that has a free start, and says so when none is left", async () => {
    const app = await linkApp({ start: at("10:00", "2026-12-14") });
    t = app.t;
    await t.post("/v1/offices/bogota/closures", { date: "2026-12-04", reason: "Closed" });
    for (const d of ["07", "08", "09", "10", "11"]) await t.post("/v1/offices/bogota/closures", { date: `2026-12-${d}`, reason: "Closed" });
    expect(textOf((await open(t, `${app.path}/slots`)).text)).toContain("Del lunes 14 de diciembre");
    expect(textOf((await open(t, `${app.path}/slots?week=2026-12-07`)).text)).toContain("No hay horarios libres esta semana.");
    for (const d of ["14", "15", "16", "17", "18"]) await t.post("/v1/offices/bogota/closures", { date: `2026-12-${d}`, reason: "Closed" });
    expect(textOf((await open(t, `${app.path}/slots`)).text)).toContain("Por ahora no hay otros horarios libres.");
  });
});

describe("page budget", () => {
  it("keeps every page under 30 KB with its CSS, in every language, even a crowded week", async () => {
    // A 5-minute grid, open 14 hours every day of the week: the most crowded week there can be.
    const app = await linkApp({ service: { slotStepMinutes: 5, durationMinutes: 15 } });
    t = app.t;
    const everyDay = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    await t.patch("/v1/offices/bogota", { hours: [{ days: everyDay, start: "06:00", end: "20:00" }] });
    await t.put("/v1/staff/ana/availability", [{ rrule: "FREQ=DAILY", start: "06:00", end: "20:00", officeId: "bogota" }]);
    const sizes: Record<string, number> = {};
    for (const lang of ["es", "en", "ht", "fr"]) {
      for (const page of ["", "/slots?week=2026-12-07", "/cancel", "/done?did=confirmed"]) {
        const res = await open(t, `${app.path}${page}${page.includes("?") ? "&" : "?"}lang=${lang}`, { "x-forwarded-for": `192.0.2.${lang.length}` });
        expect(res.status).toBe(200);
        sizes[`${lang} ${page || "/"}`] = new TextEncoder().encode(res.text).length;
      }
      sizes[`${lang} 404`] = new TextEncoder().encode((await open(t, `/a/x?lang=${lang}`)).text).length;
    }
    const crowded = await open(t, `${app.path}/slots?week=2026-12-07`);
    expect(crowded.text.match(/type="radio"/g)!.length).toBeGreaterThan(200);
    for (const [page, bytes] of Object.entries(sizes)) expect(bytes, page).toBeLessThan(30_000);
  });
});

describe("add to my calendar", () => {
  it("downloads the appointment's current invite; a bad link gets the 404 page", async () => {
    const app = await linkApp();
    t = app.t;
    const ics = await open(t, `${app.path}/invite.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(ics.headers.get("cache-control")).toBe("no-store");
    expect(ics.text).toContain(`UID:${app.appointment.uid}`);
    expect(ics.text).toContain("DTSTART:20261207T150000Z");
    const bad = await open(t, `/a/${app.token}x/invite.ics`);
    expect(bad.status).toBe(404);
    expect(bad.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("another appointment's form", () => {
  it("cannot act on this one", async () => {
    const app = await linkApp();
    t = app.t;
    const other = await book(t, at("11:00"));
    const csrf = formTokenOf((await open(t, other.path)).text)!;
    expect((await submit(t, `${app.path}/confirm`, { csrf })).status).toBe(403);
  });
});
