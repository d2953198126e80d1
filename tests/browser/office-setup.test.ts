// A whole office set up from the browser, in Spanish, from an empty database (only the admin's
// user, matched by the provider's email): the admin signs in through the OpenID Provider, creates
// an office, a service, an interviewer with weekly hours and a scheduler; the scheduler signs in
// by the emailed link, registers a case, books it, and the capacity page shows the change. The
// Node server runs as a child process; Chromium has JavaScript off; axe-core checks every page
// visited. Every word asserted comes from the Spanish table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { apiOf } from "../helpers/server.js";
import { artifactDir, hasChromium, skipReason } from "../helpers/browser.js";
import { expectAccessible, heading, pathOf, signInByMailedLink, signInThroughProvider, spanishPage, startStaffStack, type StaffStack } from "../helpers/staff-browser.js";
import { es } from "../../src/pages/console/strings/es.js";
import { dayWords } from "../../src/routes/console/dates.js";
import { parseIsoDate } from "../../src/slots/index.js";

const ADMIN = "office-setup-admin-token";
const ZONE = "America/Bogota";
const SCHEDULER = "lucia.agenda@example.org";
// Monday 23 November 2026, noon in Bogotá is 07:00: a case screened on 20 November with a 14–28
// day window may be booked from Friday 4 December, the week of Monday 30 November.
const NOW = "2026-11-23T12:00:00Z";
const WINDOW_OPENS_WEEK = "2026-11-30";
const WINDOW_ENDS_WEEK = "2026-12-14";

let stack: StaffStack;
let admin: { context: BrowserContext; page: Page };
let desk: { context: BrowserContext; page: Page };
const shots = hasChromium ? artifactDir("office-setup") : "";
const api = apiOf(() => stack.server, ADMIN);

const main = (p: Page) => p.locator("main").innerText();
const nav = (p: Page) => p.getByRole("navigation", { name: es.nav.label });
const shot = (p: Page, name: string) => p.screenshot({ path: `${shots}${name}.png`, fullPage: true });
const accessible = (p: Page, label: string, options?: { answer: boolean }) => expectAccessible(stack.browser, p, label, options);
/** A field of the page's form by its label (the header's language menu is also named "Idioma"). */
const field = (p: Page, label: string) => p.locator("main").getByLabel(label, { exact: true });
const weekLabel = (monday: string) => es.capacity.weekOf(dayWords(ZONE, parseIsoDate(monday)!, "es"));

interface WeekRow {
  week: string;
  starts: number;
  closing: number;
}

/** The capacity page's waiting line and its weeks (label, bookable starts, windows ending), as the page shows them. */
async function capacity(p: Page): Promise<{ text: string; weeks: WeekRow[] }> {
  await nav(p).getByRole("link", { name: es.capacity.nav }).click();
  expect(await heading(p)).toBe(es.capacity.title);
  const table = p.locator("main table", { has: p.locator("caption", { hasText: es.capacity.weeksCaption }) });
  const weeks: WeekRow[] = [];
  for (const row of await table.locator("tbody tr").all()) {
    const [week, , starts, closing] = (await row.locator("td").allInnerTexts()).map((c) => c.trim());
    weeks.push({ week: week!, starts: Number(starts), closing: Number(closing) });
  }
  return { text: await main(p), weeks };
}

describe.skipIf(!hasChromium)(hasChromium ? "an office set up from an empty database in Chromium, in Spanish, JavaScript off" : skipReason, () => {
  beforeAll(async () => {
    stack = await startStaffStack({ marta: { email: "marta.admin@example.org", email_verified: true } }, { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: NOW });
    // The one record an empty install needs: the admin the provider's account is matched to.
    await api("POST", "/v1/users", { name: "Marta Admin", email: "marta.admin@example.org", role: "admin" });
    [admin, desk] = await Promise.all([spanishPage(stack.browser), spanishPage(stack.browser)]);
    // A missing label or button fails the step at once, not at the test's timeout.
    for (const { page } of [admin, desk]) page.setDefaultTimeout(5_000);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("signs the admin in through the OpenID Provider", async () => {
    const { page } = admin;
    await signInThroughProvider(stack, page, { login: "marta", name: "Marta Admin" });
    // (The callback's address is used up: reloaded for axe it would be a replayed code.)
    await page.getByRole("link", { name: es.signInWays.continue }).click();
    // No office yet: the front page says to add the first one, with the console's navigation kept.
    expect(await page.locator("header").innerText()).toContain(`Marta Admin · ${es.roles.admin}`);
    expect(await main(page)).toContain(es.errors.noOfficeYet);
    await accessible(page, "first page of an empty install");
  });

  it("creates an office with its opening hours", async () => {
    const { page } = admin;
    await nav(page).getByRole("link", { name: es.offices.nav }).click();
    expect(await main(page)).toContain(es.offices.none);
    await accessible(page, "offices, none yet");
    await page.getByRole("link", { name: es.offices.add }).click();
    expect(await heading(page)).toBe(es.offices.newTitle);
    await accessible(page, "new office");
    const f = es.offices.fields;
    await field(page, f.id!).fill("medellin");
    await field(page, f.name!).fill("SMO Medellín");
    await field(page, f.country!).fill("CO");
    await field(page, f.timeZone!).fill(ZONE);
    await field(page, f.address!).fill("Carrera 43A # 1-50, Medellín");
    for (const day of ["MO", "TU", "WE", "TH", "FR"] as const) await field(page, es.offices.weekdays[day]).fill("08:00-17:00");
    await page.getByRole("button", { name: es.offices.create }).click();
    expect(pathOf(page)).toBe("/console/offices/medellin");
    expect(await page.getByRole("status").innerText()).toContain(es.offices.created);
    await accessible(page, "office");
    await shot(page, "office");
  });

  it("creates a service", async () => {
    const { page } = admin;
    await nav(page).getByRole("link", { name: es.services.nav }).click();
    expect(await main(page)).toContain(es.services.none);
    await accessible(page, "services, none yet");
    await page.getByRole("link", { name: es.services.add }).click();
    expect(await heading(page)).toBe(es.services.newTitle);
    await accessible(page, "new service");
    const f = es.services.fields;
    await field(page, f.id!).fill("orientacion");
    await field(page, f.name!).fill("Orientación OIM");
    await field(page, f.agency!).selectOption("IOM");
    // A start every hour and 45 + 15 minutes held: one booking takes exactly one start.
    await field(page, f.durationMinutes!).fill("45");
    await field(page, f.bufferMinutes!).fill("15");
    await field(page, f.slotStepMinutes!).fill("60");
    await field(page, f["window.minDays"]!).fill("14");
    await field(page, f["window.maxDays"]!).fill("28");
    await page.getByRole("button", { name: es.services.create }).click();
    expect(pathOf(page)).toBe("/console/services/orientacion");
    expect(await page.getByRole("status").innerText()).toContain(es.services.created);
    await accessible(page, "service");
  });

  it("adds an interviewer and gives them weekly hours on the week grid", async () => {
    const { page } = admin;
    await nav(page).getByRole("link", { name: es.staff.nav }).click();
    expect(await main(page)).toContain(es.staff.empty);
    await accessible(page, "interviewers, none yet");
    await page.getByRole("link", { name: es.staff.add }).click();
    expect(await heading(page)).toBe(es.staff.newTitle);
    await accessible(page, "new interviewer");
    const f = es.staff.fieldNames;
    await field(page, f.id!).fill("julian");
    await field(page, f.name!).fill("Julián Orientador");
    await field(page, f.email!).fill("julian@example.org");
    await field(page, f.agency!).selectOption("IOM");
    await field(page, f.timeZone!).fill(ZONE);
    await field(page, f.languages!).fill("es");
    await page.getByRole("group", { name: f.officeIds }).getByLabel("SMO Medellín").check();
    await page.getByRole("group", { name: f.serviceIds }).getByLabel("Orientación OIM").check();
    await page.getByRole("button", { name: es.staff.create, exact: true }).click();
    expect(await heading(page)).toBe(es.staff.title("Julián Orientador"));

    // Mornings, Monday to Friday, in the interviewer's zone (the office's too).
    for (const day of es.staff.weekdays.slice(0, 5)) {
      await page.getByLabel(`${day}, ${es.staff.range(1)}: ${es.staff.from}`).fill("08:00");
      await page.getByLabel(`${day}, ${es.staff.range(1)}: ${es.staff.to}`).fill("12:00");
    }
    await page.getByRole("button", { name: es.staff.preview }).click();
    expect(await main(page)).toContain(es.staff.previewTitle);
    await accessible(page, "interviewer, preview", { answer: true });
    await page.getByRole("button", { name: es.staff.save }).click();
    expect(await main(page)).toContain(es.staff.saved);
    await accessible(page, "interviewer, saved");
    await shot(page, "interviewer");
  });

  it("invites a scheduler of the office on the users page", async () => {
    const { page } = admin;
    await nav(page).getByRole("link", { name: es.users.nav }).click();
    expect(await heading(page)).toBe(es.users.title);
    await accessible(page, "users");
    await field(page, es.users.name).fill("Lucía Agenda");
    await field(page, es.users.email).fill(SCHEDULER);
    await field(page, es.users.role).selectOption("scheduler");
    await page.getByLabel("SMO Medellín").check();
    await page.getByRole("button", { name: es.users.inviteSubmit }).click();
    expect(await page.getByRole("status").innerText()).toContain(es.users.invited(SCHEDULER));
    expect(await page.locator("main table").innerText()).toContain("Lucía Agenda");
    await accessible(page, "users, invited");
  });

  it("signs the scheduler in by the email link", async () => {
    const { page } = desk;
    await signInByMailedLink(stack, page, SCHEDULER);
    expect(pathOf(page)).toBe("/console/queue");
    expect(await page.locator("header").innerText()).toContain(`Lucía Agenda · ${es.roles.scheduler}`);
    expect(await main(page)).toContain(es.queue.empty);
    await accessible(page, "queue, empty");
  });

  it("registers a case, books it, and the capacity page shows one start fewer and no case waiting", async () => {
    const { page } = desk;
    const empty = await capacity(page);
    expect(empty.text).toContain(es.capacity.waiting(0));
    await accessible(page, "capacity, nothing waiting");

    await nav(page).getByRole("link", { name: es.cases.nav }).click();
    await accessible(page, "cases");
    await page.getByRole("link", { name: es.cases.register }).click();
    expect(await heading(page)).toBe(es.cases.newTitle);
    await accessible(page, "register a case");
    const f = es.cases.fieldNames;
    await field(page, f.track!).selectOption("IOM");
    await field(page, f.language!).selectOption("es");
    await field(page, f.reference!).fill("MDE-001");
    await field(page, f.name!).fill("Carolina Pérez");
    await field(page, f.screenedAt!).fill("2026-11-20");
    await field(page, f.nationality!).fill("VE");
    await field(page, f.presentSince!).fill("2022-05-01");
    await field(page, f.birthDate!).fill("1990-04-02");
    await field(page, f.legalStatus!).fill("regular");
    await field(page, f.phone!).fill("+57 300 555 0101");
    await page.getByRole("button", { name: es.cases.submit, exact: true }).click();
    expect(await heading(page)).toBe(es.cases.title("MDE-001"));
    expect(await page.getByRole("status").innerText()).toContain(es.cases.created);
    await accessible(page, "case");

    const waiting = await capacity(page);
    expect(waiting.text).toContain(es.capacity.waiting(1));
    expect(waiting.text).toContain(es.capacity.allBookable);
    await accessible(page, "capacity, one case waiting");

    await nav(page).getByRole("link", { name: es.cases.nav }).click();
    await page.getByLabel(es.cases.search).fill("MDE-001");
    await page.getByRole("button", { name: es.show, exact: true }).click();
    await page.getByRole("link", { name: "MDE-001" }).click();
    await page.getByRole("link", { name: es.cases.book }).click();
    expect(await heading(page)).toBe(es.book.title("MDE-001"));
    await accessible(page, "book");
    // The first free time of the window, any interviewer (here the only one).
    const [, anyone] = es.book.bookAny("\u0000").split("\u0000");
    await page.locator(`main button[aria-label$="${anyone}"]`).first().click();
    expect(pathOf(page)).toMatch(/^\/console\/appointments\//);
    expect(await main(page)).toContain(es.statusNames.scheduled);
    await accessible(page, "appointment");
    await shot(page, "appointment");

    const booked = await capacity(page);
    expect(booked.text).toContain(es.capacity.waiting(0));
    await accessible(page, "capacity, booked");
    await shot(page, "capacity");
    // Same weeks; only the booked week lost a start, and the window's last week a closing case.
    expect(booked.weeks.map((w) => w.week)).toEqual(waiting.weeks.map((w) => w.week));
    const changes = booked.weeks.flatMap((w, i) => {
      const was = waiting.weeks[i]!;
      return w.starts === was.starts && w.closing === was.closing ? [] : [{ week: w.week, starts: w.starts - was.starts, closing: w.closing - was.closing }];
    });
    expect(changes).toEqual([
      { week: weekLabel(WINDOW_OPENS_WEEK), starts: -1, closing: 0 },
      { week: weekLabel(WINDOW_ENDS_WEEK), starts: 0, closing: -1 },
    ]);
    // Nothing was waiting before the case either: the registered case was the one counted.
    expect(empty.weeks.map((w) => w.closing)).toEqual(booked.weeks.map((w) => w.closing));
  }, 60_000);
});
