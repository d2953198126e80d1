// Debian's Chromium driven by playwright-core: one headless browser per test file. Playwright's
// launch() gives every browser a fresh temporary profile (user-data-dir) and removes it on close.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const skipReason = `${CHROMIUM} is not installed (apt-get install chromium): browser tests skipped`;

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A phone-sized context with JavaScript off, as the pages must work. */
export function phone(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, locale: "es-CO", ...options });
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page. Needs a context with JavaScript on and bypassCSP (the pages forbid
 * all scripts, axe included).
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function artifactDir(name: string): string {
  const dir = new URL(`../../test-artifacts/${name}/`, import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Signs in with a staff token through the form of whatever console sign-in page `p` shows. */
export async function signInWithToken(p: Page, token: string): Promise<void> {
  // The token form is the fallback, folded under the email form until opened.
  const fallback = p.locator("details");
  if ((await fallback.getAttribute("open")) === null) await fallback.locator("summary").click();
  await p.getByLabel("Staff token").fill(token);
  await p.getByRole("button", { name: "Sign in" }).click();
}
