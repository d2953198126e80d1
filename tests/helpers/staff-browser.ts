// Staff signing in for real, for the browser tests in Spanish: the Node server as a child process
// with a real OpenID Provider (oidc-provider) and a real SMTP server on loopback, Debian's
// Chromium with JavaScript off and Accept-Language es, and axe-core run in a JavaScript context
// carrying the same cookies (the pages themselves never run a script).
import { expect } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { freePort, startServer, type RunningServer } from "./server.js";
import { axe, launchBrowser } from "./browser.js";
import { CLIENT_ID, CLIENT_SECRET, startProvider, type Account, type TestProvider } from "./oidc.js";
import { startSmtpSink, type SmtpSink } from "../notify/sinks.js";
import { leaves } from "../notify/mime.js";
import { es } from "../../src/pages/console/strings/es.js";

export const SPANISH = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "es-CO", extraHTTPHeaders: { "accept-language": "es-CO,es;q=0.9" } } as const;

export const heading = (p: Page) => p.locator("h1").innerText();
export const pathOf = (p: Page) => new URL(p.url()).pathname;

export interface StaffStack {
  server: RunningServer;
  idp: TestProvider;
  sink: SmtpSink;
  browser: Browser;
  close(): Promise<void>;
}

/** Provider, SMTP server, Chromium and the Cita server that signs in through both (`env` adds to its settings). */
export async function startStaffStack(accounts: Record<string, Account>, env: Record<string, string>): Promise<StaffStack> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [idp, sink, browser] = await Promise.all([startProvider(accounts, () => [`${url}/console/sign-in/oidc/callback`]), startSmtpSink(), launchBrowser()]);
  const server = await startServer(
    {
      CITA_PUBLIC_URL: url,
      CITA_SMTP_URL: sink.url,
      CITA_DISPATCH_INTERVAL_MS: "200",
      CITA_OIDC_ISSUER: idp.issuer,
      CITA_OIDC_CLIENT_ID: CLIENT_ID,
      CITA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      ...env,
    },
    { port },
  );
  return {
    server,
    idp,
    sink,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
      await Promise.all([idp.close(), sink.close()]);
    },
  };
}

/** A Spanish browser context with JavaScript off, as staff without scripts use the console. */
export async function spanishPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...SPANISH, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

/**
 * The page `p` shows, checked by axe-core in a JavaScript context with the same cookies (same
 * session). `answer`: the page is the answer to a form (a preview), so its HTML is checked as
 * shown instead of being asked for again.
 */
export async function expectAccessible(browser: Browser, p: Page, label: string, { answer = false } = {}) {
  const context = await browser.newContext({ ...SPANISH, javaScriptEnabled: true, bypassCSP: true });
  try {
    await context.addCookies(await p.context().cookies());
    const checked = await context.newPage();
    if (answer) {
      await checked.goto(new URL("/health", p.url()).href);
      await checked.setContent(await p.content());
    } else await checked.goto(p.url());
    expect(await heading(checked), label).toBe(await heading(p));
    const violations = await axe(checked);
    expect(violations.map((v) => `${label}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The text of the next email to `to` after the first `already` received (the dispatcher runs every 200 ms). */
export async function nextMail(stack: StaffStack, to: string, already: number): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 100; i++) {
    const mail = stack.sink.received.slice(already).find((m) => m.to.includes(to));
    if (mail) return { subject: mail.message.headers.subject ?? "", text: leaves(mail.message).find((p) => p.type === "text/plain")!.body };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}: ${stack.server.output()}`);
}

/** On the provider's own login page (oidc-provider's development screens): signs `login` in, any password. */
export async function loginAtProvider(stack: StaffStack, page: Page, login: string) {
  expect(page.url().startsWith(stack.idp.issuer)).toBe(true);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
}

/** The sign-in link mailed to `email` (after the first `already` mails), as an address. */
export async function mailedLink(stack: StaffStack, email: string, already: number): Promise<string> {
  const mail = await nextMail(stack, email, already);
  return new RegExp(`${stack.server.url}/console/sign-in/link/[\\w.-]+`).exec(mail.text)![0];
}

/**
 * From the console's front door through the provider's login to the "signed in" page, as staff
 * with an account there sign in, checking each page's Spanish words and the sign-in page with
 * axe. `onSignInPage` runs on the sign-in page before leaving it (a screenshot, say).
 */
export async function signInThroughProvider(stack: StaffStack, page: Page, account: { login: string; name: string }, onSignInPage?: () => Promise<unknown>) {
  await page.goto(`${stack.server.url}/console`);
  expect(pathOf(page)).toBe("/console/sign-in");
  expect(await heading(page)).toBe(es.signIn.title);
  await expectAccessible(stack.browser, page, "sign-in");
  await onSignInPage?.();
  await page.getByRole("link", { name: es.signInWays.withProvider }).click();
  await loginAtProvider(stack, page, account.login);
  expect(pathOf(page)).toBe("/console/sign-in/oidc/callback");
  expect(await heading(page)).toBe(es.signInWays.signedInTitle);
  expect(await page.locator("main").innerText()).toContain(es.signInWays.signedIn(account.name));
}

/**
 * Asks for a sign-in link for `email`, opens the mailed link and presses its button, checking
 * the pages on the way (axe on both). Returns the link and its mail, for the caller's own checks.
 */
export async function signInByMailedLink(stack: StaffStack, page: Page, email: string): Promise<{ link: string; mail: { subject: string; text: string } }> {
  await page.goto(`${stack.server.url}/console/sign-in`);
  // In main: the header's language menu has a label too.
  await page.locator("main").getByLabel(es.signInWays.email, { exact: true }).fill(email);
  const before = stack.sink.received.length;
  await page.getByRole("button", { name: es.signInWays.sendLink }).click();
  expect(await heading(page)).toBe(es.signInWays.linkSentTitle);
  await expectAccessible(stack.browser, page, "link sent");
  const mail = await nextMail(stack, email, before);
  const link = await mailedLink(stack, email, before);
  await page.goto(link);
  expect(await heading(page)).toBe(es.signInWays.linkTitle);
  await expectAccessible(stack.browser, page, "link");
  await page.getByRole("button", { name: es.signInWays.linkSubmit }).click();
  return { link, mail };
}
