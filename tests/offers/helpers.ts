// A Bogotá office (counselor Ana, es/en, weekdays 09:00–13:00) at 10:00 local on Monday
// 2026-11-23, a case booked on 2026-12-07 at 10:00, and what the offer tests do with it.
import { eq, sql } from "drizzle-orm";
import { appointments, freedTimes, notifications, offers } from "../../src/db/schema.js";
import { sweepOffers } from "../../src/domain/offers-sweep.js";
import { offerToken } from "../../src/domain/offers-link.js";
import { at, booking, newCase, type TestApp } from "../helpers/booking.js";
import { daytimeApp } from "../notify/deps.js";

export { at, booking, newCase };

export const FREED = at("10:00");

/** The app with one booked case (the time that will be freed) and the office's batch size. */
export async function offersApp(batch = 3, options?: Parameters<typeof daytimeApp>[0]) {
  const t = await daytimeApp(options);
  const res = await t.patch("/v1/offices/bogota", { settings: { offerBatchSize: batch } });
  if (res.status !== 200) throw new Error(res.text);
  // The holder has no phone: replies from the test phone are about the offer alone.
  const holder = await newCase(t, { reference: "HOLDER", contact: { email: "holder@example.org" } });
  const appointment = await t.post("/v1/appointments", booking(holder, FREED, { staffId: "ana" }));
  if (appointment.status !== 201) throw new Error(appointment.text);
  return { t, holder, appointmentId: appointment.json.id as string };
}

/** Cancels the held time and lets the background sweep offer it. */
export async function freeIt(t: TestApp, appointmentId: string) {
  const res = await t.post(`/v1/appointments/${appointmentId}/cancel`, { reason: "Moved away" });
  if (res.status !== 200) throw new Error(res.text);
  await sweepOffers(t.deps);
}

export const offersOf = (t: TestApp) => t.database.db.select().from(offers).orderBy(offers.id);

export async function offerFor(t: TestApp, caseId: string) {
  const [row] = await t.database.db.select().from(offers).where(eq(offers.caseId, caseId));
  if (!row) throw new Error(`no offer for ${caseId}`);
  return row;
}

export const linkOf = async (t: TestApp, offerId: string) => `/o/${await offerToken(t.deps, offerId)}`;

/** The offer page's form token, read from the page as a browser would. */
export async function formOf(t: TestApp, path: string): Promise<string> {
  const page = await t.get(path, { token: null });
  const match = /name="csrf" value="([^"]+)"/.exec(page.text);
  if (!match) throw new Error(`no form on ${path}: ${page.status}`);
  return match[1]!;
}

export function postForm(t: TestApp, path: string, form: Record<string, string>) {
  return t.call("POST", path, { token: null, body: new URLSearchParams(form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

export async function acceptByLink(t: TestApp, offerId: string) {
  const link = await linkOf(t, offerId);
  return postForm(t, `${link}/accept`, { csrf: await formOf(t, link) });
}

/** Live appointments that overlap another's on the same interviewer: must always be 0. */
export async function doubleBookings(t: TestApp): Promise<number> {
  const [row] = await t.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${appointments} a JOIN ${appointments} b
    ON a.staff_id = b.staff_id AND a.id < b.id AND a.start_at < b.hold_until AND b.start_at < a.hold_until
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`);
  return row!.n;
}

export const liveAt = (t: TestApp, start: string) =>
  t.database.db
    .select()
    .from(appointments)
    .where(sql`${appointments.startAt} = ${Date.parse(start)} AND ${appointments.status} <> 'cancelled'`);

export const offerMessages = (t: TestApp) => t.database.db.select().from(notifications).where(eq(notifications.kind, "offer"));

export const rounds = (t: TestApp) => t.database.db.select().from(freedTimes);
