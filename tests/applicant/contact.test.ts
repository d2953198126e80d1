// The pages tell the applicant to contact the office: every page of a link shows how, in the
// applicant's language, with only what the office made public.
import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/demo/seed.js";
import { LANGUAGES } from "../../src/pages/language.js";
import { strings } from "../../src/pages/strings/index.js";
import { ADMIN, makeApp } from "../helpers/app.js";
import { at, linkApp, open, textOf, type TestApp } from "./helpers.js";

const PUBLIC = { phone: "+5716000000", publicEmail: "citas@oficina.example" };
const SENDER = "no-reply@relay.example";

let t: TestApp;
afterEach(() => t?.close());

describe("the office's public contact in the API", () => {
  it("is set, shown and cleared through the office resource", async () => {
    ({ t } = await linkApp());
    const res = await t.patch("/v1/offices/bogota", { ...PUBLIC, email: SENDER });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ...PUBLIC, email: SENDER });
    expect((await t.get("/v1/offices/bogota")).json.publicEmail).toBe(PUBLIC.publicEmail);
    expect((await t.patch("/v1/offices/bogota", { publicEmail: null })).json.publicEmail).toBeNull();
    const created = await t.post("/v1/offices", {
      id: "quito",
      name: "SMO Quito",
      country: "EC",
      timeZone: "America/Guayaquil",
      address: "La Mariscal",
      hours: [],
      publicEmail: "quito@oficina.example",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ publicEmail: "quito@oficina.example", phone: null });
  });

  it("refuses a malformed phone or email with a 422 naming the field, and changes nothing", async () => {
    ({ t } = await linkApp());
    await t.patch("/v1/offices/bogota", PUBLIC);
    const before = (await t.get("/v1/offices/bogota")).json;
    for (const [body, path] of [
      [{ publicEmail: "citas at oficina" }, "publicEmail"],
      [{ publicEmail: "" }, "publicEmail"],
      [{ phone: "601 600 0000" }, "phone"],
      [{ phone: "+57 1 600 0000", publicEmail: "citas@oficina.example" }, "phone"],
    ] as const) {
      const res = await t.patch("/v1/offices/bogota", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect((await t.get("/v1/offices/bogota")).json).toEqual(before);
  });

  it("is in the OpenAPI document", async () => {
    ({ t } = await linkApp());
    const doc = (await t.get("/openapi.json", { token: null })).json;
    for (const name of ["OfficeCreate", "OfficeUpdate"]) {
      expect(doc.components.schemas[name].properties.publicEmail, name).toMatchObject({ format: "email", description: expect.stringContaining("applicant") });
    }
    expect(doc.components.schemas.Office.properties.publicEmail).toMatchObject({ type: ["string", "null"] });
    expect(doc.components.schemas.Office.required).toContain("publicEmail");
  });
});

describe("the office's contact on the applicant pages", () => {
  it("shows the public phone and email on every page of a link, in all four languages, never the sending mailbox", async () => {
    const app = await linkApp({ start: at("10:00") });
    t = app.t;
    await t.patch("/v1/offices/bogota", { ...PUBLIC, email: SENDER });
    const pages = ["", "/slots", "/cancel", "/done?did=confirmed"];
    const check = async (path: string, lang: (typeof LANGUAGES)[number]) => {
      const res = await open(t, `${app.path}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
      expect(res.status, path).toBe(200);
      expect(textOf(res.text), `${lang} ${path}`).toContain(strings[lang].contactTitle);
      expect(res.text).toContain(`href="tel:${PUBLIC.phone}"`);
      expect(res.text).toContain(`href="mailto:${PUBLIC.publicEmail}"`);
      expect(res.text).not.toContain(SENDER);
    };
    for (const lang of LANGUAGES) for (const page of pages) await check(page, lang);
    await t.post(`/v1/appointments/${app.appointment.id}/cancel`, { reason: "Asked to" });
    for (const lang of LANGUAGES) await check("/done?did=cancelled", lang);
  });

  it("without a phone or public email, points to the office's address instead", async () => {
    const app = await linkApp();
    t = app.t;
    await t.patch("/v1/offices/bogota", { email: SENDER });
    const text = textOf((await open(t, `${app.path}/slots?lang=en`)).text);
    expect(text).toContain("How to contact the office Address SMO Bogotá Calle 100 # 8A-55, Bogotá");
    const page = (await open(t, app.path)).text;
    expect(page).not.toContain("tel:");
    expect(page).not.toContain("mailto:");
    expect(page).not.toContain(SENDER);
  });

  it("is there for every demo office", async () => {
    t = makeApp();
    const { links } = await seedDemo(async (path, init) => t.app.request(path, init), ADMIN, Date.parse("2026-11-23T12:00:00Z"));
    for (const o of (await t.get("/v1/offices")).json.items) expect(o, o.id).toMatchObject({ phone: expect.stringMatching(/^\+\d+$/), publicEmail: expect.stringContaining("@") });
    const page = await open(t, new URL(links[0]!).pathname);
    expect(page.text).toMatch(/href="tel:\+\d+"/);
    expect(page.text).toMatch(/href="mailto:informacion\.\w\w@movilidadsegura\.example"/);
  });
});
