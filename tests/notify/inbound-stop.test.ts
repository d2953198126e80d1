// STOP and START as carriers require: after a stop word no text message goes to the number
// (the dispatcher skips it, saying why), START resumes. CANCEL is a carrier stop word, so it
// stops messages and never cancels the appointment.
import { afterEach, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.js";
import { daytimeApp } from "./deps.js";
import { startTwilioFake, type TwilioFake } from "./sinks.js";
import { acceptTexts, deliver, inboundForm, messageOf, sendDue, stoppedAt, textedAppointment } from "./inbound.js";

let t: TestApp;
let fake: TwilioFake;
afterEach(async () => {
  t?.close();
  await fake?.close();
});

const EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

async function setUp() {
  t = await daytimeApp();
  fake = await startTwilioFake();
  acceptTexts(t);
  return textedAppointment(t, fake);
}

const reminders = async (id: string) =>
  (await t.get(`/v1/notifications?appointmentId=${id}`)).json.items.filter((n: { kind: string }) => n.kind === "reminder") as {
    sendAfter: string;
    status: string;
    lastError: string | null;
  }[];

describe("STOP and START by text message", () => {
  it("after STOP a reminder is not sent; START resumes the next one", async () => {
    const a = await setUp();
    expect(fake.accepted).toHaveLength(1);
    const stop = await deliver(t, inboundForm("Stop"));
    expect(stop.text).toBe(EMPTY);
    expect(await stoppedAt(t, a.caseId)).toBe(t.clock.now());
    const [first, second] = await reminders(a.id);
    t.clock.set(Date.parse(first!.sendAfter));
    expect(await sendDue(t, fake)).toMatchObject({ skipped: 1, sent: 0 });
    expect(fake.accepted).toHaveLength(1);
    expect((await reminders(a.id))[0]).toMatchObject({ status: "failed", lastError: "skipped: the number asked for no more text messages (STOP)" });
    expect((await deliver(t, inboundForm("START"))).text).toBe(EMPTY);
    expect(await stoppedAt(t, a.caseId)).toBeNull();
    t.clock.set(Date.parse(second!.sendAfter));
    expect(await sendDue(t, fake)).toMatchObject({ sent: 1 });
    expect(fake.accepted.at(-1)!.form.Body).toMatch(/^Recordatorio/);
  });

  for (const word of ["STOPALL", "unsubscribe", "CANCEL", "end", "Quit."]) {
    it(`${word} stops text messages and changes nothing else`, async () => {
      const a = await setUp();
      expect((await deliver(t, inboundForm(word))).text).toBe(EMPTY);
      expect(await stoppedAt(t, a.caseId)).not.toBeNull();
      expect((await t.get(`/v1/appointments/${a.id}`)).json).toMatchObject({ status: "scheduled", sequence: a.sequence });
    });
  }

  for (const word of ["yes", "UNSTOP"]) {
    it(`${word} resumes them like START`, async () => {
      const a = await setUp();
      await deliver(t, inboundForm("STOP"));
      expect((await deliver(t, inboundForm(word))).text).toBe(EMPTY);
      expect(await stoppedAt(t, a.caseId)).toBeNull();
    });
  }

  it("a stopped number's 1 still confirms, but nothing is sent back", async () => {
    const a = await setUp();
    await deliver(t, inboundForm("STOP"));
    expect((await deliver(t, inboundForm("1"))).text).toBe(EMPTY);
    expect((await t.get(`/v1/appointments/${a.id}`)).json.status).toBe("confirmed");
    await deliver(t, inboundForm("START"));
    expect(messageOf((await deliver(t, inboundForm("1"))).text)).toMatch(/^Cita confirmada/);
  });

  it("a stop word from a number that is no case's changes nothing", async () => {
    const a = await setUp();
    expect((await deliver(t, inboundForm("STOP", { From: "+573009999999" }))).text).toBe(EMPTY);
    expect(await stoppedAt(t, a.caseId)).toBeNull();
  });
});
