// Staff identity for real, in Spanish: the Node server as a child process, a real OpenID Provider
// (oidc-provider) and a real SMTP server on loopback, Debian's Chromium with JavaScript off and
// Accept-Language es. The admin signs in through the provider's whole redirect dance, invites a
// scheduler on the users page; the scheduler asks for an email link, opens it, and sees the
// queue. axe-core checks every new page in a JavaScript context carrying the same cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { apiOf, freePort, startServer, type RunningServer } from "../helpers/server.js";
import { artifactDir, axe, hasChromium, launchBrowser, skipReason } from "../helpers/browser.js";
import { applicantCase, bogota, counseling, counselor } from "../helpers/fixtures.js";
import { CLIENT_ID, CLIENT_SECRET, startProvider, type TestProvider } from "../helpers/oidc.js";
import { startSmtpSink, type SmtpSink } from "../notify/sinks.js";
import { leaves } from "../notify/mime.js";

const ADMIN = "identity-browser-admin-token";
const SPANISH = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "es-CO", extraHTTPHeaders: { "accept-language": "es-CO,es;q=0.9" } } as const;

let server: RunningServer;
let idp: TestProvider;
let sink: SmtpSink;
let browser: Browser;
let admin: { context: BrowserContext; page: Page };
let desk: { context: BrowserContext; page: Page };
const shots = hasChromium ? artifactDir("identity") : "";
const api = apiOf(() => server, ADMIN);

const heading = (p: Page) => p.locator("h1").innerText();
const pathOf = (p: Page) => new URL(p.url()).pathname;

/** The page `p` shows, checked by axe-core in a JavaScript context with the same cookies (same session). */
async function accessible(p: Page, label: string) {
  const context = await browser.newContext({ ...SPANISH, javaScriptEnabled: true, bypassCSP: true });
  try {
    await context.addCookies(await p.context().cookies());
    const checked = await context.newPage();
    await checked.goto(p.url());
    expect(await heading(checked), label).toBe(await heading(p));
    const violations = await axe(checked);
    expect(violations.map((v) => `${label}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The text of the next email to `to` that the SMTP server receives (the server's dispatcher runs every 200 ms). */
async function nextMail(to: string, already: number): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 100; i++) {
    const mail = sink.received.slice(already).find((m) => m.to.includes(to));
    if (mail) return { subject: mail.message.headers.subject ?? "", text: leaves(mail.message).find((p) => p.type === "text/plain")!.body };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}: ${server.output()}`);
}

describe.skipIf(!hasChromium)(hasChromium ? "staff identity in Chromium, in Spanish, JavaScript off" : skipReason, () => {
  beforeAll(async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    [idp, sink, browser] = await Promise.all([
      startProvider({ ana: { email: "ana.admin@example.org", email_verified: true } }, () => [`${url}/console/sign-in/oidc/callback`]),
      startSmtpSink(),
      launchBrowser(),
    ]);
    server = await startServer(
      {
        CITA_ADMIN_TOKEN: ADMIN,
        CITA_NOW: "2026-11-23T12:00:00Z",
        CITA_PUBLIC_URL: url,
        CITA_SMTP_URL: sink.url,
        CITA_DISPATCH_INTERVAL_MS: "200",
        CITA_OIDC_ISSUER: idp.issuer,
        CITA_OIDC_CLIENT_ID: CLIENT_ID,
        CITA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      },
      { port },
    );
    await api("POST", "/v1/offices", bogota());
    await api("POST", "/v1/services", counseling());
    await api("POST", "/v1/staff", counselor());
    await api("POST", "/v1/cases", applicantCase({ reference: "ESP-001", screenedAt: "2026-11-20" }));
    await api("POST", "/v1/users", { name: "Ana Admin", email: "ana.admin@example.org", role: "admin" });
    for (const who of ["admin", "desk"] as const) {
      const context = await browser.newContext({ ...SPANISH, javaScriptEnabled: false });
      const value = { context, page: await context.newPage() };
      if (who === "admin") admin = value;
      else desk = value;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([idp?.close(), sink?.close()]);
  });

  it("signs the admin in through the identity provider's whole redirect dance", async () => {
    const { page } = admin;
    await page.goto(`${server.url}/console`);
    expect(pathOf(page)).toBe("/console/sign-in");
    expect(await heading(page)).toBe("Entrar a la consola");
    await accessible(page, "sign-in");
    await page.screenshot({ path: `${shots}sign-in.png`, fullPage: true });

    await page.getByRole("link", { name: "Entrar con la cuenta de su organización" }).click();
    // The provider's own login page (oidc-provider's development screens).
    expect(page.url().startsWith(idp.issuer)).toBe(true);
    await page.locator('input[name="login"]').fill("ana");
    await page.locator('input[name="password"]').fill("any");
    await page.locator('button[type="submit"]').click();

    expect(pathOf(page)).toBe("/console/sign-in/oidc/callback");
    expect(await heading(page)).toBe("Sesión iniciada");
    expect(await page.locator("main").innerText()).toContain("Entró como Ana Admin.");
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

    const invite = await nextMail("sofia.agenda@example.org", 0);
    expect(invite.text).toContain(`${server.url}/console/sign-in`);
    expect(invite.text).toContain("Un administrador le abrió una cuenta");

    await page.getByRole("link", { name: "Sofía Agenda" }).click();
    expect(await heading(page)).toBe("Sofía Agenda");
    await accessible(page, "user");
  });

  it("signs the scheduler in by the email link, once, and shows the queue", async () => {
    const { page } = desk;
    await page.goto(`${server.url}/console/sign-in`);
    await page.getByLabel("Correo electrónico").fill("sofia.agenda@example.org");
    const before = sink.received.length;
    await page.getByRole("button", { name: "Enviarme un enlace de entrada" }).click();
    expect(await heading(page)).toBe("Revise su correo");
    await accessible(page, "link sent");

    const mail = await nextMail("sofia.agenda@example.org", before);
    expect(mail.text).toContain("Abra este enlace para entrar en la consola de Cita");
    const link = new RegExp(`${server.url}/console/sign-in/link/[\\w.-]+`).exec(mail.text)![0];

    await page.goto(link);
    expect(await heading(page)).toBe("Entrar con su enlace");
    await accessible(page, "link");
    await page.getByRole("button", { name: "Entrar ahora" }).click();
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
