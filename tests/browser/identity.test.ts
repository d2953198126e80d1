// Staff identity for real, in Spanish: the Node server as a child process, a real OpenID Provider
// (oidc-provider) and a real SMTP server on loopback, Debian's Chromium with JavaScript off and
// Accept-Language es. The admin signs in through the provider's whole redirect dance, invites a
// scheduler on the users page; the scheduler asks for an email link, opens it, and sees the
// queue. axe-core checks every new page in a JavaScript context carrying the same cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { apiOf } from "../helpers/server.js";
import { artifactDir, hasChromium, skipReason } from "../helpers/browser.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { expectAccessible, heading, nextMail, pathOf, signInByMailedLink, signInThroughProvider, spanishPage, startStaffStack, type StaffStack } from "../helpers/staff-browser.js";

const ADMIN = "identity-browser-admin-token";

let stack: StaffStack;
let admin: { context: BrowserContext; page: Page };
let desk: { context: BrowserContext; page: Page };
const shots = hasChromium ? artifactDir("identity") : "";
const api = apiOf(() => stack.server, ADMIN);

const accessible = (p: Page, label: string) => expectAccessible(stack.browser, p, label);

describe.skipIf(!hasChromium)(hasChromium ? "staff identity in Chromium, in Spanish, JavaScript off" : skipReason, () => {
  beforeAll(async () => {
    stack = await startStaffStack({ ana: { email: "ana.admin@example.org", email_verified: true } }, { CITA_ADMIN_TOKEN: ADMIN, CITA_NOW: "2026-11-23T12:00:00Z" });
    await api("POST", "/v1/offices", bogota());
    await api("POST", "/v1/services", counseling());
    await api("POST", "/v1/staff", counselor());
    await api("POST", "/v1/cases", applicantCase({ reference: "ESP-001", screenedAt: "2026-11-20" }));
    await api("POST", "/v1/users", { name: "Ana Admin", email: "ana.admin@example.org", role: "admin" });
    [admin, desk] = await Promise.all([spanishPage(stack.browser), spanishPage(stack.browser)]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("signs the admin in through the identity provider's whole redirect dance", async () => {
    const { page } = admin;
    await signInThroughProvider(stack, page, { login: "ana", name: "Ana Admin" }, () => page.screenshot({ path: `${shots}sign-in.png`, fullPage: true }));
    const cookie = (await admin.context.cookies()).find((c) => c.name === "cita_console");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/console" });
    await page.getByRole("link", { name: "Seguir a la consola" }).click();
    expect(pathOf(page)).toBe("/console/queue");
    expect(await page.locator("header").innerText()).toContain("Ana Admin · Administración");
  });

  it("invites a scheduler on the users page", async () => {
    const { page } = admin;
    await page.getByRole("link", { name: "Usuarios" }).click();
    expect(await heading(page)).toBe("Usuarios");
    await accessible(page, "users");
    await page.getByLabel("Nombre").fill("Sofía Agenda");
    await page.getByLabel("Correo electrónico").fill("sofia.agenda@example.org");
    await page.getByLabel("Rol").selectOption("scheduler");
    await page.getByLabel("SMO Bogotá").check();
    await page.getByRole("button", { name: "Invitar" }).click();
    expect(await page.getByRole("status").innerText()).toContain("Invitación enviada: un correo va camino de sofia.agenda@example.org.");
    expect(await page.locator("main table").innerText()).toContain("Sofía Agenda");
    await page.screenshot({ path: `${shots}users.png`, fullPage: true });

    const invite = await nextMail(stack, "sofia.agenda@example.org", 0);
    expect(invite.text).toContain(`${stack.server.url}/console/sign-in`);
    expect(invite.text).toContain("Un administrador le abrió una cuenta");

    await page.getByRole("link", { name: "Sofía Agenda" }).click();
    expect(await heading(page)).toBe("Sofía Agenda");
    await accessible(page, "user");
  });

  it("signs the scheduler in by the email link, once, and shows the queue", async () => {
    const { page } = desk;
    const { link, mail } = await signInByMailedLink(stack, page, "sofia.agenda@example.org");
    expect(mail.text).toContain("Abra este enlace para entrar en la consola de Cita");
    expect(pathOf(page)).toBe("/console/queue");
    expect(await heading(page)).toBe("Cola");
    expect(await page.locator("main").innerText()).toContain("ESP-001");
    expect(await page.locator("nav").first().innerText()).not.toContain("Usuarios");
    await page.screenshot({ path: `${shots}queue.png`, fullPage: true });

    // A second use, and the link in another browser: refusal pages.
    await page.goto(link);
    expect(await heading(page)).toBe("Entrada rechazada");
    expect(await page.getByRole("alert").innerText()).toContain("Este enlace de entrada ya se usó.");
    await accessible(page, "link refused");
  });

  it("lists the scheduler's session on their user page, opened by email link", async () => {
    const { page } = admin;
    await page.reload();
    // The user's page lists the scheduler's one session: opened by email link, revocable.
    const sessions = page.locator("main table", { hasText: "Enlace por correo" });
    expect(await sessions.locator("tbody tr").count()).toBe(1);
    expect(await sessions.getByRole("button").count()).toBe(1);
  });
});
