// A reply meets an appointment that staff change: at the same moment (one wins, nothing is
// half-written), or earlier (the reply acts on the appointment as it now is, and its answer
// names the time it now has).
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../helpers/app.js";
import { at } from "../helpers/booking.js";
import { gate } from "../helpers/gate.js";
import { daytimeApp } from "./deps.js";
import { startTwilioFake, type TwilioFake } from "./sinks.js";
import { acceptTexts, deliver, inboundForm, messageOf, recordedReplies, textedAppointment } from "./inbound.js";

let t: TestApp;
let racing: TestApp | undefined;
let fake: TwilioFake;
afterEach(async () => {
  racing?.database.close();
  racing = undefined;
  t?.close();
  await fake?.close();
});

async function setUp(caseOver: Record<string, unknown> = {}) {
  t = await daytimeApp();
  fake = await startTwilioFake();
  acceptTexts(t);
  return textedAppointment(t, fake, caseOver);
}

const appointment = async (id: string) => (await t.get(`/v1/appointments/${id}`)).json;
const history = async (id: string) => (await t.get(`/v1/appointments/${id}/history`)).json.items as { action: string; actor: string }[];

describe("a reply and a staff change", () => {
  it("racing: a 1 and a staff reschedule at the same moment, exactly one wins", async () => {
    const a = await setUp();
    // A second connection whose writes wait until both competitors have read the appointment.
    racing = makeApp({ file: t.file, wrap: gate(2), now: new Date(t.clock.now()).toISOString() });
    acceptTexts(racing);
    const [moved, reply] = await Promise.all([racing.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00") }), deliver(racing, inboundForm("1"))]);
    const now = await appointment(a.id);
    const actions = (await history(a.id)).map((h) => h.action);
    if (moved.status === 200) {
      expect(now).toMatchObject({ status: "scheduled", start: "2026-12-07T16:00:00Z" });
      expect(actions).toEqual(["booked", "reschedule"]);
      // The reply lost: it answers with the appointment as it now is.
      expect(messageOf(reply.text)).toBe("Su cita: lunes 7 de diciembre, 11:00, SMO Bogota. Responda 1 para confirmar o 2 para cancelar.");
    } else {
      expect(moved.status).toBe(409);
      expect(now).toMatchObject({ status: "confirmed", start: "2026-12-07T15:00:00Z" });
      expect(actions).toEqual(["booked", "confirm"]);
      expect(messageOf(reply.text)).toMatch(/^Cita confirmada: lunes 7 de diciembre, 10:00/);
    }
    // Only the winner wrote to the outbox: an update for a move, nothing for a confirmation.
    const kinds = (await t.get(`/v1/notifications?appointmentId=${a.id}`)).json.items.map((n: { kind: string }) => n.kind);
    expect(kinds.includes("update")).toBe(moved.status === 200);
  });

  it("a staff reschedule landing between the reply's read and its write wins; the reply writes nothing and names the new time", async () => {
    const a = await setUp();
    let staffMove: Promise<{ status: number }> | null = null;
    racing = makeApp({
      file: t.file,
      now: new Date(t.clock.now()).toISOString(),
      // The reply's first write waits for a scheduler's move, made on another connection.
      wrap: (database) => ({
        db: database.db,
        batch: async (statements) => {
          staffMove ??= t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00") });
          expect((await staffMove).status).toBe(200);
          return database.batch(statements);
        },
      }),
    });
    acceptTexts(racing);
    const reply = await deliver(racing, inboundForm("1"));
    expect(staffMove).not.toBeNull();
    expect(messageOf(reply.text)).toBe("Su cita: lunes 7 de diciembre, 11:00, SMO Bogota. Responda 1 para confirmar o 2 para cancelar.");
    expect(await appointment(a.id)).toMatchObject({ status: "scheduled", start: "2026-12-07T16:00:00Z" });
    expect((await history(a.id)).map((h) => h.action)).toEqual(["booked", "reschedule"]);
    const recorded = (await recordedReplies(t)).map(({ action, sequence }) => ({ action, sequence }));
    expect(recorded).toEqual([{ action: "help", sequence: a.sequence + 1 }]);
  });

  it("after a move, 1 confirms the appointment at its new time and says that time", async () => {
    const a = await setUp();
    expect((await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00") })).status).toBe(200);
    const res = await deliver(t, inboundForm("1"));
    expect(messageOf(res.text)).toBe("Cita confirmada: lunes 7 de diciembre, 11:00, SMO Bogotá.");
    expect(await appointment(a.id)).toMatchObject({ status: "confirmed", start: "2026-12-07T16:00:00Z" });
  });

  it("a 2 asked before a move does not cancel after it: the second 2 asks again about the new time", async () => {
    const a = await setUp({ language: "fr" });
    await deliver(t, inboundForm("2"));
    await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00") });
    const again = await deliver(t, inboundForm("2"));
    expect(messageOf(again.text)).toBe("Pour annuler votre rendez-vous du lundi 7 décembre, 11:00, répondez 2 encore une fois.");
    expect((await appointment(a.id)).status).toBe("scheduled");
    expect(messageOf((await deliver(t, inboundForm("2"))).text)).toBe("Votre rendez-vous du lundi 7 décembre, 11:00 est annulé.");
    expect((await appointment(a.id)).status).toBe("cancelled");
  });

  it("after staff cancelled it, a reply changes nothing and is told so in the case's language", async () => {
    const a = await setUp({ language: "ht" });
    await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Office closed" });
    const before = await history(a.id);
    for (const body of ["1", "2", "2"]) {
      const res = await deliver(t, inboundForm(body));
      expect(messageOf(res.text)).toMatch(/^Randevou ou lendi 7 desanm, 10:00 pa ka chanje pa mesaj ankò\./);
    }
    expect((await appointment(a.id)).status).toBe("cancelled");
    expect(await history(a.id)).toEqual(before);
  });
});
