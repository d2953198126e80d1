// Requests as they reach the Node server: from a connection with its own peer address (what
// @hono/node-server hands the app as env.incoming), with whatever headers the client wrote.
import { expect } from "vitest";
import { PER_ADDRESS } from "../../src/routes/applicant/rate-limit.js";
import type { Page, TestApp } from "./helpers.js";

export async function fromSocket(t: TestApp, socket: string, path: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await t.app.request(path, { headers }, { incoming: { socket: { remoteAddress: socket } } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Uses up one address's allowance with made-up links (each a 404), the i-th with headers(i). */
export async function exhaust(t: TestApp, socket: string, headers: (i: number) => Record<string, string>) {
  for (let i = 0; i < PER_ADDRESS.limit; i++) {
    const res = await fromSocket(t, socket, `/a/guess-${i}`, headers(i));
    expect(res.status, `request ${i}`).toBe(404);
  }
}
