// Turns a page into a response with the headers every HTML page carries.
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";

/**
 * No scripts at all; styles only inline; forms only to this site; never framed. No referrer, so
 * a link's token cannot leak to another site, and no caching, so a shared phone's back button
 * or cache does not keep a page for the next person.
 */
export const pageHeaders: Record<string, string> = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

export async function renderPage(node: JSX.Element): Promise<string> {
  // A hono JSX node renders to a string, or to a promise of one when a component is async;
  // its declared type knows only the first.
  // eslint-disable-next-line @typescript-eslint/await-thenable, @typescript-eslint/no-base-to-string
  return `<!doctype html>${await node.toString()}`;
}

export async function htmlPage(c: Context, status: number, node: JSX.Element, headers: Record<string, string> = {}): Promise<Response> {
  return c.html(await renderPage(node), status as 200, { ...pageHeaders, ...headers });
}
