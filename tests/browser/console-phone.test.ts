// The day sheet and the queue on a 360×640 phone, in Chromium against the real server: the page
// never scrolls sideways and every button is a tap target at least 44 px high. The capacity page
// passes axe-core at the phone's width and at a desk's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiOf, freePort, startServer, type RunningServer } from "../helpers/server.js";
import { artifactDir, axe, hasChromium, launchBrowser, phone, signInWithToken, skipReason } from "../helpers/browser.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";

const ADMIN = "console-phone-admin-token";
const DAY = "2026-12-07";
const MIN_TAP = 44;

let server: RunningServer;
let browser: Browser;
let page: Page;
const shots = hasChromium ? artifactDir("console-phone") : "";
const api = apiOf(() => server, ADMIN);

/** How far the page reaches sideways, and the buttons (and button-like links) lower than a tap target. */
async function layout(p: Page) {
  const scrollWidth = await p.evaluate(() => document.scrollingElement!.scrollWidth);
  const short: string[] = [];
  for (const button of await p.locator("button, a.btn").all()) {
    const box = await button.boundingBox();
    if (box && box.height < MIN_TAP) short.push(`${(await button.innerText()).trim()}: ${box.height}px`);
  }
  return { scrollWidth, short, buttons: await p.locator("button").count() };
}

async function noViolations(p: Page, label: string) {
  const violations = await axe(p);
  expect(violations.map((v) => `${label}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

describe.skipIf(!hasChromium)(hasChromium ? "console on a 360 px phone" : skipReason, () => {
  beforeAll(async () => {
    const port = await freePort();
    // 08:00 in Bogotá on the day shown, so that check-in is possible and every status has its buttons.
    [server, browser] = await Promise.all([startServer({ CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: `${DAY}T13:00:00Z`, CITA_DISPATCH_INTERVAL_MS: "0" }, { port }), launchBrowser()]);
    await api("POST", "/v1/offices", bogota());
    await api("POST", "/v1/services", counseling({ minNoticeHours: 0 }));
    await api("POST", "/v1/staff", counselor({ name: "Ana María Counselor-Rodríguez" }));
    await api("PUT", "/v1/staff/ana/availability", [weekdays]);
    const ids: string[] = [];
    for (const [i, hour] of ["09", "10", "11", "12"].entries()) {
      const created = await api("POST", "/v1/cases", applicantCase({ reference: `PHONE-LONG-REFERENCE-${i}` }));
      const booked = await api("POST", "/v1/appointments", { caseId: created.id, serviceId: "iom-counseling", officeId: "bogota", start: `${DAY}T${hour}:00:00-05:00` });
      ids.push(booked.id as string);
    }
    await api("POST", `/v1/appointments/${ids[1]}/confirm`);
    await api("POST", `/v1/appointments/${ids[2]}/check-in`);
    for (let i = 0; i < 3; i++) await api("POST", "/v1/cases", applicantCase({ reference: `PHONE-WAITING-${i}`, screenedAt: "2026-11-25" }));
    const scheduler = await api("POST", "/v1/users", { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });

    // JavaScript on only for the measurements and axe (the pages carry none, so the layout is the same).
    const context = await phone(browser, { locale: "en", javaScriptEnabled: true, bypassCSP: true });
    page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await signInWithToken(page, scheduler.token as string);
    expect(new URL(page.url()).pathname).toBe("/console/queue");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the day sheet without sideways scrolling, its status buttons 44 px high", async () => {
    await page.goto(`${server.url}/console/day?office=bogota&date=${DAY}`);
    await page.screenshot({ path: `${shots}day.png`, fullPage: true });
    const { scrollWidth, short, buttons } = await layout(page);
    expect(buttons).toBeGreaterThan(4); // the status buttons are there to measure
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(short).toEqual([]);
    await expect(page.getByRole("button", { name: "Check in" }).first().isVisible()).resolves.toBe(true);
  });

  it("shows the queue without sideways scrolling, its buttons 44 px high", async () => {
    await page.goto(`${server.url}/console/queue?office=bogota`);
    await page.screenshot({ path: `${shots}queue.png`, fullPage: true });
    const { scrollWidth, short } = await layout(page);
    expect(await page.getByText("PHONE-WAITING-0").isVisible()).toBe(true);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(short).toEqual([]);
  });

  it("passes axe-core on the capacity page, on the phone and at a desk", async () => {
    await page.goto(`${server.url}/console/capacity?office=bogota&service=iom-counseling`);
    await page.screenshot({ path: `${shots}capacity.png`, fullPage: true });
    expect(await page.locator("h1").innerText()).toBe("Capacity against demand");
    await noViolations(page, "capacity at 360 px");
    await page.setViewportSize({ width: 1280, height: 800 });
    await noViolations(page, "capacity at 1280 px");
    await page.setViewportSize({ width: 360, height: 640 });
  });
});
