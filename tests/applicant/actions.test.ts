// Confirm, reschedule and cancel through the link: each acts only on POST, redirects to a page
// that confirms it, writes history as "applicant" and queues the usual messages.
import { afterEach, describe, expect, it } from "vitest";
import { act, at, book, formTokenOf, history, linkApp, open, submit, textOf, type TestApp } from "./helpers.js";

let t: TestApp;
afterEach(() => t?.close());

const kinds = async (id: string) => ((await t.get(`/v1/notifications?appointmentId=${id}`)).json.items as { kind: string }[]).map((n) => n.kind);
const state = async (id: string) => (await t.get(`/v1/appointments/${id}`)).json;

describe("confirm", () => {
  it("confirms, shows it, records the applicant, and a second tap changes nothing", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    const csrf = formTokenOf((await open(t, path)).text)!;
    const res = await submit(t, `${path}/confirm`, { csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${path}/done?did=confirmed`);
    const done = textOf((await open(t, res.headers.get("location")!)).text);
    expect(done).toContain("Gracias. Su cita está confirmada.");
    expect(done).toContain("Confirmada");
    expect((await state(appointment.id)).status).toBe("confirmed");
    expect((await history(t, appointment.id)).at(-1)).toMatchObject({ actor: "applicant", action: "confirm" });
    const again = await submit(t, `${path}/confirm`, { csrf });
    expect(again.headers.get("location")).toBe(`${path}/done?did=confirmed`);
    expect((await history(t, appointment.id)).filter((h) => h.action === "confirm")).toHaveLength(1);
  });
});

describe("reschedule", () => {
  it("moves to another day: the new time on the page, history by the applicant, an update queued", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    await act(t, path, `${path}/confirm`);
    const res = await act(t, `${path}/slots?week=2026-12-07`, `${path}/reschedule?lang=en`, { start: "2026-12-09T16:00:00Z" });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/a\/[^/]+\/done\?did=rescheduled&lang=en$/);
    const done = textOf((await open(t, location)).text);
    expect(done).toContain("Done. Your appointment has a new date.");
    expect(done).toContain("Wednesday 9 December, 11:00");
    expect(done).toContain("Scheduled");
    expect(done).toContain("You can change the date 1 more time.");
    const now = await state(appointment.id);
    expect(now).toMatchObject({ status: "scheduled", start: "2026-12-09T16:00:00Z", sequence: 1, uid: appointment.uid });
    expect((await history(t, appointment.id)).at(-1)).toMatchObject({
      actor: "applicant",
      action: "reschedule",
      from: { start: "2026-12-07T15:00:00Z" },
      to: { start: "2026-12-09T16:00:00Z" },
    });
    expect((await kinds(appointment.id)).filter((k) => k === "update").length).toBeGreaterThan(0);
    // The page moved to a link that lives as long as the new time; the old link still opens it.
    expect(textOf((await open(t, path)).text)).toContain("Miércoles 9 de diciembre, 11:00");
    // Sending the same form twice (a retry on a bad connection) moves nothing more.
    const twice = await act(t, `${path}/slots?week=2026-12-07`, `${path}/reschedule`, { start: "2026-12-09T16:00:00Z" });
    expect(twice.status).toBe(303);
    expect((await state(appointment.id)).sequence).toBe(1);
  });

  it("allows the office's number of moves (2 by default, or the office's setting), then refuses", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    for (const start of ["2026-12-09T16:00:00Z", "2026-12-10T16:00:00Z"]) {
      expect((await act(t, `${path}/slots?week=2026-12-07`, `${path}/reschedule`, { start })).status).toBe(303);
    }
    const page = await open(t, path);
    expect(textOf(page.text)).toContain("Ya no puede cambiar la fecha por aquí.");
    expect(page.text).not.toContain("/slots");
    const third = await act(t, path, `${path}/reschedule`, { start: "2026-12-11T16:00:00Z" });
    expect(third.status).toBe(409);
    expect(textOf(third.text)).toContain("Ya no puede cambiar la fecha por aquí.");
    expect((await state(appointment.id)).start).toBe("2026-12-10T16:00:00Z");

    await t.patch("/v1/offices/bogota", { settings: { applicantRescheduleLimit: 1 } });
    const other = await book(t, at("12:00", "2026-12-14"));
    expect((await act(t, other.path, `${other.path}/reschedule`, { start: "2026-12-15T16:00:00Z" })).status).toBe(303);
    expect((await act(t, other.path, `${other.path}/reschedule`, { start: "2026-12-16T16:00:00Z" })).status).toBe(409);
  });

  it("refuses within 24 hours of the start, and says to call the office", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    t.clock.set(Date.parse("2026-12-06T15:30:00Z")); // 23.5 hours before 10:00 on the 7th
    const res = await act(t, path, `${path}/reschedule`, { start: "2026-12-09T16:00:00Z" });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain("Faltan menos de 24 horas");
    expect((await state(appointment.id)).start).toBe("2026-12-07T15:00:00Z");
    // The reschedule page itself is no longer offered.
    expect(textOf((await open(t, `${path}/slots`)).text)).toContain("Faltan menos de 24 horas");
    t.clock.set(Date.parse("2026-12-06T14:59:00Z")); // 24 hours and a minute before: still possible
    expect((await act(t, path, `${path}/reschedule`, { start: "2026-12-09T16:00:00Z" })).status).toBe(303);
  });

  it("explains a time that was just taken, one outside the window, and a form sent without a time", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    const page = await open(t, `${path}/slots?week=2026-12-07`);
    await book(t, "2026-12-09T11:00:00-05:00");
    const csrf = formTokenOf(page.text)!;
    const taken = await submit(t, `${path}/reschedule`, { csrf, start: "2026-12-09T16:00:00Z" });
    expect(taken.status).toBe(409);
    expect(textOf(taken.text)).toContain("Otra persona acaba de tomar esa hora.");
    expect(taken.text).toContain('type="radio"');
    const outside = await submit(t, `${path}/reschedule`, { csrf, start: "2026-12-21T14:00:00Z" });
    expect(outside.status).toBe(422);
    expect(textOf(outside.text)).toContain("Esa hora no está disponible para usted.");
    const none = await submit(t, `${path}/reschedule`, { csrf });
    expect(none.status).toBe(422);
    expect(textOf(none.text)).toContain("Elija una hora de la lista.");
    expect((await state(appointment.id)).sequence).toBe(0);
  });
});

describe("cancel", () => {
  it("asks once more; only the POST cancels; then no action is left", async () => {
    const { t: app, path, appointment } = await linkApp();
    t = app;
    const question = await open(t, `${path}/cancel`);
    expect(question.status).toBe(200);
    expect(textOf(question.text)).toContain("¿Cancelar su cita?");
    expect(question.text).toContain(`action="${path}/cancel"`);
    expect((await state(appointment.id)).status).toBe("scheduled");
    const res = await act(t, `${path}/cancel`, `${path}/cancel`);
    expect(res.status).toBe(303);
    const done = await open(t, res.headers.get("location")!);
    expect(textOf(done.text)).toContain("Su cita fue cancelada.");
    expect(done.text).not.toContain("<form");
    expect((await state(appointment.id)).status).toBe("cancelled");
    expect((await history(t, appointment.id)).at(-1)).toMatchObject({ actor: "applicant", action: "cancel", to: { status: "cancelled" } });
    expect(await kinds(appointment.id)).toContain("cancel");
    // The question is not offered any more; the address leads back to the appointment.
    expect(textOf((await open(t, `${path}/cancel`)).text)).toContain("Cancelada");
  });
});
