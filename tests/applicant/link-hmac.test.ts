// The Node server signs applicant links through node:crypto, Workers through WebCrypto: the same
// secret and appointment must give the same link, each must read the other's, and an altered
// link must be refused by both. The secret comes from the settings table when none is configured.
import { afterEach, describe, expect, it } from "vitest";
import type { Deps } from "../../src/deps.js";
import { linkToken, readLinkToken } from "../../src/domain/links.js";
import { nodeHmac } from "../../src/lib/hmac.node.js";
import { createProcessState } from "../../src/process-state.js";
import { makeApp } from "../helpers/app.js";

const opened: { close: () => void }[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

/** Two processes' dependencies on one database: WebCrypto (the default) and node:crypto. */
function bothSigners(linkSecret: string | null) {
  const t = makeApp({ config: { linkSecret } });
  opened.push(t);
  const web: Deps = { ...t.deps, state: createProcessState() };
  const node: Deps = { ...t.deps, state: createProcessState(), hmac: nodeHmac };
  return { web, node };
}

const END = Date.parse("2026-12-07T15:00:00Z");
const appointments = [
  ["apt_01JD5Z8Q7Y3K2M4N6P8R0T2V4X", 1],
  ["apt_x", 0],
  ["apt_ñandú-€", 41],
] as const;

describe.each([
  ["a configured secret", "a-configured-link-secret"],
  ["the secret kept in the database", null],
])("applicant links with %s", (_what, secret) => {
  it("are byte for byte the same through node:crypto and WebCrypto", async () => {
    const { web, node } = bothSigners(secret);
    for (const [id, version] of appointments) {
      const token = await linkToken(web, id, version, END);
      expect(await linkToken(node, id, version, END)).toBe(token);
    }
  });

  it("signed by one are read by the other", async () => {
    const { web, node } = bothSigners(secret);
    for (const [id, version] of appointments) {
      const expected = { appointmentId: id, linkVersion: version };
      expect(await readLinkToken(web, await linkToken(node, id, version, END))).toEqual(expected);
      expect(await readLinkToken(node, await linkToken(web, id, version, END))).toEqual(expected);
    }
  });

  it("are refused by both when any character is altered", async () => {
    const { web, node } = bothSigners(secret);
    const token = await linkToken(node, appointments[0][0], 1, END);
    const other = (ch: string) => (ch === "A" ? "B" : "A");
    const altered = [...token].map((ch, i) => token.slice(0, i) + other(ch) + token.slice(i + 1));
    expect(altered.length).toBeGreaterThan(40);
    for (const bad of altered) {
      expect(await readLinkToken(web, bad), bad).toBeNull();
      expect(await readLinkToken(node, bad), bad).toBeNull();
    }
  });
});

it("a link from another secret is refused by both", async () => {
  const { web, node } = bothSigners("secret-one");
  const foreign = await linkToken(bothSigners("secret-two").node, appointments[0][0], 1, END);
  expect(await readLinkToken(web, foreign)).toBeNull();
  expect(await readLinkToken(node, foreign)).toBeNull();
});
