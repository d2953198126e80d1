// GET /v1/appointments/{id}/invite.ics through the app, read back with ical.js.
import { afterEach, describe, expect, it } from "vitest";
import { at, booking, bookingApp, newCase, type TestApp } from "../helpers/booking.js";
import { bogota, token } from "../helpers/fixtures.js";
import { lineOctets, parseCalendar, value } from "./ical.js";

let t: TestApp;
afterEach(() => t?.close());

async function booked(caseOver: Record<string, unknown> = {}, start = at("10:00")) {
  const res = await t.post("/v1/appointments", booking(await newCase(t, caseOver), start));
  if (res.status !== 201) throw new Error(res.text);
  return res.json;
}

async function invite(id: string, tokenValue?: string) {
  const res = await t.get(`/v1/appointments/${id}/invite.ics`, tokenValue ? { token: tokenValue } : {});
  expect(res.status, res.text).toBe(200);
  return { res, ...parseCalendar(res.text), text: res.text };
}

describe("the appointment's invite", () => {
  it("is a METHOD:REQUEST with the appointment's UID, SEQUENCE and exact UTC times", async () => {
    t = await bookingApp();
    await t.patch("/v1/offices/bogota", { email: "bogota@movilidad.example" });
    const a = await booked();
    const { res, method, events, text } = await invite(a.id);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(method).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(value(e, "uid")).toBe(a.uid);
    expect(value(e, "sequence")).toBe("0");
    expect(value(e, "dtstart")).toBe("2026-12-07T15:00:00Z");
    expect(value(e, "dtend")).toBe("2026-12-07T16:00:00Z");
    expect(value(e, "dtstamp")).toBe("2026-11-23T12:00:00Z");
    expect(value(e, "status")).toBe("CONFIRMED");
    expect(text).toMatch(/\r\nDTSTART:20261207T150000Z\r\n/);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(e.getAllProperties("organizer")).toHaveLength(1);
    expect(value(e, "organizer")).toMatch(/^mailto:bogota@movilidad\.example$/i);
    expect(e.getFirstProperty("organizer")!.getParameter("cn")).toBe("SMO Bogotá");
    expect(value(e, "attendee")).toMatch(/^mailto:applicant@example\.org$/i);
    expect(value(e, "location")).toBe("SMO Bogotá, Calle 100 # 8A-55, Bogotá");
    const description = value(e, "description")!;
    expect(description).toContain("lunes 7 de diciembre, 10:00");
    expect(description).toContain(a.selfServiceUrl);
    expect(value(e, "summary")).toBe("Cita — SMO Bogotá");
  });

  it("keeps its UID for life: a reschedule raises SEQUENCE, a cancellation is METHOD:CANCEL with STATUS:CANCELLED", async () => {
    t = await bookingApp();
    const a = await booked();
    t.clock.advance(60_000);
    const moving = await t.post(`/v1/appointments/${a.id}/reschedule`, { start: at("11:00", "2026-12-09") });
    expect(moving.status, moving.text).toBe(200);
    const moved = await invite(a.id);
    expect(moved.method).toBe("REQUEST");
    expect(value(moved.events[0]!, "uid")).toBe(a.uid);
    expect(value(moved.events[0]!, "sequence")).toBe("1");
    expect(value(moved.events[0]!, "dtstart")).toBe("2026-12-09T16:00:00Z");
    expect(value(moved.events[0]!, "dtstamp")).toBe("2026-11-23T12:01:00Z");
    expect(value(moved.events[0]!, "description")).toContain("miércoles 9 de diciembre, 11:00");

    expect((await t.post(`/v1/appointments/${a.id}/cancel`, { reason: "Asked to" })).status).toBe(200);
    const cancelled = await invite(a.id);
    expect(cancelled.res.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(cancelled.method).toBe("CANCEL");
    const e = cancelled.events[0]!;
    expect(value(e, "uid")).toBe(a.uid);
    expect(value(e, "sequence")).toBe("2");
    expect(value(e, "status")).toBe("CANCELLED");
    expect(value(e, "dtstart")).toBe("2026-12-09T16:00:00Z");
    expect(value(e, "organizer")).toMatch(/^mailto:/i);
    expect(value(e, "attendee")).toMatch(/^mailto:applicant@example\.org$/i);
    // Nothing left to act on: no personal link in a cancelled invite.
    expect(value(e, "description")).not.toContain("/a/");
  });

  it("folds long Spanish and Creole lines at 75 octets without splitting a letter, and they unfold back exactly", async () => {
    t = await bookingApp();
    const name = "Oficina de Movilidad Segura «Bogotá» — atención en español, kreyòl ayisyen; sábado y domingo cerrado";
    const address = "Avenida Calle 100 # 8A-55, Edificio Señorío, piso 3, oficina 301, Chapinero, Bogotá D.C., Colombia — frente al parque";
    await t.patch("/v1/offices/bogota", { name, address });
    const a = await booked({ language: "ht" });
    const { text, events } = await invite(a.id);
    const lines = lineOctets(text.slice(0, -2));
    expect(
      lines.every((l) => l.octets <= 75),
      lines
        .filter((l) => l.octets > 75)
        .map((l) => l.line)
        .join("\n"),
    ).toBe(true);
    expect(lines.some((l) => l.line.startsWith(" "))).toBe(true); // something was folded
    // Each physical line is valid UTF-8 on its own: no letter was cut in two.
    for (const { line } of lines) expect(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(line, "utf8"))).toBe(line);
    const e = events[0]!;
    expect(value(e, "location")).toBe(`${name}, ${address}`);
    expect(value(e, "summary")).toBe(`Randevou — ${name}`);
    expect(e.getFirstProperty("organizer")!.getParameter("cn")).toBe(name);
    expect(value(e, "description")).toBe(
      [
        `Ou gen yon randevou nan ${name}.`,
        "Dat ak lè: lendi 7 desanm, 10:00 (lè biwo a)",
        `Adrès: ${address}`,
        `Pou konfime, chanje oswa anile randevou ou: ${a.selfServiceUrl}`,
        "Lyen sa a se pou ou sèlman: pa pataje l.",
      ].join("\n"),
    );
  });

  it("escapes quotes, backslashes, semicolons and commas so that ical.js reads the names back exactly", async () => {
    t = await bookingApp();
    const name = `SMO "Bogotá" \\ Norte; sede 2, piso ^1`;
    await t.patch("/v1/offices/bogota", { name, email: "norte@movilidad.example" });
    const a = await booked({ language: "fr" });
    const { events, text } = await invite(a.id);
    expect(text).not.toContain('\\"'); // the `ics` package's own (invalid) way of quoting
    const e = events[0]!;
    expect(e.getFirstProperty("organizer")!.getParameter("cn")).toBe(name);
    expect(value(e, "summary")).toBe(`Rendez-vous — ${name}`);
    expect(value(e, "description")).toContain("Date et heure : lundi 7 décembre, 10:00");
  });

  it("answers with the same access as GET /v1/appointments/{id}", async () => {
    t = await bookingApp({ staff: ["bea"] });
    await t.post("/v1/offices", bogota({ id: "quito", country: "EC", timeZone: "America/Guayaquil" }));
    const a = await booked({}, at("10:00"));
    const own = await token(t, { role: "interviewer", staffId: a.staffId });
    const other = await token(t, { role: "interviewer", staffId: a.staffId === "ana" ? "bea" : "ana" });
    const elsewhere = await token(t, { role: "scheduler", officeIds: ["quito"] });
    expect((await t.get(`/v1/appointments/${a.id}/invite.ics`, { token: own })).status).toBe(200);
    expect((await t.get(`/v1/appointments/${a.id}/invite.ics`, { token: other })).status).toBe(403);
    expect((await t.get(`/v1/appointments/${a.id}/invite.ics`, { token: elsewhere })).status).toBe(403);
    expect((await t.get(`/v1/appointments/${a.id}/invite.ics`, { token: null })).status).toBe(401);
    const missing = await t.get("/v1/appointments/apt_nothing/invite.ics");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
  });

  it("has no ATTENDEE when the case has no email, and still parses", async () => {
    t = await bookingApp();
    const a = await booked({ contact: { phone: "+573001234567" } });
    const { events } = await invite(a.id);
    expect(events[0]!.getAllProperties("attendee")).toHaveLength(0);
    expect(value(events[0]!, "organizer")).toMatch(/^mailto:cita@localhost$/i);
  });
});
