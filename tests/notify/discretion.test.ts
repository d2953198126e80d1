// A phone may be shared: nothing sent to an applicant names the agency, the track or why the
// person has a case, in any language, in any template, kind or channel.
import { describe, expect, it } from "vitest";
import type { MailMessage, TextMessage } from "../../src/deps.js";
import { inviteDescription } from "../../src/notify/invite.js";
import { dispatchDue } from "../../src/notify/dispatcher.js";
import { renderEmail, renderSms } from "../../src/notify/render.js";
import { texts, type Facts, type Kind } from "../../src/notify/texts.js";
import { renderReply, replyTexts, type Answer } from "../../src/notify/reply-texts.js";
import type { Language } from "../../src/i18n/dates.js";
import { at, booking, newCase } from "../helpers/booking.js";
import { daytimeApp, depsFor } from "./deps.js";

const FORBIDDEN = [
  "refugee",
  "refugiad",
  "refugie",
  "réfugié",
  "refijye",
  "refuge",
  "asylum",
  "asilo",
  "asile",
  "azil",
  "unhcr",
  "acnur",
  "interview",
  "counseling",
  "entrevista",
  "protección",
  "protection",
];
/** Short names are whole words: "hcr" or "iom" inside another word ("idioma") says nothing. */
const FORBIDDEN_WORDS = /(?<!\p{L})(hcr|iom|oim)(?!\p{L})/iu;

const languages: Language[] = ["es", "en", "ht", "fr"];
const kinds: Kind[] = ["invite", "update", "cancel", "reminder"];

function assertDiscreet(label: string, text: string) {
  // Ids and link tokens are random letters: take them out so they cannot spell a word by chance,
  // after joining folded iCalendar lines, which can split a token in two.
  const words = text
    .replace(/\r?\n[ \t]/g, "")
    .toLowerCase()
    .replace(/\/a\/[\w.-]+/g, "/a/")
    .replace(/(apt|ntf|case|usr|stf)_[0-9a-z]+/g, "$1");
  for (const word of FORBIDDEN) expect(words.includes(word), `${label} says "${word}": ${text}`).toBe(false);
  expect(words, label).not.toMatch(FORBIDDEN_WORDS);
  expect(words, label).not.toMatch(/undefined|null|\[object/);
}

describe("discretion", () => {
  const facts = (kind: Kind): Facts => ({
    office: "Oficina de Movilidad Segura, Bogotá",
    address: "Calle 100 # 8A-55, Bogotá",
    when: "martes 1 de diciembre, 08:00",
    link: kind === "cancel" ? null : "https://cita.example/a/TOKEN",
    phone: "+5716000000",
  });

  for (const language of languages) {
    it(`every ${language} template, for every kind and channel`, () => {
      const w = texts[language];
      let checked = 0;
      for (const kind of kinds) {
        const f = facts(kind);
        const email = renderEmail(language, kind, f);
        for (const [part, text] of Object.entries(email)) assertDiscreet(`${language} ${kind} email ${part}`, text);
        for (const [i, template] of w.sms[kind].entries()) assertDiscreet(`${language} ${kind} sms #${i}`, template(f));
        assertDiscreet(`${language} ${kind} sms chosen`, renderSms(language, kind, f).body);
        checked += 4 + w.sms[kind].length;
      }
      assertDiscreet(`${language} invite summary`, w.summary(facts("invite")));
      assertDiscreet(`${language} invite description`, inviteDescription(language, facts("invite"), false));
      assertDiscreet(`${language} cancelled invite description`, inviteDescription(language, facts("cancel"), true));
      expect(checked).toBeGreaterThanOrEqual(24);
    });

    it(`every ${language} answer to a text-message reply`, () => {
      const answers = Object.entries(replyTexts[language]);
      expect(answers.length).toBe(5);
      for (const [answer, template] of answers) {
        assertDiscreet(`${language} reply ${answer}`, template(facts("invite")));
        assertDiscreet(`${language} reply ${answer} chosen`, renderReply(language, answer as Answer, facts("invite")));
      }
    });
  }

  it("holds for everything actually sent and served, on both tracks, in all four languages", async () => {
    const t = await daytimeApp();
    try {
      await t.post("/v1/services", {
        id: "unhcr-interview",
        name: "UNHCR interview",
        agency: "UNHCR",
        durationMinutes: 60,
        bufferMinutes: 0,
        window: { minDays: 14, maxDays: 28 },
      });
      await t.patch("/v1/staff/ana", { serviceIds: ["iom-counseling", "unhcr-interview"] });
      await t.patch("/v1/offices/bogota", { email: "bogota@movilidad.example", phone: "+5716000000" });
      const ids: { iom: string; unhcr: string }[] = [];
      const starts = ["09:00", "10:00", "11:00", "12:00"];
      for (const [i, language] of languages.entries()) {
        const pair = { iom: "", unhcr: "" };
        for (const track of ["IOM", "UNHCR"] as const) {
          const caseId = await newCase(t, { language, track, legalStatus: "asylum-seeker" });
          const serviceId = track === "IOM" ? "iom-counseling" : "unhcr-interview";
          const res = await t.post("/v1/appointments", booking(caseId, at(starts[i]!, track === "IOM" ? "2026-12-07" : "2026-12-09"), { serviceId }));
          expect(res.status, res.text).toBe(201);
          pair[track === "IOM" ? "iom" : "unhcr"] = res.json.id;
        }
        ids.push(pair);
      }
      const mail: MailMessage[] = [];
      const sms: TextMessage[] = [];
      const deps = depsFor(t, { mailer: { send: async (m) => void mail.push(m) }, sms: { send: async (m) => void sms.push(m) } });
      await dispatchDue(deps, { limit: 100 });
      for (const [i, pair] of ids.entries()) {
        expect((await t.post(`/v1/appointments/${pair.iom}/reschedule`, { start: at(starts[i]!, "2026-12-10") })).status).toBe(200);
        expect((await t.post(`/v1/appointments/${pair.unhcr}/cancel`, { reason: "Asylum case moved to another office" })).status).toBe(200);
      }
      await dispatchDue(deps, { limit: 100 });
      const served = await Promise.all(ids.flatMap((p) => [p.iom, p.unhcr]).map(async (id) => (await t.get(`/v1/appointments/${id}/invite.ics`)).text));
      t.clock.set(Date.parse("2026-12-08T15:00:00Z")); // every reminder is due by now
      await dispatchDue(deps, { limit: 100 });

      const kindsSent = new Set(mail.map((m) => m.subject.split(":")[0]));
      expect(kindsSent.size).toBe(16); // four kinds in four languages
      expect(sms.length).toBe(mail.length);
      for (const m of mail) for (const text of [m.subject, m.text, m.html ?? "", m.calendar?.content ?? "", m.fromName ?? ""]) assertDiscreet(`mail "${m.subject}"`, text);
      for (const m of sms) assertDiscreet("sms", m.body);
      for (const ics of served) assertDiscreet("invite.ics", ics);
    } finally {
      t.close();
    }
  });
});
