// A shared phone shows these pages to whoever holds it: no string in any language, and no page
// as rendered, names the programme's agencies, the kind of case or anything like it.
import { afterEach, describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/pages/language.js";
import { strings, type Strings } from "../../src/pages/strings/index.js";
import { css } from "../../src/pages/styles.js";
import { at, linkApp, open, textOf, type TestApp } from "./helpers.js";

/** Agencies and the kind of case, in the four languages (whole words where they are short). */
const FORBIDDEN = [
  /(?<!\p{L})(unhcr|acnur|hcr|iom|oim|usrap)(?!\p{L})/iu,
  /refug|réfugi|refijye|refije/iu,
  /asyl|asilo|asile|(?<!\p{L})azil/iu,
  /resettle|reasent|réinstall|reyenstal/iu,
  /protecci|protection|pwoteksyon/iu,
  /interview|entrevista|entretien|entrevi/iu,
  /counsel|asesor[ií]a|consejer|orientaci/iu,
  /(?<!\p{L})(track|parole|migra\p{L}*|inmigra\p{L}*|immigra\p{L}*)(?!\p{L})/iu,
];

/** Every string a language can produce, functions called with the values pages give them. */
function everyString(s: Strings): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (typeof value === "function") {
      for (const args of [[1], [2], [15], [45], [60], [90], [120], ["lunes 7 de diciembre", "viernes 11 de diciembre"]]) walk((value as (...a: unknown[]) => unknown)(...args));
    } else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(s);
  return out;
}

const offending = (text: string) => FORBIDDEN.filter((re) => re.test(text)).map(String);

let t: TestApp;
afterEach(() => t?.close());

describe("discretion", () => {
  it("the word lists catch what they must, and let ordinary words through", () => {
    for (const word of ["UNHCR", "Acnur", "OIM", "IOM", "HCR", "refugee", "Refugiado", "réfugié", "refijye", "asylum", "asilo", "asile", "azil", "protección", "track"]) {
      expect(offending(`Su ${word} cita`), word).not.toEqual([]);
    }
    expect(offending("Idioma Kreyòl Français lunes")).toEqual([]);
  });

  it("no string of any language says them", () => {
    for (const lang of LANGUAGES) {
      const all = everyString(strings[lang]);
      expect(all.length).toBeGreaterThan(60);
      for (const text of all) expect(offending(text), `${lang}: ${text}`).toEqual([]);
    }
    expect(offending(css)).toEqual([]);
  });

  it("every language has every string, none empty", () => {
    const keys = Object.keys(strings.es).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(strings[lang]).sort(), lang).toEqual(keys);
      for (const text of everyString(strings[lang])) expect(text.trim(), lang).not.toBe("");
      expect(strings[lang].bring.length).toBe(strings.es.bring.length);
    }
  });

  it("no page says them, in any language, whatever the state", async () => {
    const app = await linkApp({ start: at("10:00") });
    t = app.t;
    const pages = ["", "/slots", "/slots?week=2026-12-14", "/cancel", "/done?did=confirmed"];
    const check = async (path: string) => {
      const res = await open(t, path);
      expect(offending(textOf(res.text)), path).toEqual([]);
      // Attributes too (titles, labels), but not the link token, which is random text.
      expect(offending(res.text.replaceAll(app.token, "TOKEN").replace(/value="[^"]*"/g, "")), path).toEqual([]);
    };
    for (const lang of LANGUAGES) {
      for (const page of pages) await check(`${app.path}${page}${page.includes("?") ? "&" : "?"}lang=${lang}`);
      await check(`/a/nothing?lang=${lang}`);
    }
    await t.post(`/v1/appointments/${app.appointment.id}/cancel`, { reason: "x" });
    for (const lang of LANGUAGES) await check(`${app.path}/done?did=cancelled&lang=${lang}`);
  });
});
