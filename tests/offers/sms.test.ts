// Offers by text message: the words in all four languages (one segment, discreet), sent through
// the local Twilio-speaking server, and accepted by the reply code through the signed webhook.
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointments } from "../../src/db/schema.js";
import { ACCEPT_CODE, offerTexts, renderOfferSms } from "../../src/notify/offer-texts.js";
import { localDateTimeWords, type Language } from "../../src/i18n/dates.js";
import { offerUrl } from "../../src/domain/offers-link.js";
import type { TestApp } from "../helpers/app.js";
import { startTwilioFake, type TwilioFake } from "../notify/sinks.js";
import { PHONE, acceptTexts, deliver, inboundForm, messageOf, sendDue } from "../notify/inbound.js";
import { FREED, doubleBookings, freeIt, liveAt, newCase, offerFor, offersApp } from "./helpers.js";

const FORBIDDEN = /refug|asyl|asilo|asile|azil|unhcr|acnur|interview|entrevista|counsel|protec|(?<!\p{L})(hcr|iom|oim)(?!\p{L})|programa?|track/iu;
const languages: Language[] = ["es", "en", "ht", "fr"];

describe("offer texts", () => {
  it("fit one segment in every language with the real link (two with a long office name), and name no agency or programme", async () => {
    const t = (await offersApp(1)).t;
    try {
      const link = await offerUrl({ ...t.deps, config: { ...t.deps.config, publicUrl: "https://cita.example.org" } }, "ofr_01m84eqjc033fzjmpvhd");
      for (const lang of languages) {
        // A Wednesday in September: the longest day and month names.
        const when = localDateTimeWords(Date.parse("2026-09-30T15:00:00Z"), "America/Bogota", lang);
        const facts = { office: "SMO Bogotá", when, until: when, link };
        const sms = renderOfferSms(lang, facts);
        expect(sms.count.segments, `${lang}: ${sms.body}`).toBe(1);
        expect(renderOfferSms(lang, { ...facts, office: "Oficina de Movilidad Segura, Ciudad de Guatemala" }).count.segments).toBe(2);
        expect(sms.body).toContain(link);
        expect(sms.body).toContain(` ${ACCEPT_CODE}`);
        const w = offerTexts[lang];
        for (const text of [sms.body, w.subject(facts), w.body(facts), w.taken(facts), w.gone, ...w.sms.map((s) => s(facts))]) {
          expect(text.replace(link, ""), `${lang}: ${text}`).not.toMatch(FORBIDDEN);
        }
      }
    } finally {
      t.close();
    }
  });
});

describe("accepting by the reply code", () => {
  let t: TestApp;
  let fake: TwilioFake;
  afterEach(async () => {
    t?.close();
    await fake?.close();
  });

  it("books the time for the first code and answers the second that it is gone", async () => {
    const app = await offersApp(2);
    t = app.t;
    fake = await startTwilioFake();
    acceptTexts(t);
    const OTHER = "+573009998877";
    const first = await newCase(t, { screenedAt: "2026-11-20", contact: { phone: PHONE } });
    const second = await newCase(t, { screenedAt: "2026-11-21", contact: { phone: OTHER }, language: "en" });
    await freeIt(t, app.appointmentId);
    await sendDue(t, fake);
    const sent = fake.requests.map((r) => r.form).filter((f) => f.Body!.includes(`Reply ${ACCEPT_CODE}`) || f.Body!.includes(`Responda ${ACCEPT_CODE}`));
    expect(sent.map((f) => f.To).sort()).toEqual([OTHER, PHONE].sort());
    expect(sent.find((f) => f.To === PHONE)!.Body).toMatch(
      /^Hora m[aá]s temprana: lunes 7 de diciembre, 10:00, SMO Bogot[aá]\. Responda 3 para tomarla o: http:\/\/cita\.test\/o\//,
    );

    const won = await deliver(t, inboundForm(" 3. "));
    expect(won.status).toBe(200);
    expect(messageOf(won.text)).toBe("Listo: su cita es ahora el lunes 7 de diciembre, 10:00, SMO Bogotá.");
    expect((await liveAt(t, FREED))[0]).toMatchObject({ caseId: first });
    // A repeated delivery of the same message changes nothing and answers the same.
    const form = inboundForm("3", { From: OTHER });
    const lost = await deliver(t, form);
    expect(messageOf(lost.text)).toBe("Sorry: that time is no longer available. Nothing changed.");
    expect(messageOf((await deliver(t, form)).text)).toBe(messageOf(lost.text));
    expect(await t.database.db.select().from(appointments).where(eq(appointments.caseId, second))).toEqual([]);
    expect((await offerFor(t, second)).status).toBe("gone");
    expect(await doubleBookings(t)).toBe(0);
  });

  it("means nothing from a number no offer was sent to, and nothing after the case's number changed", async () => {
    const app = await offersApp(1);
    t = app.t;
    fake = await startTwilioFake();
    acceptTexts(t);
    const waiting = await newCase(t, { contact: { phone: PHONE } });
    await freeIt(t, app.appointmentId);
    await sendDue(t, fake);
    const stranger = await deliver(t, inboundForm("3", { From: "+573005550000" }));
    expect(messageOf(stranger.text)).toBeNull();
    await t.patch(`/v1/cases/${waiting}`, { contact: { phone: "+573001112233" } });
    expect(messageOf((await deliver(t, inboundForm("3"))).text)).toBeNull();
    expect(await liveAt(t, FREED)).toEqual([]);
    expect((await offerFor(t, waiting)).status).toBe("open");
  });
});
