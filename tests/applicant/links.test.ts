// Signed links: a good link opens the page; a bad, altered, expired or revoked one gets the one
// 404 page, byte for byte the same; staff can revoke and re-issue.
import { afterEach, describe, expect, it } from "vitest";
import { openLink } from "../../src/domain/applicant/link.js";
import { LINK_DAYS_AFTER } from "../../src/domain/links.js";
import { bogota, token as userToken } from "../helpers/fixtures.js";
import { depsOf, history, linkApp, open, type TestApp } from "./helpers.js";
import { fromSocket } from "./sockets.js";

let t: TestApp;
afterEach(() => t?.close());

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
const notFound = async (path: string, headers: Record<string, string> = {}) => open(t, path, headers);

describe("applicant links", () => {
  it("open the appointment's page, and every kind of bad link gets the same 404 page", async () => {
    const app = await linkApp();
    t = app.t;
    expect((await open(t, app.path)).status).toBe(200);
    const reference = await notFound("/a/not-a-token");
    expect(reference.status).toBe(404);
    expect(reference.headers.get("content-type")).toMatch(/^text\/html/);
    expect(reference.text).toContain("Este enlace no funciona");
    const variants = [
      `/a/${app.token}x`,
      `/a/${app.token.slice(0, -1)}`,
      `/a/${app.token.replace(".", "..")}`,
      `/a/${app.token.split(".")[0]}`,
      `/a/${app.token}/no-such-page`,
      "/a/",
      `/a/${"A".repeat(5000)}`,
    ];
    for (const path of variants) {
      const res = await notFound(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toBe(reference.text);
    }
  });

  it("refuse every single-character change of a token", async () => {
    const app = await linkApp();
    t = app.t;
    // Every substitution at every position, checked where the pages check it…
    const { token } = app;
    const deps = depsOf(t);
    let tried = 0;
    for (let i = 0; i < token.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === token[i]) continue;
        const altered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(await openLink(deps, altered), altered).toBeNull();
        tried++;
      }
    }
    expect(tried).toBe(token.length * (ALPHABET.length - 1));
    expect(await openLink(deps, token)).not.toBeNull();
    // …and one change per position through HTTP, from many addresses so the limits stay out of it.
    const reference = await notFound("/a/x");
    for (let i = 0; i < token.length; i++) {
      const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      const res = await fromSocket(t, `198.51.100.${i % 250}`, `/a/${altered}`);
      expect(res.status).toBe(404);
      expect(res.text).toBe(reference.text);
    }
  });

  it(`expire ${LINK_DAYS_AFTER} days after the appointment ends`, async () => {
    const app = await linkApp();
    t = app.t;
    const end = Date.parse(app.appointment.end);
    const reference = await notFound("/a/x");
    t.clock.set(end + LINK_DAYS_AFTER * 86_400_000 - 60_000);
    expect((await open(t, app.path)).status).toBe(200);
    t.clock.set(end + LINK_DAYS_AFTER * 86_400_000 + 60_000);
    const expired = await open(t, app.path);
    expect(expired.status).toBe(404);
    expect(expired.text).toBe(reference.text);
  });

  it("are revoked and re-issued by staff: the old link gets the 404 page, the new one works", async () => {
    const app = await linkApp();
    t = app.t;
    const reissued = await t.post(`/v1/appointments/${app.appointment.id}/link`);
    expect(reissued.status).toBe(200);
    expect(reissued.json).toMatchObject({ id: app.appointment.id, status: "scheduled", uid: app.appointment.uid });
    expect(reissued.json.selfServiceUrl).not.toBe(app.appointment.selfServiceUrl);
    const old = await open(t, app.path);
    expect(old.status).toBe(404);
    expect(old.text).toBe((await notFound("/a/x")).text);
    expect((await open(t, new URL(reissued.json.selfServiceUrl).pathname)).status).toBe(200);
    expect((await history(t, app.appointment.id)).at(-1)).toMatchObject({ actor: "admin-token", action: "link_reissued" });
    // The appointment's own reading shows the newest link too.
    expect((await t.get(`/v1/appointments/${app.appointment.id}`)).json.selfServiceUrl).toBe(reissued.json.selfServiceUrl);
  });

  it("may be re-issued by an admin or a scheduler of the appointment's office only", async () => {
    const app = await linkApp();
    t = app.t;
    const path = `/v1/appointments/${app.appointment.id}/link`;
    await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
    const own = await userToken(t, { role: "scheduler", officeIds: ["bogota"] });
    const other = await userToken(t, { role: "scheduler", officeIds: ["quito"] });
    const interviewer = await userToken(t, { role: "interviewer", staffId: "ana" });
    expect((await t.post(path, undefined, { token: own })).status).toBe(200);
    expect((await t.post(path, undefined, { token: other })).status).toBe(403);
    expect((await t.post(path, undefined, { token: interviewer })).status).toBe(403);
    expect((await t.post(path, undefined, { token: null })).status).toBe(401);
    expect((await t.post("/v1/appointments/apt_missing/link")).status).toBe(404);
  });

  it("choose the 404 page's language from ?lang= or Accept-Language, never from the link", async () => {
    const app = await linkApp();
    t = app.t;
    const fr = await notFound("/a/x", { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" });
    expect(fr.text).toContain('lang="fr"');
    expect(fr.text).toContain("Ce lien ne fonctionne pas");
    expect((await notFound("/a/x?lang=ht")).text).toContain("Lyen sa a pa mache");
    expect((await notFound("/a/x?lang=ht")).text).toBe((await notFound(`/a/${app.token}z?lang=ht`)).text);
  });
});
