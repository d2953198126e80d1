// The figures as CSV (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote or
// a line break. Headers in the console's language; numbers as plain digits in every language, so
// that a spreadsheet reads them as numbers.
import type { Figures, Ratio } from "../../domain/figures.js";
import type { ConsoleStrings } from "./strings/index.js";

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

type Cell = string | number | null;

/** Text is neutralised; numbers are written as they are; a missing figure is an empty cell. */
export function csvOf(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null ? "" : typeof v === "number" ? String(v) : field(neutralise(v)));
  return [header.map(field), ...rows.map((r) => r.map(cell))].map((r) => r.join(",")).join("\r\n") + "\r\n";
}

const fraction = (r: Ratio) => (r.whole === 0 ? null : Number((r.part / r.whole).toFixed(4)));

/** One row per office and service. */
export function figuresCsv(f: Figures, t: ConsoleStrings): string {
  return csvOf(
    t.figures.csvServices,
    f.offices.flatMap((o) =>
      o.services.map((s) => [
        o.office.id,
        o.office.name,
        o.office.timeZone,
        s.serviceId,
        s.serviceName,
        f.period.from,
        f.period.to,
        s.booked,
        s.cancelled,
        s.completed,
        s.checkedIn,
        s.noShow,
        fraction(s.noShowRate),
        s.noShowRate.whole,
        s.daysMedian,
        s.daysP90,
        s.insideWindow.part,
        fraction(s.insideWindow),
      ]),
    ),
  );
}

/** One row per office and interviewer. */
export function utilisationCsv(f: Figures, t: ConsoleStrings): string {
  return csvOf(
    t.figures.csvInterviewers,
    f.offices.flatMap((o) =>
      o.interviewers.map((i) => [
        o.office.id,
        o.office.name,
        i.staffId,
        i.name,
        f.period.from,
        f.period.to,
        i.bookedMinutes,
        i.availableMinutes,
        fraction({ part: i.bookedMinutes, whole: i.availableMinutes }),
      ]),
    ),
  );
}
