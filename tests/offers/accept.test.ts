// Accepting an offer by its link: the first accept gets the time, atomically, through the same
// booking as any other; a booked case's old appointment is moved, not doubled; the others are told
// it is gone; declined and expired offers pass to the next case; bad links and forms write nothing.
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointments, offers } from "../../src/db/schema.js";
import { sweepOffers } from "../../src/domain/offers-sweep.js";
import { offerStrings } from "../../src/pages/applicant/offer-strings.js";
import { FREED, acceptByLink, at, booking, doubleBookings, formOf, freeIt, linkOf, liveAt, newCase, offerFor, offersApp, offersOf, postForm, rounds } from "./helpers.js";
import type { TestApp } from "../helpers/app.js";

let t: TestApp;
afterEach(() => t?.close());

const rowCounts = async (t: TestApp) => ({
  appointments: (await t.database.db.select().from(appointments)).length,
  offers: (await offersOf(t)).map((o) => o.status).join(","),
});

/** One waiting case with the freed time offered to it, in `t`: the case, its offer and the offer's link. */
async function oneOpenOffer() {
  const app = await offersApp(1);
  t = app.t;
  const waiting = await newCase(t);
  await freeIt(t, app.appointmentId);
  const offer = await offerFor(t, waiting);
  return { waiting, offer, link: await linkOf(t, offer.id) };
}

describe("accepting an offer by its link", () => {
  it("books the time for the first to accept and tells the next one it is gone", async () => {
    const app = await offersApp(2);
    t = app.t;
    const first = await newCase(t, { screenedAt: "2026-11-20" });
    const second = await newCase(t, { screenedAt: "2026-11-21" });
    await freeIt(t, app.appointmentId);

    const page = await t.get(await linkOf(t, (await offerFor(t, first)).id), { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Lunes 7 de diciembre, 10:00");
    expect(page.text).toContain("Aceptar esta hora");

    const secondLink = await linkOf(t, (await offerFor(t, second)).id);
    const secondForm = await formOf(t, secondLink);
    const won = await acceptByLink(t, (await offerFor(t, first)).id);
    expect(won.status).toBe(200);
    expect(won.text).toContain("Su cita es ahora el Lunes 7 de diciembre, 10:00");
    const [booked] = await liveAt(t, FREED);
    expect(booked).toMatchObject({ caseId: first, staffId: "ana", status: "scheduled" });

    const before = await rowCounts(t);
    const lost = await postForm(t, `${secondLink}/accept`, { csrf: secondForm });
    expect(lost.status).toBe(409);
    expect(lost.text).toContain("Esta hora ya no está disponible");
    expect(await rowCounts(t)).toEqual(before);
    expect((await offerFor(t, second)).status).toBe("gone");

    // Staff see both offers on the case.
    const listed = await t.get(`/v1/cases/${first}/offers`);
    expect(listed.json.items).toMatchObject([{ status: "accepted", bookedAppointmentId: booked!.id, start: "2026-12-07T15:00:00Z" }]);
  });

  it("moves a booked case's later appointment in the same batch: one appointment, the old time freed", async () => {
    const app = await offersApp(1);
    t = app.t;
    const mover = await newCase(t);
    const later = await t.post("/v1/appointments", booking(mover, at("11:00", "2026-12-14")));
    await freeIt(t, app.appointmentId);
    const offer = await offerFor(t, mover);
    expect(offer.appointmentId).toBe(later.json.id);

    expect((await acceptByLink(t, offer.id)).status).toBe(200);
    const rows = await t.database.db.select().from(appointments).where(eq(appointments.caseId, mover));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: later.json.id, startAt: Date.parse(FREED), status: "scheduled", sequence: 1 });
    const history = await t.get(`/v1/appointments/${later.json.id}/history`);
    expect(history.json.items.map((h: { action: string; actor: string }) => `${h.action}:${h.actor}`)).toEqual([
      "booked:admin-token",
      "reschedule:applicant",
      "offer_accepted:applicant",
    ]);
    // The time it left is free, and the next sweep offers it in turn (to the case that gave up 12-07).
    await sweepOffers(t.deps);
    const [next] = (await rounds(t)).filter((r) => r.status === "open");
    expect(next).toMatchObject({ startAt: Date.parse(at("11:00", "2026-12-14")), fromCaseId: mover });
    expect((await offerFor(t, app.holder)).freedTimeId).toBe(next!.id);
    expect(await doubleBookings(t)).toBe(0);
  });

  it("gives the time to exactly one of many accepts racing over HTTP", async () => {
    const app = await offersApp(12);
    t = app.t;
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await newCase(t));
    await freeIt(t, app.appointmentId);
    const made = await offersOf(t);
    expect(made).toHaveLength(12);
    const forms = await Promise.all(made.map(async (o) => ({ link: await linkOf(t, o.id), csrf: await formOf(t, await linkOf(t, o.id)) })));
    const answers = await Promise.all(forms.map((f) => postForm(t, `${f.link}/accept`, { csrf: f.csrf })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const losers = answers.filter((a) => a.status === 409);
    expect(losers).toHaveLength(11);
    // Each loser is told it is gone and offered no second Accept, even when its own offer still
    // read open because the winner's batch had not marked it yet.
    for (const a of losers) {
      expect(Object.values(offerStrings).some((w) => a.text.includes(w.gone))).toBe(true);
      expect(a.text).not.toContain("/accept?");
    }
    expect(await liveAt(t, FREED)).toHaveLength(1);
    expect(await doubleBookings(t)).toBe(0);
    expect((await offersOf(t)).filter((o) => o.status === "accepted")).toHaveLength(1);
  });

  it("loses cleanly to a staff booking that took the time first", async () => {
    const { waiting, link } = await oneOpenOffer();
    const csrf = await formOf(t, link);
    expect((await t.post("/v1/appointments", booking(await newCase(t, { reference: "DESK" }), FREED, { staffId: "ana" }))).status).toBe(201);

    const answer = await postForm(t, `${link}/accept`, { csrf });
    expect(answer.status).toBe(409);
    expect(await t.database.db.select().from(appointments).where(eq(appointments.caseId, waiting))).toEqual([]);
    expect((await offerFor(t, waiting)).status).toBe("gone");
    expect(await doubleBookings(t)).toBe(0);
  });

  it("offers the next case when one declines, and when one lets the offer expire", async () => {
    const app = await offersApp(1);
    t = app.t;
    const a = await newCase(t, { screenedAt: "2026-11-20" });
    const b = await newCase(t, { screenedAt: "2026-11-21" });
    const c = await newCase(t, { screenedAt: "2026-11-22" });
    await freeIt(t, app.appointmentId);
    const link = await linkOf(t, (await offerFor(t, a)).id);
    const declined = await postForm(t, `${link}/decline`, { csrf: await formOf(t, link) });
    expect(declined.status).toBe(200);
    expect((await offerFor(t, a)).status).toBe("declined");
    const next = await offerFor(t, b);
    expect(next.status).toBe("open");

    const nextLink = await linkOf(t, next.id);
    const nextForm = await formOf(t, nextLink);
    t.clock.set(next.expiresAt);
    // An accept at the moment it expires is refused, writes nothing, and the page says why.
    const late = await postForm(t, `${nextLink}/accept`, { csrf: nextForm });
    expect(late.status).toBe(409);
    expect(late.text).toContain("El tiempo para aceptar esta hora terminó");
    expect(await liveAt(t, FREED)).toEqual([]);
    await sweepOffers(t.deps);
    expect((await offerFor(t, b)).status).toBe("expired");
    expect((await offerFor(t, c)).status).toBe("open");
  });

  it("refuses bad links and forms with a clear page and writes nothing", async () => {
    const { offer, link } = await oneOpenOffer();
    const before = await rowCounts(t);

    for (const bad of ["/o/nonsense", `${link.slice(0, -2)}xy`, `/o/${offer.id}`, link.replace(offer.id, offer.id.slice(0, -1) + (offer.id.endsWith("z") ? "y" : "z"))]) {
      const res = await t.get(bad, { token: null });
      expect(res.status, bad).toBe(404);
      expect(res.text).toContain("Este enlace no funciona");
      expect((await postForm(t, `${bad}/accept`, { csrf: "x" })).status).toBe(404);
    }
    const noForm = await postForm(t, `${link}/accept`, { csrf: "forged" });
    expect(noForm.status).toBe(403);
    expect(await rowCounts(t)).toEqual(before);
    expect((await t.database.db.select().from(offers).where(eq(offers.id, offer.id)))[0]!.status).toBe("open");
  });
});
