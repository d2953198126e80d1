// Console sign-in by a one-time link sent by email, through the outbox and a real SMTP server on
// loopback: the page answers the same for a known and an unknown address; the link signs in
// once, in the browser that asked, for 15 minutes; anything else is a refusal that changes nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { seedBasics } from "../helpers/fixtures.js";
import { textOf } from "../helpers/console.js";
import { Jar } from "../helpers/oidc.js";
import { dumpTables } from "../security/db.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { smtpMailer } from "../../src/notify/smtp.node.js";
import { depsFor } from "../notify/deps.js";
import { leaves } from "../notify/mime.js";
import { startSmtpSink, type SmtpSink } from "../notify/sinks.js";
import { sha256Hex } from "../../src/lib/ids.js";

let t: TestApp;
let sink: SmtpSink;
let mailer: ReturnType<typeof smtpMailer>;
let userId: string;

beforeEach(async () => {
  t = makeApp();
  await seedBasics(t);
  userId = (await t.post("/v1/users", { name: "Sofía Desk", email: "sofia.desk@example.org", role: "scheduler", officeIds: ["bogota"] })).json.id;
  sink = await startSmtpSink();
  mailer = smtpMailer({ url: sink.url, timeoutMs: 3000 });
});
afterEach(async () => {
  t.close();
  mailer.close();
  await sink.close();
});

const sessions = () => t.database.sqlite.prepare("SELECT user_id, method, token_hash FROM console_sessions").all();
const send = () => dispatchDue(depsFor(t, { mailer }));

/** A browser asking for a link on the sign-in page (its own cookie jar), in `lang`. */
async function ask(email: string, jar = new Jar(), lang = "en") {
  const page = await t.app.request("/console/sign-in", { headers: { cookie: jar.header(), "accept-language": lang } });
  jar.take(page);
  const csrf = /name="csrf" value="([^"]*)"/.exec(await page.text())![1]!;
  const res = await t.app.request("/console/sign-in/email", {
    method: "POST",
    body: new URLSearchParams({ csrf, email, next: "/console" }),
    headers: { cookie: jar.header(), "accept-language": lang },
  });
  jar.take(res);
  return { res, jar };
}

/** The link in the last email received, as a path of the app. */
function lastLink(): string {
  const mail = sink.received.at(-1)!;
  const text = leaves(mail.message).find((p) => p.type === "text/plain")!.body;
  const link = /http:\/\/cita\.test(\/console\/sign-in\/link\/[\w.-]+)/.exec(text)![1]!;
  return link;
}

/** Opens the link's page, then presses its button, as the browser with `jar`. */
async function openLink(path: string, jar: Jar) {
  const page = await t.app.request(path, { headers: { cookie: jar.header() } });
  const html = await page.text();
  if (page.status !== 200) return { page, html, post: null };
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)![1]!;
  const post = await t.app.request(path, { method: "POST", body: new URLSearchParams({ csrf }), headers: { cookie: jar.header(), "sec-fetch-site": "same-origin" } });
  return { page, html, post };
}

describe("email sign-in link", () => {
  it("sends a link by SMTP that signs in once, in the browser that asked", async () => {
    const { res, jar } = await ask("Sofia.Desk@example.org");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/sign-in/email");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cita_console_link="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/console\/sign-in/);
    expect(cookie).toMatch(/Max-Age=900/);
    expect(sessions()).toEqual([]);

    expect(await send()).toMatchObject({ sent: 1 });
    expect(sink.received[0]!.to).toEqual(["sofia.desk@example.org"]);
    const link = lastLink();
    // Only the hash of the link's secret and of the browser's cookie are stored.
    const [id, secret] = link.split("/").at(-1)!.split(".");
    const everything = dumpTables(t);
    expect(everything).not.toContain(secret!);
    expect(everything).not.toContain(jar.get("cita_console_link")!);
    expect(everything).toContain(await sha256Hex(secret!));

    const { html, post } = await openLink(link, jar);
    expect(textOf(html)).toContain("Sign in with your link");
    expect(post!.status).toBe(303);
    expect(post!.headers.get("location")).toBe("/console");
    jar.take(post!);
    expect(sessions()).toEqual([{ user_id: userId, method: "email", token_hash: null }]);
    expect((await t.app.request("/console/queue", { headers: { cookie: jar.header() } })).status).toBe(200);
    expect(t.database.sqlite.prepare("SELECT used_at FROM sign_in_links WHERE id = ?").get(id)).toEqual({ used_at: t.clock.now() });

    // A role change is seen on the next request; disabling the user ends the session at once.
    await t.post("/v1/users", { name: "Other Admin", email: "other.admin@example.org", role: "admin" });
    await t.patch(`/v1/users/${userId}`, { role: "admin" });
    expect(textOf(await (await t.app.request("/console/queue", { headers: { cookie: jar.header() } })).text())).toContain("Sofía Desk · Admin");
    expect((await t.post(`/v1/users/${userId}/disable`)).status).toBe(200);
    expect((await t.app.request("/console/queue", { headers: { cookie: jar.header() } })).status).toBe(303);
    expect(sessions()).toEqual([]);
    await t.post(`/v1/users/${userId}/enable`);

    // A second use: refused, nothing changed.
    const before = dumpTables(t);
    const again = await openLink(link, jar);
    expect(again.page.status).toBe(410);
    expect(textOf(again.html)).toContain("This sign-in link was already used.");
    expect(dumpTables(t)).toBe(before);
  });

  it("answers an unknown or disabled address the same way, and sends nothing", async () => {
    const known = await ask("sofia.desk@example.org");
    const unknown = await ask("nobody@example.org");
    const gone = (await t.post("/v1/users", { name: "Gone", email: "gone@example.org", role: "scheduler", officeIds: ["bogota"] })).json.id;
    await t.post(`/v1/users/${gone}/disable`);
    const disabled = await ask("gone@example.org");
    for (const r of [known, unknown, disabled]) {
      expect(r.res.status).toBe(303);
      expect(r.res.headers.get("location")).toBe("/console/sign-in/email");
      expect(r.res.headers.getSetCookie().some((c) => c.startsWith("cita_console_link="))).toBe(true);
    }
    const page = await t.app.request("/console/sign-in/email");
    expect(textOf(await page.text())).toContain("If this address belongs to a Cita account, a sign-in link is on its way.");
    expect(await send()).toMatchObject({ sent: 1 });
    expect(sink.received.map((m) => m.to)).toEqual([["sofia.desk@example.org"]]);
  });

  it("refuses the link in another browser and leaves it usable in the one that asked", async () => {
    const { jar } = await ask("sofia.desk@example.org");
    await send();
    const link = lastLink();
    const before = dumpTables(t);
    const otherCookie = new Jar();
    otherCookie.set("cita_console_link", "lb_another-browser-cookie");
    for (const other of [new Jar(), otherCookie]) {
      const { page, html } = await openLink(link, other);
      expect(page.status).toBe(403);
      expect(textOf(html)).toContain("This sign-in link was asked for in another browser.");
    }
    // A POST from another browser with a form token it made up is refused too.
    const forged = await t.app.request(link, { method: "POST", body: new URLSearchParams({ csrf: "x" }), headers: { cookie: "cita_console_link=lb_other" } });
    expect(forged.status).toBe(403);
    expect(dumpTables(t)).toBe(before);
    expect((await openLink(link, jar)).post!.status).toBe(303);
  });

  it("refuses the link after 15 minutes, and changes nothing", async () => {
    const { jar } = await ask("sofia.desk@example.org");
    await send();
    const link = lastLink();
    t.clock.advance(15 * 60_000);
    const before = dumpTables(t);
    const { page, html } = await openLink(link, jar);
    expect(page.status).toBe(410);
    expect(textOf(html)).toContain("This sign-in link has expired");
    // The form shown a moment before expiry does not sign in after it.
    t.clock.advance(-1);
    const shown = await t.app.request(link, { headers: { cookie: jar.header() } });
    const csrf = /name="csrf" value="([^"]*)"/.exec(await shown.text())?.[1];
    t.clock.advance(1);
    expect(csrf).toBeDefined();
    const post = await t.app.request(link, { method: "POST", body: new URLSearchParams({ csrf: csrf! }), headers: { cookie: jar.header() } });
    expect(post.status).toBe(410);
    expect(sessions()).toEqual([]);
    expect(dumpTables(t)).toBe(before);
  });

  it("does not send a link that expired while waiting in the outbox", async () => {
    await ask("sofia.desk@example.org");
    t.clock.advance(15 * 60_000);
    expect(await send()).toMatchObject({ skipped: 1, sent: 0 });
    expect(sink.received).toEqual([]);
  });

  it("refuses a made-up or altered link, and a disabled user's link", async () => {
    const { jar } = await ask("sofia.desk@example.org");
    await send();
    const link = lastLink();
    for (const bad of [`${link.slice(0, -2)}xx`, "/console/sign-in/link/sil_nothing.secret", "/console/sign-in/link/garbage"]) {
      expect((await openLink(bad, jar)).page.status).toBe(404);
    }
    await t.post(`/v1/users/${userId}/disable`);
    const { page, html } = await openLink(link, jar);
    expect(page.status).toBe(403);
    expect(textOf(html)).toContain("This account is disabled.");
    expect(sessions()).toEqual([]);
  });

  it("writes the email in the language of the page that asked, and refuses a malformed address naming the field", async () => {
    await ask("sofia.desk@example.org", new Jar(), "es");
    await send();
    expect(leaves(sink.received[0]!.message).find((p) => p.type === "text/plain")!.body).toContain("Abra este enlace para entrar en la consola de Cita");
    const bad = await ask("not an email", new Jar(), "es");
    expect(bad.res.status).toBe(422);
    expect(textOf(await bad.res.text())).toContain("Correo electrónico: escriba una dirección de correo");
  });

  it("refuses the request without the sign-in form's token, and writes nothing", async () => {
    const before = dumpTables(t);
    const res = await t.app.request("/console/sign-in/email", { method: "POST", body: new URLSearchParams({ email: "sofia.desk@example.org", csrf: "forged" }) });
    expect(res.status).toBe(403);
    expect(dumpTables(t)).toBe(before);
  });
});
