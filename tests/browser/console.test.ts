// The staff console for real: the Node server as a child process, Debian's Chromium with
// JavaScript off at a desk's 1280×800. One scheduler's day in steps that build on each other:
// sign in, book from the queue, check in on the day (a restarted server with a later clock),
// close a day and move its appointments, read the figures, find and register a case, preview an
// interviewer's hours. Screenshots go to
// test-artifacts/console/; axe-core checks the main pages in a context of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiOf, freePort, startServer, type RunningServer } from "../helpers/server.js";
import { artifactDir, axe, hasChromium, launchBrowser, signInWithToken as signIn, skipReason } from "../helpers/browser.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { weekdays } from "../helpers/booking.js";

const ADMIN = "console-browser-admin-token";
const ZONE = "America/Bogota";
const CLOSED = "2026-12-10";
// Contact details that must never reach the printed slip.
const EMAIL = "private.applicant@example.org";
const PHONE = "+573009998877";
const DESK = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en" } as const;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let axeContext: BrowserContext;
let axePage: Page;
let scheduler = { id: "", token: "" };
const shots = hasChromium ? artifactDir("console") : "";

/** What the flow learns on the way and later steps use. */
const state = { booked: { id: "", start: "", localStart: "" } };

// The server is started (and, in the console test, restarted) in the tests below.
const api = apiOf(() => server, ADMIN);

const newCase = (reference: string, screenedAt = "2026-11-20") => api("POST", "/v1/cases", applicantCase({ reference, screenedAt, contact: { email: EMAIL, phone: PHONE } }));

const slotsOn = async (date: string) => (await api("GET", `/v1/slots?service=iom-counseling&office=bogota&from=${date}&to=${date}T23:59:00-05:00`)).slots as unknown[];

const mainText = () => page.locator("main").innerText();
const heading = () => page.locator("h1").innerText();
const pathOf = (p: Page) => new URL(p.url()).pathname;

/** Each row of the first table in main, cells trimmed (header rows have no td and are left out). */
async function rows(table = page.locator("main table").first()): Promise<string[][]> {
  const out: string[][] = [];
  for (const row of await table.locator("tbody tr").all()) {
    const cells = await row.locator("td").allInnerTexts();
    if (cells.length) out.push(cells.map((c) => c.trim()));
  }
  return out;
}

const shot = (name: string) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true });

/** The page now shown, checked by axe-core in the JavaScript context (same session, same address). */
async function accessible(label: string) {
  await axePage.goto(page.url());
  expect(await axePage.locator("h1").innerText(), label).toBe(await heading());
  const violations = await axe(axePage);
  expect(violations.map((v) => `${label}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const adminEnv = (now: string, port: number) => ({ CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: now, CITA_PUBLIC_URL: `http://127.0.0.1:${port}`, CITA_DISPATCH_INTERVAL_MS: "0" });

// Without Chromium the suite is skipped, and its name says why.
describe.skipIf(!hasChromium)(hasChromium ? "staff console in Chromium, JavaScript off" : skipReason, () => {
  beforeAll(async () => {
    const port = await freePort();
    // 23 November 2026: a case screened on 20 November may be booked from 4 to 18 December.
    [server, browser] = await Promise.all([startServer(adminEnv("2026-11-23T12:00:00Z", port), { port }), launchBrowser()]);
    await api("POST", "/v1/offices", bogota({ phone: "+5716001234" }));
    await api("POST", "/v1/services", counseling());
    await api("POST", "/v1/staff", counselor());
    await api("PUT", "/v1/staff/ana/availability", [weekdays]);
    // Created out of screening order: the queue sorts them.
    await newCase("BRW-C", "2026-11-22");
    await newCase("BRW-A", "2026-11-20");
    await newCase("BRW-B", "2026-11-21");
    scheduler = await api("POST", "/v1/users", { name: "Sofía", email: "sofia@example.org", role: "scheduler", officeIds: ["bogota"] });
    context = await browser.newContext({ ...DESK, javaScriptEnabled: false });
    page = await context.newPage();
    // axe needs JavaScript and must get past the pages' CSP; the pages themselves never run any.
    axeContext = await browser.newContext({ ...DESK, javaScriptEnabled: true, bypassCSP: true });
    axePage = await axeContext.newPage();
    await axePage.goto(`${server.url}/console`);
    await signIn(axePage, scheduler.token);
    expect(pathOf(axePage)).toBe("/console/queue");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sends to the sign-in page, refuses a wrong token, and signs the scheduler in with a strict cookie", async () => {
    await page.goto(`${server.url}/console`);
    expect(pathOf(page)).toBe("/console/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/console");
    expect(await heading()).toBe("Sign in to the console");
    await shot("sign-in");

    await page.locator("details summary").click();
    await page.getByLabel("Staff token").fill("not-a-real-token");
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
    expect(refused.status()).toBe(401);
    expect(await page.getByRole("alert").innerText()).toBe("That token is not valid. Check it and try again.");
    // Only the sign-in form's pre-session cookie: no session was opened.
    expect((await context.cookies()).map((c) => c.name)).toEqual(["cita_console_sign_in"]);

    await signIn(page, scheduler.token);
    expect(pathOf(page)).toBe("/console/queue");
    expect(await heading()).toBe("Queue");
    const cookie = (await context.cookies()).find((c) => c.name === "cita_console");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/console", secure: false });
  });

  it("books the oldest case from the queue at the first free time of its first week", async () => {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Queue" }).click();
    expect(await mainText()).toContain(`Today is 2026-11-23 in the office (${ZONE}).`);
    const queue = await rows();
    expect(queue.map((r) => r[0])).toEqual(["BRW-A", "BRW-B", "BRW-C"]);
    expect(queue[0]!.slice(0, 5)).toEqual(["BRW-A", "2026-11-20", "IOM counseling session", "2026-12-04 – 2026-12-18", "Opens in 11 days · 25 days left"]);
    await shot("queue");
    await accessible("queue");

    await page.getByRole("row", { name: /BRW-A/ }).getByRole("link", { name: "Book" }).click();
    expect(await heading()).toBe("Book BRW-A");
    // The first week with a free time: the window opens on Friday 4 December.
    expect(await page.locator("#week").innerText()).toBe("Monday 30 November 2026 – Sunday 6 December 2026");
    const firstDay = page.locator(".days section").first();
    expect(await firstDay.locator("h3").innerText()).toBe("Friday 4 December 2026");
    const firstTime = firstDay.locator("form").first();
    expect(await firstTime.locator("strong").innerText()).toBe("09:00");
    const start = await firstTime.locator('input[name="start"]').inputValue();
    expect(start).toBe("2026-12-04T14:00:00Z");
    await shot("book");
    await accessible("book");

    await firstTime.getByRole("button", { name: "Book 09:00, any interviewer (auto-assign)" }).click();
    expect(pathOf(page)).toMatch(/^\/console\/appointments\/[^/]+$/);
    expect(await heading()).toBe("Appointment BRW-A");
    const text = await mainText();
    expect(text).toContain(`When\tFriday 4 December 2026, 09:00–10:00 (${ZONE})`);
    // The letter names the weekday (E = Friday); the number is the place in the day.
    expect(text).toContain("Queue number\tE-01");
    expect(text).toContain("Interviewer\tAna Counselor");
    expect(await page.locator("main .badge").first().innerText()).toBe("Scheduled");
    await shot("appointment");
    await accessible("appointment");

    const id = decodeURIComponent(pathOf(page).split("/").at(-1)!);
    const appointment = await api("GET", `/v1/appointments/${id}`);
    expect(appointment).toMatchObject({ staffId: "ana", start, localStart: "2026-12-04T09:00:00-05:00", status: "scheduled", officeId: "bogota" });
    const caseRow = await api("GET", `/v1/cases/${appointment.caseId}`);
    expect(caseRow.reference).toBe("BRW-A");
    state.booked = { id, start, localStart: appointment.localStart };

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Queue" }).click();
    expect((await rows()).map((r) => r[0])).toEqual(["BRW-B", "BRW-C"]);
  });

  it("checks the appointment in on its day after a restart, and prints a slip without contact details", async () => {
    const { id, start, localStart } = state.booked;
    expect(id).not.toBe("");
    // Half an hour after the booked start, same database and port: days have passed, so the
    // session has ended (12 hours at most) and the desk signs in again, back to the page it asked for.
    const now = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    const { db, port } = server;
    await server.stop();
    server = await startServer(adminEnv(now, port), { db, port });
    const date = localStart.slice(0, 10);

    await page.goto(`${server.url}/console/queue`);
    expect(pathOf(page)).toBe("/console/sign-in");
    await signIn(page, scheduler.token);
    expect(pathOf(page)).toBe("/console/queue");
    await axePage.goto(`${server.url}/console/queue`);
    await signIn(axePage, scheduler.token);
    expect(pathOf(axePage)).toBe("/console/queue");
    expect(await mainText()).toContain(`Today is ${date} in the office`);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Day sheet" }).click();
    await page.getByLabel("Date").fill(date);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    expect(new URL(page.url()).searchParams.get("date")).toBe(date);
    expect(await heading()).toBe("Day sheet");
    expect(await page.locator("main h2").innerText()).toBe("SMO Bogotá · Friday 4 December 2026");
    const row = page.locator(`#a-${id}`);
    expect((await row.locator("td").allInnerTexts()).slice(0, 7).map((c) => c.trim())).toEqual([
      "09:00–10:00",
      "E-01",
      "BRW-A",
      "IOM counseling session",
      "Ana Counselor",
      "—",
      "Scheduled",
    ]);
    await shot("day-sheet");
    await accessible("day sheet");

    await row.getByRole("button", { name: "Check in" }).click();
    expect(pathOf(page)).toBe("/console/day");
    expect(await page.getByRole("status").innerText()).toBe("E-01 (BRW-A) checked in.");
    expect(await row.locator(".badge").innerText()).toBe("Checked in");
    expect(await row.getByRole("button").allInnerTexts()).toEqual(["Completed"]);
    expect((await api("GET", `/v1/appointments/${id}`)).status).toBe("checked_in");
    const history = (await api("GET", `/v1/appointments/${id}/history`)).items as { action: string; actor: string }[];
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ["booked", `user:${scheduler.id}`],
      ["check_in", `user:${scheduler.id}`],
    ]);

    await row.getByRole("link", { name: "Slip" }).click();
    expect(await heading()).toBe("Appointment slip");
    const slip = page.locator(".slip");
    expect(await slip.locator(".number").innerText()).toBe("E-01");
    expect(await slip.getAttribute("lang")).toBe("es");
    const slipText = await slip.innerText();
    expect(slipText).toContain("Su número");
    expect(slipText).toContain("BRW-A");
    expect(slipText).toContain("SMO Bogotá");
    const html = await page.content();
    for (const secret of [EMAIL, PHONE, "IOM", "counseling"]) expect(html).not.toContain(secret);
    await shot("slip");
  }, 40_000);

  it("closes a day and moves both of its appointments to other days in the window", async () => {
    const nine = await api("POST", "/v1/appointments", { caseId: (await newCase("BRW-D")).id, serviceId: "iom-counseling", officeId: "bogota", start: `${CLOSED}T09:00:00-05:00` });
    const ten = await api("POST", "/v1/appointments", { caseId: (await newCase("BRW-E")).id, serviceId: "iom-counseling", officeId: "bogota", start: `${CLOSED}T10:00:00-05:00` });
    expect((await slotsOn(CLOSED)).length).toBeGreaterThan(0);

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Closures" }).click();
    expect(await heading()).toBe("Closures");
    expect(await mainText()).toContain("No closures from today on.");
    await shot("closures");
    await accessible("closures");

    await page.getByLabel(`Date (${ZONE})`).fill(CLOSED);
    await page.getByLabel("Reason").fill("Water cut in the building");
    await page.getByRole("button", { name: "Close the office that day" }).click();
    expect(pathOf(page)).toBe(`/console/closures/bogota/${CLOSED}`);
    expect(await heading()).toBe(`Closed: ${CLOSED}`);
    expect(await mainText()).toContain(`SMO Bogotá is closed on Thursday 10 December (${CLOSED}): Water cut in the building.`);
    const still = page.locator("main table", { has: page.locator("caption", { hasText: "Still on this day" }) });
    expect(await rows(still)).toEqual([
      ["Thursday 10 December, 09:00", "BRW-D", "Ana Counselor", "Scheduled", "Will move to the first free time"],
      ["Thursday 10 December, 10:00", "BRW-E", "Ana Counselor", "Scheduled", "Will move to the first free time"],
    ]);
    await shot("closed-day");

    await page.getByRole("button", { name: "Move all to the first free times" }).click();
    expect(pathOf(page)).toBe(`/console/closures/bogota/${CLOSED}`);
    expect(new URL(page.url()).searchParams.get("moved")).toBe(`${nine.id},${ten.id}`);
    expect(await page.getByRole("status").innerText()).toBe("Moved 2 appointments; the new times are on their way to the applicants.");
    expect(await mainText()).toContain("No appointments are left on this day.");
    const moved = await rows(page.locator("main table", { has: page.locator("caption", { hasText: "Moved off this day" }) }));
    // The first free times after the closed day, with the same interviewer: Friday 09:00 and 10:00.
    expect(moved).toEqual([
      ["BRW-D", "Thursday 10 December, 09:00", "Friday 11 December, 09:00", "Ana Counselor"],
      ["BRW-E", "Thursday 10 December, 10:00", "Friday 11 December, 10:00", "Ana Counselor"],
    ]);
    await shot("moved");

    const after = await Promise.all([nine, ten].map((a) => api("GET", `/v1/appointments/${a.id}`)));
    expect(after.map((a) => [a.localStart, a.staffId, a.status])).toEqual([
      ["2026-12-11T09:00:00-05:00", "ana", "scheduled"],
      ["2026-12-11T10:00:00-05:00", "ana", "scheduled"],
    ]);
    // Inside the cases' window (4–18 December), and off the closed day.
    for (const a of after) expect(a.localStart > "2026-12-04" && a.localStart < "2026-12-19" && !a.localStart.startsWith(CLOSED)).toBe(true);
    expect(await slotsOn(CLOSED)).toEqual([]);
  }, 30_000);

  it("shows the figures of December: the table and the weekly chart", async () => {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Figures" }).click();
    await page.getByLabel("From (local date)").fill("2026-12-01");
    await page.getByLabel("To, inclusive").fill("2026-12-31");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    expect(await heading()).toBe("Figures");
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ office: "bogota", from: "2026-12-01", to: "2026-12-31" });
    expect(await mainText()).toContain("1 December 2026 to 31 December 2026, local dates (America/Bogota).");
    const services = await rows(page.locator("main table", { has: page.locator("caption", { hasText: "Appointments by office and service" }) }));
    // One checked in, two moved: three booked, none cancelled.
    expect(services.map((r) => r.slice(0, 4))).toEqual([["SMO Bogotá", "IOM counseling session", "3", "0"]]);
    const chart = page.locator('main svg[role="img"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.locator("title#weeks-title").textContent()).toBe("Booked appointments per week");
    expect(await chart.locator("desc").textContent()).toMatch(/^3 booked over 5 weeks;/);
    expect(await chart.locator("rect").count()).toBe(5);
    const utilisation = await rows(page.locator("main table", { has: page.locator("caption", { hasText: "Booked time of available time" }) }));
    expect(utilisation[0]!.slice(0, 3)).toEqual(["SMO Bogotá", "Ana Counselor", "3.0 h"]);
    await shot("figures");
    await accessible("figures");
  });
  it("shows a scheduler their office read-only, with its holidays", async () => {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Offices" }).click();
    expect(await rows()).toEqual([["SMO Bogotá", "bogota", "CO", ZONE, "Calle 100 # 8A-55, Bogotá"]]);
    await accessible("offices (scheduler)");
    await page.getByRole("link", { name: "SMO Bogotá" }).click();
    expect(await page.locator("main fieldset[disabled]").count()).toBe(4);
    await accessible("office (scheduler, read-only)");
    await page.getByRole("link", { name: "Public holidays" }).click();
    expect(await mainText()).toContain("Friday 25 December 2026 (2026-12-25)");
    await accessible("holidays (scheduler)");
  });

  it("sets up an office and a service as an admin: every set-up page passes axe, refusals included", async () => {
    const admin = await api("POST", "/v1/users", { name: "Ada", email: "ada@example.org", role: "admin" });
    // The admin's own browser, with JavaScript for axe; the forms are plain posts all the same.
    const adminContext = await browser.newContext({ ...DESK, javaScriptEnabled: true, bypassCSP: true });
    const p = await adminContext.newPage();
    const check = async (label: string) => {
      const violations = await axe(p);
      expect(violations.map((v) => `${label}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    };
    const main = () => p.locator("main").innerText();
    try {
      await p.goto(`${server.url}/console/offices`);
      await signIn(p, admin.token);
      expect(pathOf(p)).toBe("/console/offices");
      await check("offices");
      await p.getByRole("link", { name: "Add an office" }).click();
      await check("new office");
      await p.getByLabel("Identifier").fill("cali");
      await p.getByLabel("Name", { exact: true }).fill("SMO Cali");
      await p.getByLabel("Country").fill("CO");
      await p.getByLabel("Time zone").fill("America/Cali");
      await p.getByLabel("Address").fill("Calle 5, Cali");
      await p.getByLabel("Monday").fill("08:00-12:00, 13:00-17:00");
      await p.getByRole("button", { name: "Create the office" }).click();
      expect(await main()).toContain("Time zone: must be an IANA time zone such as America/Bogota.");
      await check("new office, refused");
      await p.getByLabel("Time zone").fill(ZONE);
      await p.getByRole("button", { name: "Create the office" }).click();
      expect(pathOf(p)).toBe("/console/offices/cali");
      expect((await api("GET", "/v1/offices/cali")).hours).toEqual([
        { days: ["MO"], start: "08:00", end: "12:00" },
        { days: ["MO"], start: "13:00", end: "17:00" },
      ]);
      await check("office");
      await p.getByRole("link", { name: "Rooms" }).click();
      await check("rooms");
      await p.getByRole("link", { name: "Public holidays" }).click();
      await p.getByLabel("Why it stays open").first().fill("Open for the backlog");
      await p.getByRole("button", { name: "Keep open" }).first().click();
      expect(await main()).toContain("Open (Open for the backlog)");
      await check("holidays");
      await p.getByRole("link", { name: "Eligibility rules" }).click();
      await p.getByLabel("Nationalities").fill("VE, CU");
      await p.getByLabel("Present in the country on or before").fill("2023-06-11");
      await p.getByRole("button", { name: "Preview" }).click();
      expect(await main()).toContain("These rules would refuse 0 of the office's 0 current cases");
      await check("eligibility preview");
      await p.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Services" }).click();
      await check("services");
      await p.getByRole("link", { name: "Add a service" }).click();
      await p.getByLabel("Duration (minutes)").fill("4");
      await p.getByLabel("Window opens (days after screening)").fill("14");
      await p.getByLabel("Window closes (days after screening)").fill("28");
      await p.getByRole("button", { name: "Create the service" }).click();
      expect(await main()).toContain("Duration (minutes): ");
      await check("new service, refused");
      await p.goto(`${server.url}/console/services/iom-counseling`);
      await check("service");
    } finally {
      await adminContext.close();
    }
  }, 30_000);

  it("finds and registers a case, and previews an interviewer's hours", async () => {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Cases" }).click();
    await page.getByLabel("Reference, phone or name").fill("brw-a");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    expect((await rows()).map((r) => r[0])).toEqual(["BRW-A"]);
    await accessible("cases");

    await page.getByRole("link", { name: "Register a case" }).click();
    await accessible("register a case");
    await page.getByLabel("Reference").fill("BRW-N");
    await page.getByLabel("Name").fill("Nadia Ruiz");
    await page.getByLabel("Screened on").fill("2026-11-20");
    await page.getByLabel("Nationality").fill("VE");
    await page.getByLabel("In the country since").fill("2022-05-01");
    await page.getByLabel("Date of birth").fill("1990-04-02");
    await page.getByLabel("Legal status").fill("regular");
    await page.getByLabel("Phone").fill("+57 300 111 2222");
    await page.getByRole("button", { name: "Register" }).click();
    expect(await heading()).toBe("Case BRW-N");
    expect(await mainText()).toContain("Nadia Ruiz");
    await shot("case");
    await accessible("case");

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Interviewers" }).click();
    await accessible("interviewers");
    await page.getByRole("link", { name: "Ana Counselor" }).click();
    expect(await heading()).toBe("Interviewer Ana Counselor");
    await accessible("interviewer");
    await page.getByRole("button", { name: "Preview" }).click();
    expect(await mainText()).toContain("Free time for the next four weeks");
    await shot("interviewer-preview");
  }, 30_000);

  it("shows an admin the form that adds an interviewer", async () => {
    // The axe context is the scheduler's: drop its session, then sign in as the admin.
    await axeContext.clearCookies();
    await axePage.goto(`${server.url}/console/staff/new`);
    await signIn(axePage, ADMIN);
    expect(pathOf(axePage)).toBe("/console/staff/new");
    expect(await axePage.locator("h1").innerText()).toBe("Add an interviewer");
    const violations = await axe(axePage);
    expect(violations.map((v) => `new interviewer: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
