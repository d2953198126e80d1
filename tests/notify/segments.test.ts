// SMS segment counting (GSM-7 / UCS-2) and the choice of wording that keeps a message in one segment.
import { describe, expect, it } from "vitest";
import { chooseSms, countSegments, isGsm7, toGsm7 } from "../../src/notify/segments.js";
import { renderSms } from "../../src/notify/render.js";
import { texts, type Kind } from "../../src/notify/texts.js";
import { localDateTimeWords, type Language } from "../../src/i18n/dates.js";

describe("segment counting", () => {
  it("counts GSM-7: 160 in one segment, then 153 per segment", () => {
    expect(countSegments("")).toEqual({ encoding: "GSM-7", units: 0, segments: 1 });
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
    expect(countSegments("Mañana, miércoles: ¿sé? ¡Ñandù! àèéìòù ÄÖÜ ß Ç").encoding).toBe("GSM-7");
  });

  it("counts GSM-7 extension characters twice and never splits one across segments", () => {
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("€".repeat(80) + "a").segments).toBe(2);
    expect(countSegments("[]{}|~^\\").units).toBe(16);
    // 152 plain + one € (2) does not fit in 153 once split: the € opens the second segment.
    expect(countSegments("a".repeat(152) + "€" + "a".repeat(152)).segments).toBe(3);
    expect(countSegments("a".repeat(151) + "€" + "a".repeat(153)).segments).toBe(2);
  });

  it("counts UCS-2 when one letter is outside GSM-7: 70 in one segment, then 67", () => {
    expect(isGsm7("Bogotá")).toBe(false);
    expect(countSegments("á".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(countSegments("á".repeat(71)).segments).toBe(2);
    expect(countSegments("á".repeat(134)).segments).toBe(2);
    expect(countSegments("á".repeat(135)).segments).toBe(3);
    // An emoji is two UTF-16 units and stays whole: 66 + 🙂 does not fit in 67.
    expect(countSegments("🙂".repeat(35))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(countSegments("á".repeat(66) + "🙂" + "á".repeat(66)).segments).toBe(3);
    expect(countSegments("á".repeat(65) + "🙂" + "á".repeat(67)).segments).toBe(2);
  });

  it("spells letters outside GSM-7 with their nearest GSM-7 letter", () => {
    expect(toGsm7("Bogotá, sábado, août, Ciudad de Panamá — «sí»")).toBe('Bogota, sabado, aout, Ciudad de Panama - "si"');
    expect(isGsm7(toGsm7("mèkredi jiyè oktòb Bogotá"))).toBe(true);
    expect(toGsm7("日本")).toBe("日本"); // no near spelling: kept as written
  });

  it("chooses the fullest wording that fits one segment, as written before respelled", () => {
    expect(chooseSms(["Cita el sábado", "x"]).body).toBe("Cita el sábado");
    const long = `Su cita es el sábado en Bogotá. ${"x".repeat(60)}`;
    expect(chooseSms([long, "corto"])).toEqual({ body: toGsm7(long), count: { encoding: "GSM-7", units: long.length, segments: 1 } });
    const tooLong = "á".repeat(200);
    expect(chooseSms([tooLong, "b".repeat(170)]).count.segments).toBe(2);
  });
});

describe("the text messages Cita sends", () => {
  const link = `https://cita.example.org/a/${"x".repeat(47)}.${"y".repeat(24)}`; // a real link's length
  const start = Date.UTC(2026, 8, 30, 14, 0); // a Wednesday in September: the longest date words

  for (const language of ["es", "en", "ht", "fr"] as Language[]) {
    for (const kind of ["invite", "update", "cancel", "reminder"] as Kind[]) {
      it(`${language} ${kind}: one segment with a short office name, carrying when, where and the link`, () => {
        const when = localDateTimeWords(start, "America/Bogota", language);
        const facts = { office: "SMO Bogotá", address: "Calle 100 # 8A-55", when, link: kind === "cancel" ? null : link, phone: "+5716000000" };
        const sms = renderSms(language, kind, facts);
        expect(sms.count.segments, sms.body).toBe(1);
        expect(sms.body).toContain(toGsm7(when).slice(0, 6));
        expect(sms.body).toMatch(/SMO Bogot/);
        if (kind !== "cancel") expect(sms.body).toContain(link);
        else expect(sms.body).not.toContain("/a/");
      });
    }
  }

  it("with a long office name takes as few segments as it can", () => {
    const when = localDateTimeWords(start, "America/Bogota", "es");
    const facts = { office: "Oficina de Movilidad Segura, Ciudad de Guatemala", address: "x", when, link, phone: null };
    const sms = renderSms("es", "invite", facts);
    const all = texts.es.sms.invite.flatMap((f) => [f(facts), toGsm7(f(facts))]).map((b) => countSegments(b).segments);
    expect(sms.count.segments).toBe(Math.min(...all));
    expect(sms.count.segments).toBe(2);
    expect(sms.count.encoding).toBe("GSM-7");
  });
});
