// Folding by octets, RFC 6868 names and the calendar writer, checked with ical.js.
import fc from "fast-check";
import { createEvents } from "ics";
import { describe, expect, it } from "vitest";
import { foldLine, paramText, refold, unfold } from "../../src/calendar/fold.js";
import { writeCalendar, type CalendarEvent } from "../../src/calendar/ics.js";
import { lineOctets, parseCalendar, value } from "./ical.js";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const strict = new TextDecoder("utf-8", { fatal: true });

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "apt_1@cita",
  sequence: 3,
  start: Date.UTC(2026, 11, 1, 13, 0),
  end: Date.UTC(2026, 11, 1, 14, 0),
  summary: "Cita — Oficina de Movilidad Segura, Bogotá",
  status: "CONFIRMED",
  ...over,
});

const creole = "Ou gen yon randevou nan biwo a. Pou konfime, chanje oswa anile randevou ou, sèvi ak lyen pèsonèl ou. Pa pataje l ak pèsonn: mèkredi, jiyè, oktòb, «ànyen».";

describe("folding", () => {
  it("breaks at 75 octets, continuation lines 74 + the space, and never inside a letter", () => {
    const line = `DESCRIPTION:${"ñ".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded[0]).toBe(`DESCRIPTION:${"ñ".repeat(31)}`); // 12 + 62 octets; one more ñ would be 76
    expect(folded.every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(unfold(folded.join("\r\n"))).toBe(line);
  });

  it("keeps 4-octet characters whole and leaves short lines alone", () => {
    const line = `SUMMARY:${"🙂".repeat(30)}`;
    for (const l of foldLine(line).split("\r\n")) expect(strict.decode(Buffer.from(l, "utf8"))).toBe(l);
    expect(foldLine("UID:apt_1@cita")).toBe("UID:apt_1@cita");
    expect(foldLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
  });

  it("round-trips any text: every line within 75 octets, valid UTF-8, unfolding gives the input back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, "")}`;
        const folded = foldLine(line);
        for (const l of folded.split("\r\n")) {
          expect(octets(l)).toBeLessThanOrEqual(75);
          expect(strict.decode(Buffer.from(l, "utf8"))).toBe(l);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it("refolds output that was folded by characters", () => {
    const byCharacters = `BEGIN:VCALENDAR\r\nDESCRIPTION:${"á".repeat(62)}\r\n\t${"é".repeat(20)}\r\nEND:VCALENDAR\r\n`;
    const out = refold(byCharacters);
    expect(lineOctets(out.slice(0, -2)).every((l) => l.octets <= 75)).toBe(true);
    expect(unfold(out)).toBe(`BEGIN:VCALENDAR\r\nDESCRIPTION:${"á".repeat(62)}${"é".repeat(20)}\r\nEND:VCALENDAR\r\n`);
  });

  it("writes parameter values in RFC 6868 caret encoding", () => {
    expect(paramText(`Ana "La Jefa" ^ Pérez\nSegunda`)).toBe("Ana ^'La Jefa^' ^^ Pérez^nSegunda");
  });
});

describe("the calendar writer", () => {
  it('fixes what the ics package alone gets wrong: lines over 75 octets and \\" in names', () => {
    const description = `${creole} ${creole}`;
    const alone = createEvents([
      {
        uid: "x",
        start: Date.UTC(2026, 11, 1, 13),
        startInputType: "utc",
        end: Date.UTC(2026, 11, 1, 14),
        endInputType: "utc",
        description,
        attendees: [{ name: 'Ana "La Jefa"', email: "ana@example.org" }],
      },
    ]);
    expect(lineOctets(alone.value!).some((l) => l.octets > 75)).toBe(true);
    expect(alone.value).toContain('\\"La Jefa\\"');

    const ours = writeCalendar({
      method: "REQUEST",
      stamp: Date.UTC(2026, 10, 23, 12),
      events: [event({ description, attendees: [{ name: 'Ana "La Jefa"', email: "ana@example.org" }] })],
    });
    expect(lineOctets(ours.slice(0, -2)).every((l) => l.octets <= 75)).toBe(true);
    const e = parseCalendar(ours).events[0]!;
    expect(value(e, "description")).toBe(description);
    expect(e.getFirstProperty("attendee")!.getParameter("cn")).toBe('Ana "La Jefa"');
  });

  it("writes times in UTC whatever the host's zone, DTSTAMP from the given clock", () => {
    const out = writeCalendar({ method: "CANCEL", stamp: Date.UTC(2026, 10, 23, 12, 30, 15), events: [event({ status: "CANCELLED" })] });
    const { method, events } = parseCalendar(out);
    expect(method).toBe("CANCEL");
    expect(value(events[0]!, "dtstart")).toBe("2026-12-01T13:00:00Z");
    expect(value(events[0]!, "dtend")).toBe("2026-12-01T14:00:00Z");
    expect(value(events[0]!, "dtstamp")).toBe("2026-11-23T12:30:15Z");
    expect(value(events[0]!, "sequence")).toBe("3");
    expect(value(events[0]!, "status")).toBe("CANCELLED");
  });

  it("takes instants from a running clock, whose milliseconds can have fractions", () => {
    const out = writeCalendar({ method: "REQUEST", stamp: Date.UTC(2026, 10, 23, 12) + 698.25, events: [event({ start: Date.UTC(2026, 11, 1, 13) + 0.5 })] });
    const e = parseCalendar(out).events[0]!;
    expect([value(e, "dtstamp"), value(e, "dtstart")]).toEqual(["2026-11-23T12:00:00Z", "2026-12-01T13:00:00Z"]);
  });

  it("escapes text and drops characters RFC 5545 does not allow in it", () => {
    const summary = "a\\b;c,d\r\ne\rf\u0007g";
    const out = writeCalendar({ method: "PUBLISH", stamp: 0, events: [event({ summary })] });
    expect(out).toContain("SUMMARY:a\\\\b\\;c\\,d\\ne\\nfg\r\n");
    expect(value(parseCalendar(out).events[0]!, "summary")).toBe("a\\b;c,d\ne\nfg");
  });
});
