// The applicant pages for real: the Node server as a child process, Debian's Chromium with
// JavaScript off at 360×640. Screenshots of every page in every language go to
// test-artifacts/applicant/; axe-core checks accessibility in a context of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiOf, freePort, startServer, type RunningServer } from "../helpers/server.js";
import { artifactDir, axe, hasChromium, launchBrowser, phone, skipReason } from "../helpers/browser.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";

const ADMIN = "browser-admin-token";
const LANGS = ["es", "en", "ht", "fr"] as const;
let server: RunningServer;
let browser: Browser;
const shots = hasChromium ? artifactDir("applicant") : "";

// The server is started (and, in the console test, restarted) in the tests below.
const api = apiOf(() => server, ADMIN);

/** A new case booked at `start` (Bogotá time); the appointment with its link. */
async function booked(start: string, over: Record<string, unknown> = {}) {
  const c = await api("POST", "/v1/cases", applicantCase({ contact: { email: "private.person@example.org", phone: "+573001112233" }, ...over }));
  return api("POST", "/v1/appointments", { caseId: c.id, serviceId: "iom-counseling", officeId: "bogota", start });
}

// Without Chromium the suite is skipped, and its name says why.
describe.skipIf(!hasChromium)(hasChromium ? "applicant pages in Chromium, JavaScript off" : skipReason, () => {
  beforeAll(async () => {
    const port = await freePort();
    // The clock starts on 23 November 2026; the case's window is 4–18 December.
    server = await startServer(
      { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z", CITA_PUBLIC_URL: `http://127.0.0.1:${port}`, CITA_DISPATCH_INTERVAL_MS: "0" },
      { port },
    );
    await api("POST", "/v1/offices", bogota({ phone: "+5716001234", publicEmail: "citas@oficina.example" }));
    await api("POST", "/v1/services", counseling());
    await api("POST", "/v1/staff", counselor());
    await api("PUT", "/v1/staff/ana/availability", [weekdays]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens a link, reschedules to another day, and shows the new time and its history", async () => {
    const a = await booked("2026-12-07T10:00:00-05:00");
    expect(a.selfServiceUrl.startsWith(server.url)).toBe(true);
    const context = await phone(browser);
    const page = await context.newPage();
    const first = await page.goto(a.selfServiceUrl);
    expect(first!.status()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("Su cita");
    expect(await page.locator("main").innerText()).toContain("Lunes 7 de diciembre, 10:00");

    await page.getByRole("link", { name: "Cambiar la fecha" }).click();
    expect(await page.locator("h1").innerText()).toBe("Elegir una nueva fecha");
    await page.getByRole("link", { name: /Semana siguiente/ }).click();
    await page.getByRole("group", { name: "Miércoles 9 de diciembre" }).getByLabel("09:00").check();
    await page.getByRole("button", { name: "Cambiar a esta hora" }).click();

    const main = page.locator("main");
    expect(await main.innerText()).toContain("Listo. Su cita tiene una nueva fecha.");
    expect(await main.innerText()).toContain("Miércoles 9 de diciembre, 09:00");
    expect(new URL(page.url()).pathname).toMatch(/^\/a\/[^/]+\/done$/);
    await page.screenshot({ path: `${shots}es-rescheduled.png`, fullPage: true });

    const history = (await api("GET", `/v1/appointments/${a.id}/history`)).items;
    expect(history.at(-1)).toMatchObject({ actor: "applicant", action: "reschedule", to: { start: "2026-12-09T14:00:00Z" } });
    await context.close();
  });

  it("cancels after asking once more", async () => {
    const a = await booked("2026-12-10T09:00:00-05:00");
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(a.selfServiceUrl);
    await page.getByRole("link", { name: "Cancelar la cita" }).click();
    expect(await page.locator("h1").innerText()).toBe("¿Cancelar su cita?");
    expect((await api("GET", `/v1/appointments/${a.id}`)).status).toBe("scheduled");
    await page.getByRole("button", { name: "Sí, cancelar mi cita" }).click();
    expect(await page.locator("main").innerText()).toContain("Su cita fue cancelada.");
    expect(await page.locator("form").count()).toBe(0);
    expect((await api("GET", `/v1/appointments/${a.id}`)).status).toBe("cancelled");
    await context.close();
  });

  it("shows the 404 page for an altered link", async () => {
    const a = await booked("2026-12-11T11:00:00-05:00");
    const context = await phone(browser);
    const page = await context.newPage();
    const url = a.selfServiceUrl.slice(0, -1) + (a.selfServiceUrl.endsWith("A") ? "B" : "A");
    const res = await page.goto(url);
    expect(res!.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Este enlace no funciona");
    await page.screenshot({ path: `${shots}es-not-found.png` });
    await context.close();
  });

  it("takes screenshots of every page in every language at 360×640", async () => {
    const a = await booked("2026-12-14T09:00:00-05:00");
    const context = await phone(browser);
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const [name, path] of [
        ["appointment", ""],
        ["slots", "/slots"],
        ["cancel", "/cancel"],
      ] as const) {
        const res = await page.goto(`${a.selfServiceUrl}${path}?lang=${lang}`);
        expect(res!.status()).toBe(200);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        await page.screenshot({ path: `${shots}${lang}-${name}.png`, fullPage: true });
      }
    }
    await context.close();
  });

  it("fits 320 pixels without sideways scrolling, with tap targets of 44 pixels or more", async () => {
    const a = await booked("2026-12-15T09:00:00-05:00");
    // Measuring needs JavaScript in the test's hands; the pages themselves have none.
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: true });
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const path of ["", "/slots", "/cancel"]) {
        await page.goto(`${a.selfServiceUrl}${path}?lang=${lang}`);
        const { scroll, small } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth - window.innerWidth,
          small: [...document.querySelectorAll("main a, main button, .times label, header a")]
            .map((el) => ({ text: (el.textContent ?? "").trim(), h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
            .filter((r) => r.h < 44 || r.w < 44),
        }));
        expect(scroll, `${lang} ${path}`).toBeLessThanOrEqual(0);
        expect(small, `${lang} ${path}`).toEqual([]);
      }
    }
    await context.close();
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const a = await booked("2026-12-16T09:00:00-05:00");
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: true, bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const check = async (url: string, label: string) => {
      await page.goto(url);
      const violations = await axe(page);
      found[label] = violations.map((v) => `${v.impact} ${v.id}`);
      expect(
        violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
        label,
      ).toEqual([]);
    };
    // Every page in Spanish; in the other languages the pages whose words differ most.
    for (const path of ["", "/slots", "/cancel", "/done?did=confirmed&"]) await check(`${a.selfServiceUrl}${path}${path.endsWith("&") ? "" : "?"}lang=es`, `es ${path || "/"}`);
    await check(`${server.url}/a/not-a-link?lang=es`, "es 404");
    for (const lang of LANGS.slice(1)) {
      for (const path of ["", "/slots"]) await check(`${a.selfServiceUrl}${path}?lang=${lang}`, `${lang} ${path || "/"}`);
    }
    // Minor and moderate findings are allowed, but none are expected either.
    expect(Object.values(found).flat()).toEqual([]);
    await context.close();
  }, 120_000);

  it("writes no link token and no contact detail to the server's log", async () => {
    const a = await booked("2026-12-17T09:00:00-05:00");
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(a.selfServiceUrl);
    await page.getByRole("button", { name: "Confirmar que iré" }).click();
    expect(await page.locator("main").innerText()).toContain("Su cita está confirmada.");
    await context.close();
    const token = new URL(a.selfServiceUrl).pathname.split("/")[2];
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain("private.person@example.org");
    expect(server.output()).not.toContain("+573001112233");
  });
});
