// The console in the staff's language: chosen with the switch (a cookie), else from the
// browser's Accept-Language, else English; and every console page, refusal and CSV header in
// Spanish when Spanish is chosen, with <html lang> to match.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { at, newCase, type TestApp } from "../helpers/booking.js";
import { bookAt, deskApp, session, textOf, type Session } from "../helpers/console.js";
import { token } from "../helpers/fixtures.js";
import { makeApp } from "../helpers/app.js";
import { LANGUAGE_COOKIE } from "../../src/routes/console/language.js";

let t: TestApp;
let desk: Session;

beforeEach(async () => {
  ({ t, desk } = await deskApp());
});
afterEach(() => t.close());

/** A GET as the signed-in scheduler, with more cookies and headers. */
async function get(path: string, { lang, headers = {} }: { lang?: string; headers?: Record<string, string> } = {}) {
  const cookie = [await desk.cookie(), lang ? `${LANGUAGE_COOKIE}=${lang}` : ""].filter(Boolean).join("; ");
  const res = await t.app.request(path, { headers: { cookie, ...headers } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The page an anonymous browser gets, with these headers. */
const anonymous = async (path: string, headers: Record<string, string> = {}) => (await t.app.request(path, { headers })).text();

const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

/**
 * Words that only an English page would show. The office, service and people's names are data
 * and stay as written ("IOM counseling session" is the service's name in the fixtures).
 */
const ENGLISH = [
  "Queue",
  "Day sheet",
  "Closures",
  "Figures",
  "Sign out",
  "Sign in",
  "Show",
  "Office",
  "Service",
  "Interviewer",
  "Room",
  "Status",
  "Reason",
  "Cancel",
  "Move",
  "Book",
  "Booked",
  "Window",
  "When",
  "History",
  "Messages",
  "Previous",
  "Next",
  "Today",
  "Back",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "December",
  "November",
  "appointment",
  "appointments",
  "free",
  "Times",
  "the",
  "of",
  "and",
  "with",
  "is",
  "Print",
  "Download",
  "Case",
  "Date",
  "From",
  "Language",
  "Household",
  "Scheduler",
  "left",
  "days",
];

/** English words in a page's visible text, leaving out the data of the fixtures and the switch's own "English". */
function englishIn(html: string): string[] {
  const text = textOf(html)
    .replace(/IOM counseling session/g, "")
    .replace(/\bEnglish\b/g, "");
  return ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, "u").test(text));
}

describe("choosing the language", () => {
  it("takes Accept-Language when nothing was chosen, the first console language it names, else English", async () => {
    const page = async (accept?: string) => langOf(await anonymous("/console/sign-in", accept ? { "accept-language": accept } : {}));
    expect(await page("es-CO,es;q=0.9,en;q=0.5")).toBe("es");
    // Haitian Creole first: the console has no Creole, so the next language named.
    expect(await page("ht, es;q=0.5, en;q=0.4")).toBe("es");
    expect(await page("en-US,es;q=0.8")).toBe("en");
    expect(await page("de-DE")).toBe("en");
    expect(await page("fr-CA,fr;q=0.9,en;q=0.5")).toBe("fr");
    expect(await page()).toBe("en");
    const signIn = await anonymous("/console/sign-in", { "accept-language": "es" });
    expect(textOf(signIn)).toContain("Entrar a la consola");
    expect(textOf(signIn)).toContain("Token de personal");
  });

  it("keeps the choice of the switch in a console cookie, over Accept-Language, and goes back to the page", async () => {
    const res = await t.app.request("/console/language?to=es&next=%2Fconsole%2Fday%3Foffice%3Dbogota%26date%3D2026-12-07");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/day?office=bogota&date=2026-12-07");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${LANGUAGE_COOKIE}=es;`));
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const chosen = await get("/console/queue", { lang: "en", headers: { "accept-language": "es" } });
    expect(langOf(chosen.text)).toBe("en");
    expect(textOf(chosen.text)).toContain("Sign out");
  });

  it("refuses to go anywhere but a console page, and ignores a language it does not have", async () => {
    for (const next of ["https://evil.example/", "//evil.example/console", "/v1/users", "/console/../v1/users"]) {
      const res = await t.app.request(`/console/language?to=es&next=${encodeURIComponent(next)}`);
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/console");
    }
    const unknown = await t.app.request("/console/language?to=xx&next=/console/queue");
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("set-cookie")).toBeNull();
    // A cookie naming no console language counts as no choice.
    expect(langOf((await get("/console/queue", { lang: "xx", headers: { "accept-language": "es" } })).text)).toBe("es");
  });

  it("puts the switch on every page, pointing back to the page itself", async () => {
    const page = await get("/console/day?office=bogota&date=2026-12-07", { lang: "es" });
    expect(page.text).toContain(`href="/console/language?to=en&amp;next=%2Fconsole%2Fday%3Foffice%3Dbogota%26date%3D2026-12-07"`);
    expect(page.text).toMatch(/<nav aria-label="Idioma">/);
  });
});

describe("every console page in Spanish", () => {
  it("shows no English words on any page, and says so in <html lang>", async () => {
    const apt = await bookAt(t, at("09:00"));
    await newCase(t, { reference: "ES-WAIT" });
    const moved = await bookAt(t, at("10:00", "2026-12-10"));
    expect((await t.post("/v1/offices/bogota/closures", { date: "2026-12-10", reason: "Corte de luz" })).status).toBe(201);
    const waiting = (await t.get("/v1/cases?reference=ES-WAIT")).json.items[0].id as string;

    const pages = [
      "/console/queue",
      "/console/queue?q=NOPE",
      `/console/queue?q=${apt.reference}`,
      `/console/cases/${waiting}/book`,
      `/console/cases/${apt.caseId}/book`,
      "/console/day?office=bogota&date=2026-12-07",
      "/console/day?office=bogota&date=2026-12-08",
      `/console/appointments/${apt.id}`,
      `/console/appointments/${apt.id}/slip`,
      "/console/closures",
      "/console/closures/bogota/2026-12-10",
      "/console/figures?office=bogota&from=2026-12-01&to=2026-12-31",
      "/console/capacity?office=bogota",
      "/console/offices",
      "/console/offices/bogota",
      "/console/offices/bogota/rooms",
      "/console/offices/bogota/holidays",
      "/console/offices/bogota/eligibility",
      "/console/services",
      "/console/services/iom-counseling",
      `/console/cases?q=${apt.reference}`,
      "/console/cases?q=NOPE",
      "/console/cases/new",
      `/console/cases/${waiting}`,
      "/console/staff",
      "/console/staff/ana",
    ];
    for (const path of pages) {
      const res = await get(path, { lang: "es" });
      expect(res.status, path).toBe(200);
      expect(langOf(res.text), path).toBe("es");
      expect(englishIn(res.text), path).toEqual([]);
    }
    // The same pages in English do show English: the word list is not vacuous.
    const english = await get(`/console/appointments/${apt.id}`, { lang: "en" });
    expect(englishIn(english.text).length).toBeGreaterThan(10);
    expect(moved.id).toBeTruthy();
  });

  it("writes dates, weekdays and numbers the Spanish way", async () => {
    const apt = await bookAt(t, at("09:00"));
    const day = textOf((await get("/console/day?office=bogota&date=2026-12-07", { lang: "es" })).text);
    expect(day).toContain("SMO Bogotá · lunes 7 de diciembre de 2026");
    expect(day).toContain("Horas en America/Bogota. 1 cita · 1 programada.");
    const page = textOf((await get(`/console/appointments/${apt.id}`, { lang: "es" })).text);
    expect(page).toContain("lunes 7 de diciembre de 2026, 09:00–");
    const figures = textOf((await get("/console/figures?office=bogota&from=2026-12-01&to=2026-12-31", { lang: "es" })).text);
    expect(figures).toContain("Del 1 de diciembre de 2026 al 31 de diciembre de 2026");
    // A decimal comma: "100,0 %" where English writes "100.0%".
    expect(figures).toMatch(/100,0\s%/);
    expect(textOf((await get("/console/figures?office=bogota&from=2026-12-01&to=2026-12-31", { lang: "en" })).text)).toContain("100.0%");
  });

  it("writes the CSV headers in Spanish, the rows as they are", async () => {
    await bookAt(t, at("09:00"));
    const csv = await get("/console/figures.csv?office=bogota&from=2026-12-01&to=2026-12-31", { lang: "es" });
    expect(csv.status).toBe(200);
    const [header, row] = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toMatch(/^id_oficina,oficina,zona_horaria,id_servicio,servicio,desde,hasta,agendadas,/);
    expect(row).toMatch(/^bogota,SMO Bogotá,America\/Bogota,iom-counseling,/);
    const staff = await get("/console/figures.csv?office=bogota&from=2026-12-01&to=2026-12-31&table=interviewers", { lang: "es" });
    expect(staff.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "id_oficina,oficina,id_entrevistador,entrevistador,desde,hasta,minutos_agendados,minutos_disponibles,ocupacion",
    );
  });

  it("shows refusals on the page in Spanish, naming the field, and changes nothing", async () => {
    const apt = await bookAt(t, at("09:00"));
    const before = (await t.get(`/v1/appointments/${apt.id}/history`)).json.items.length;
    const cookie = `${await desk.cookie()}; ${LANGUAGE_COOKIE}=es`;
    const post = (path: string, fields: Record<string, string>) => desk.post(path, fields, { headers: { cookie } });

    const noReason = await post(`/console/appointments/${apt.id}/cancel`, { reason: " " });
    expect(noReason.status).toBe(422);
    expect(langOf(noReason.text)).toBe("es");
    expect(textOf(noReason.text)).toContain("motivo: diga por qué se cancela la cita; queda en el historial.");
    expect(englishIn(noReason.text)).toEqual([]);

    const badStart = await post(`/console/appointments/${apt.id}/reschedule`, { start: "mañana" });
    expect(badStart.status).toBe(422);
    expect(textOf(badStart.text)).toContain("inicio: elija una fecha y una hora (hora de la oficina, America/Bogota)");

    const badDate = await post("/console/closures", { office: "bogota", date: "2026-02-30", reason: "x" });
    expect(badDate.status).toBe(422);
    expect(textOf(badDate.text)).toMatch(/Fecha: /);

    const missing = await get("/console/no-such-page", { lang: "es" });
    expect(missing.status).toBe(404);
    expect(langOf(missing.text)).toBe("es");
    expect(textOf(missing.text)).toContain("No encontrado");
    expect(englishIn(missing.text)).toEqual([]);

    expect((await t.get(`/v1/appointments/${apt.id}/history`)).json.items.length).toBe(before);
    expect((await t.get(`/v1/appointments/${apt.id}`)).json.status).toBe("scheduled");
  });

  it("tells an admin of a service with no office yet so in Spanish, on every office page", async () => {
    // A new installation: no office at all, so even an admin has none to show, and is told to add one.
    const empty = makeApp();
    try {
      const admin = session(empty, await token(empty, { role: "admin" }));
      for (const path of ["/console/queue", "/console/day", "/console/closures", "/console/figures", "/console/capacity"]) {
        const res = await empty.app.request(path, { headers: { cookie: `${await admin.cookie()}; ${LANGUAGE_COOKIE}=es` } });
        const html = await res.text();
        expect(res.status, path).toBe(404);
        expect(textOf(html), path).toContain("Todavía no hay ninguna oficina. Agregue la primera en la página Oficinas.");
        expect(englishIn(html), path).toEqual([]);
      }
    } finally {
      empty.close();
    }
  });
});

describe("French, for the offices that need it", () => {
  it("shows the desk's pages in French, with French dates and numbers", async () => {
    const apt = await bookAt(t, at("09:00"));
    const day = await get("/console/day?office=bogota&date=2026-12-07", { lang: "fr" });
    expect(langOf(day.text)).toBe("fr");
    expect(textOf(day.text)).toContain("Feuille du jour");
    expect(textOf(day.text)).toContain("SMO Bogotá · lundi 7 décembre 2026");
    const page = await get(`/console/appointments/${apt.id}`, { lang: "fr" });
    expect(textOf(page.text)).toContain("Annuler le rendez-vous");
    // "Messages" and "Date" are French words too.
    expect(englishIn(page.text).filter((w) => w !== "Messages" && w !== "Date")).toEqual([]);
    const figures = textOf((await get("/console/figures?office=bogota&from=2026-12-01&to=2026-12-31", { lang: "fr" })).text);
    expect(figures).toContain("Du 1 décembre 2026 au 31 décembre 2026");
    expect(figures).toMatch(/100,0\s%/);
  });
});
