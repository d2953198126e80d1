// Reading .ics output with ical.js, an independent parser (never with the `ics` package that wrote it).
import ICAL from "ical.js";

export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  return { calendar, events, method: calendar.getFirstPropertyValue("method") as string | null };
}

export type Vevent = ReturnType<typeof parseCalendar>["events"][number];

/** A property's value as text: times as ISO strings ("2026-12-07T15:00:00Z"), the rest as given. */
export const value = (event: Vevent, name: string) => {
  const v = event.getFirstPropertyValue(name);
  return v === null || v === undefined ? null : String(v);
};

/** Every physical line of the file and its length in octets. */
export const lineOctets = (text: string) => text.split("\r\n").map((line) => ({ line, octets: Buffer.byteLength(line, "utf8") }));
