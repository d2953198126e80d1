// Console sign-in through a real OpenID Provider (oidc-provider on loopback), driven with fetch:
// the whole redirect dance signs in the one enabled user with the verified email, and every
// failure (unknown, unverified or disabled, a replayed code, a wrong state or nonce, another
// browser, the provider's own refusal) is a clear page that opens no session.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics } from "../helpers/fixtures.js";
import { textOf } from "../helpers/console.js";
import { dumpTables } from "../security/db.js";
import { CLIENT_ID, CLIENT_SECRET, Jar, providerLogin, startProvider, type TestProvider } from "../helpers/oidc.js";

const CALLBACK = "http://cita.test/console/sign-in/oidc/callback";
let idp: TestProvider;
let t: TestApp;

beforeAll(async () => {
  idp = await startProvider(
    {
      desk: { email: "Sofia.Desk@Example.org", email_verified: true },
      unverified: { email: "sofia.desk@example.org", email_verified: false },
      stranger: { email: "nobody@example.org", email_verified: true },
      gone: { email: "gone@example.org", email_verified: true },
    },
    () => [CALLBACK],
  );
});
afterAll(() => idp.close());

beforeEach(async () => {
  t = makeApp({ config: { oidc: { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } } });
  await seedBasics(t);
  await t.post("/v1/users", { name: "Sofía Desk", email: "sofia.desk@example.org", role: "scheduler", officeIds: ["bogota"] });
  const gone = await t.post("/v1/users", { name: "Gone", email: "gone@example.org", role: "scheduler", officeIds: ["bogota"] });
  await t.post(`/v1/users/${gone.json.id}/disable`);
});
afterEach(() => t.close());

const sessions = () =>
  t.database.sqlite.prepare("SELECT user_id, method, token_hash FROM console_sessions").all() as { user_id: string; method: string; token_hash: string | null }[];

/** The browser's side at Cita: the sign-in page, then its provider button (a link). Answers where the provider is. */
async function start(jar = new Jar()) {
  const page = await t.app.request("/console/sign-in?next=%2Fconsole%2Fday");
  jar.take(page);
  const html = await page.text();
  expect(html).toContain('action="/console/sign-in/email"');
  const href = /href="(\/console\/sign-in\/oidc\?[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&");
  expect(href).toBe("/console/sign-in/oidc?next=%2Fconsole%2Fday");
  const res = await t.app.request(href, { headers: { cookie: jar.header() } });
  expect(res.status).toBe(303);
  jar.take(res);
  const location = res.headers.get("location")!;
  expect(location.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  return { jar, authorizationUrl: location };
}

const callback = (url: string, jar: Jar) => t.app.request(new URL(url).pathname + new URL(url).search, { headers: { cookie: jar.header() } });

/** A refusal: a 4xx console page saying `words`, no session cookie, no session row. */
async function expectRefused(res: Response, status: number, words: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(res.headers.getSetCookie().join(";")).not.toMatch(/cita_console=cs_/);
  expect(textOf(await res.text())).toMatch(words);
  expect(sessions()).toEqual([]);
}

describe("OpenID Connect sign-in", () => {
  it("signs in the enabled user with the verified email (any case), with PKCE, state and nonce, and no token", async () => {
    const { jar, authorizationUrl } = await start();
    const asked = new URL(authorizationUrl).searchParams;
    expect(asked.get("code_challenge_method")).toBe("S256");
    expect(asked.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(asked.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(asked.get("redirect_uri")).toBe(CALLBACK);
    const oidcCookie = jar.get("cita_console_oidc")!;
    // Only hashes of what binds the flow are stored; the verifier stays server-side.
    expect(dumpTables(t)).not.toContain(oidcCookie);
    expect(dumpTables(t)).not.toContain(asked.get("state")!);

    const back = await providerLogin(authorizationUrl, "desk");
    const res = await callback(back, jar);
    expect(res.status).toBe(200);
    jar.take(res);
    const page = textOf(await res.text());
    expect(page).toContain("You are signed in as Sofía Desk.");
    expect(page).toContain("Continue to the console");
    expect(sessions()).toMatchObject([{ method: "oidc", token_hash: null }]);
    expect(t.database.sqlite.prepare("SELECT count(*) AS n FROM oidc_sign_ins").get()).toEqual({ n: 0 });
    const day = await t.app.request("/console/day", { headers: { cookie: jar.header() } });
    expect(day.status).toBe(200);
    expect(textOf(await day.text())).toContain("Sofía Desk · Scheduler");
  });

  it("refuses an email no enabled user has, an unverified one, and a disabled user's", async () => {
    for (const [login, words] of [
      ["stranger", /No enabled Cita account has the email address/],
      ["unverified", /does not show a verified email address/],
      ["gone", /No enabled Cita account has the email address/],
    ] as const) {
      const { jar, authorizationUrl } = await start();
      await expectRefused(await callback(await providerLogin(authorizationUrl, login), jar), 403, words);
    }
  });

  it("refuses a replayed callback, and a used code under a fresh state", async () => {
    const { jar, authorizationUrl } = await start();
    const back = await providerLogin(authorizationUrl, "desk");
    expect((await callback(back, jar)).status).toBe(200);
    t.database.sqlite.exec("DELETE FROM console_sessions");
    await expectRefused(await callback(back, jar), 400, /not started in this browser, was already finished/);

    // The same code with the state of a new sign-in in the same browser: the provider refuses it.
    const again = await start(jar);
    const replay = new URL(back);
    replay.searchParams.set("state", new URL(again.authorizationUrl).searchParams.get("state")!);
    await expectRefused(await callback(replay.href, jar), 401, /could not be verified/);
  });

  it("refuses a wrong state and changes nothing", async () => {
    const { jar, authorizationUrl } = await start();
    const back = new URL(await providerLogin(authorizationUrl, "desk"));
    back.searchParams.set("state", "made-up-state-value-of-some-length");
    const before = dumpTables(t);
    await expectRefused(await callback(back.href, jar), 400, /not started in this browser/);
    expect(dumpTables(t)).toBe(before);
  });

  it("refuses an ID token whose nonce is not the one this browser's sign-in sent", async () => {
    const { jar, authorizationUrl } = await start();
    const altered = new URL(authorizationUrl);
    altered.searchParams.set("nonce", "a-nonce-the-attacker-chose-0123456789");
    await expectRefused(await callback(await providerLogin(altered.href, "desk"), jar), 401, /could not be verified/);
  });

  it("refuses the callback in another browser (without the sign-in's cookie), and leaves the sign-in alone", async () => {
    const { authorizationUrl } = await start();
    const back = await providerLogin(authorizationUrl, "desk");
    const before = dumpTables(t);
    const other = new Jar();
    other.set("cita_console_oidc", "ob_someone-elses-cookie");
    await expectRefused(await callback(back, other), 400, /not started in this browser/);
    await expectRefused(await callback(back, new Jar()), 400, /not started in this browser/);
    expect(dumpTables(t)).toBe(before);
  });

  it("shows the provider's refusal as a page", async () => {
    const { jar } = await start();
    await expectRefused(await callback(`${CALLBACK}?error=access_denied&state=x`, jar), 401, /did not sign you in/);
  });

  it("never sends the browser back outside the console", async () => {
    const jar = new Jar();
    const res = await t.app.request("/console/sign-in/oidc?next=%2F%2Fevil.example%2Fconsole", { headers: { cookie: jar.header() } });
    jar.take(res);
    const back = await providerLogin(res.headers.get("location")!, "desk");
    const page = await callback(back, jar);
    expect(await page.text()).toContain('href="/console"');
  });
});

describe("without an identity provider", () => {
  it("offers the email link, and the provider's routes do not exist", async () => {
    const plain = makeApp();
    try {
      const html = await (await plain.app.request("/console/sign-in")).text();
      expect(html).toContain('action="/console/sign-in/email"');
      expect(html).not.toContain("/console/sign-in/oidc");
      expect((await plain.app.request("/console/sign-in/oidc")).status).toBe(404);
      expect((await plain.app.request("/console/sign-in/oidc/callback?code=x&state=y")).status).toBe(404);
    } finally {
      plain.close();
    }
  });
});
