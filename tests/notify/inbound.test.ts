// Replies by text message through POST /sms/inbound, delivered as Twilio delivers them: a
// form-encoded webhook signed with the auth token. The invitation goes out first through the
// local Twilio-speaking server, so the reply is matched as in life: by the number it was sent to.
import { afterEach, describe, expect, it } from "vitest";
import { countSegments } from "../../src/notify/segments.js";
import type { TestApp } from "../helpers/app.js";
import { daytimeApp } from "./deps.js";
import { startTwilioFake, type TwilioFake } from "./sinks.js";
import { AUTH_TOKEN, INBOUND_URL, PHONE, acceptTexts, deliver, inboundForm, messageOf, recordedReplies, textedAppointment, twilioSignature } from "./inbound.js";

let t: TestApp;
let fake: TwilioFake;
afterEach(async () => {
  t?.close();
  await fake?.close();
});

async function setUp(caseOver: Record<string, unknown> = {}) {
  t = await daytimeApp();
  fake = await startTwilioFake();
  acceptTexts(t);
  return textedAppointment(t, fake, caseOver);
}

/** What a reply may change: the appointment, its history and its outbox, and the case. */
async function state(id: string, caseId: string) {
  const [appointment, history, outbox, caseRow] = await Promise.all([
    t.get(`/v1/appointments/${id}`),
    t.get(`/v1/appointments/${id}/history`),
    t.get(`/v1/notifications?appointmentId=${id}`),
    t.get(`/v1/cases/${caseId}`),
  ]);
  return { appointment: appointment.json, history: history.json, outbox: outbox.json, caseRow: caseRow.json, replies: await recordedReplies(t) };
}

describe("POST /sms/inbound: the signature", () => {
  it("refuses a missing, wrong or replayed-elsewhere signature with 403 and changes nothing", async () => {
    const a = await setUp();
    const before = await state(a.id, a.caseId);
    const form = inboundForm("1");
    const attempts = [
      await deliver(t, form, null),
      await deliver(t, form, "not base64!"),
      await deliver(t, form, twilioSignature("another-token", INBOUND_URL, form)),
      await deliver(t, form, twilioSignature(AUTH_TOKEN, "http://elsewhere.test/sms/inbound", form)),
      // Signed for "2", delivered as "1": the body was altered on the way.
      await deliver(t, form, twilioSignature(AUTH_TOKEN, INBOUND_URL, { ...form, Body: "2" })),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json).toMatchObject({ status: 403, type: "/problems/forbidden" });
    }
    expect(await state(a.id, a.caseId)).toEqual(before);
    expect(before.replies).toEqual([]);
  });

  it("refuses every delivery while no auth token is configured", async () => {
    const a = await setUp();
    Object.assign(t.deps.config, { smsAuthToken: null });
    const res = await deliver(t, inboundForm("1"));
    expect(res.status).toBe(403);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("scheduled");
  });

  it("names the missing field (422) and refuses a body that is not a form (415) once signed", async () => {
    await setUp();
    const { MessageSid: _, ...noSid } = inboundForm("1");
    const res = await deliver(t, noSid);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ path: "MessageSid", message: expect.any(String) }]);
    const json = await t.call("POST", "/sms/inbound", {
      token: null,
      body: JSON.stringify(inboundForm("1")),
      headers: { "content-type": "application/json", "x-twilio-signature": twilioSignature(AUTH_TOKEN, INBOUND_URL, {}) },
    });
    expect(json.status).toBe(415);
    expect(await recordedReplies(t)).toEqual([]);
  });
});

describe("POST /sms/inbound: replies", () => {
  it("1 confirms the appointment, recorded as the applicant's, and says so in TwiML", async () => {
    const a = await setUp();
    const res = await deliver(t, inboundForm(" 1 "));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(messageOf(res.text)).toBe("Cita confirmada: lunes 7 de diciembre, 10:00, SMO Bogotá.");
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("confirmed");
    expect((await t.get(`/v1/appointments/${a.id}/history`)).json.items.at(-1)).toMatchObject({ action: "confirm", actor: "applicant" });
  });

  it("2 asks first; a second 2 within 30 minutes cancels, through the applicant's transition", async () => {
    const a = await setUp({ language: "en" });
    const ask = await deliver(t, inboundForm("2"));
    expect(messageOf(ask.text)).toBe("To cancel your appointment on Monday 7 December, 10:00, reply 2 again.");
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("scheduled");
    t.clock.advance(29 * 60_000);
    const sure = await deliver(t, inboundForm("2"));
    expect(messageOf(sure.text)).toBe("Your appointment on Monday 7 December, 10:00 has been cancelled.");
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("cancelled");
    expect((await t.get(`/v1/appointments/${a.id}/history`)).json.items.at(-1)).toMatchObject({ action: "cancel", actor: "applicant" });
    const outbox = (await t.get(`/v1/notifications?appointmentId=${a.id}`)).json.items;
    expect(outbox.filter((n: { kind: string }) => n.kind === "cancel").map((n: { channel: string }) => n.channel)).toEqual(["sms"]);
  });

  it("a second 2 after the 30 minutes, or after another reply, only asks again", async () => {
    const a = await setUp();
    await deliver(t, inboundForm("2"));
    t.clock.advance(31 * 60_000);
    expect(messageOf((await deliver(t, inboundForm("2"))).text)).toMatch(/^Para cancelar su cita/);
    await deliver(t, inboundForm("hola"));
    expect(messageOf((await deliver(t, inboundForm("2"))).text)).toMatch(/^Para cancelar su cita/);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("scheduled");
  });

  const help = {
    es: "Su cita: lunes 7 de diciembre, 10:00, SMO Bogota. Responda 1 para confirmar o 2 para cancelar.",
    en: "Your appointment: Monday 7 December, 10:00, SMO Bogota. Reply 1 to confirm or 2 to cancel.",
    ht: "Randevou ou: lendi 7 desanm, 10:00, SMO Bogota. Reponn 1 pou konfime oswa 2 pou anile.",
    fr: "Votre rendez-vous : lundi 7 décembre, 10:00, SMO Bogota. Répondez 1 pour confirmer ou 2 pour annuler.",
  };
  for (const [language, text] of Object.entries(help)) {
    it(`anything else gets the help text in the case's language (${language}), one segment, nothing changed`, async () => {
      const a = await setUp({ language });
      const before = await state(a.id, a.caseId);
      const res = await deliver(t, inboundForm("what is this?"));
      expect(messageOf(res.text)).toBe(text);
      expect(countSegments(messageOf(res.text)!).segments).toBe(1);
      const after = await state(a.id, a.caseId);
      expect({ ...after, replies: undefined }).toEqual({ ...before, replies: undefined });
    });
  }

  it("an unknown number, or one corrected away from the case, gets an empty answer and changes nothing", async () => {
    const a = await setUp();
    const stranger = await deliver(t, inboundForm("1", { From: "+573009999999" }));
    expect(stranger.status).toBe(200);
    expect(stranger.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    await t.patch(`/v1/cases/${a.caseId}`, { contact: { phone: "+573005550000" } });
    const old = await deliver(t, inboundForm("1", { From: PHONE }));
    expect(old.text).toBe(stranger.text);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("scheduled");
  });

  it("a repeated delivery of one MessageSid changes nothing and answers the same", async () => {
    const a = await setUp();
    const first = inboundForm("2");
    const asked = await deliver(t, first);
    t.clock.advance(60_000);
    // Had the repeat counted as a second reply, this 2 would only ask again.
    expect((await deliver(t, first)).text).toBe(asked.text);
    const second = inboundForm("2");
    const cancelled = await deliver(t, second);
    expect(messageOf(cancelled.text)).toMatch(/fue cancelada/);
    const once = await state(a.id, a.caseId);
    const again = await Promise.all([deliver(t, second), deliver(t, second)]);
    for (const res of again) expect(res.text).toBe(cancelled.text);
    expect(await state(a.id, a.caseId)).toEqual(once);
    expect(once.history.items.filter((h: { action: string }) => h.action === "cancel")).toHaveLength(1);
  });
});
