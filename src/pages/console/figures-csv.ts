// The figures as CSV (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote or
// a line break.
import type { Figures, Ratio } from "../../domain/figures.js";

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

type Cell = string | number | null;

/** Text is neutralised; numbers are written as they are; a missing figure is an empty cell. */
function csvOf(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null ? "" : typeof v === "number" ? String(v) : field(neutralise(v)));
  return [header.map(field), ...rows.map((r) => r.map(cell))].map((r) => r.join(",")).join("\r\n") + "\r\n";
}

const fraction = (r: Ratio) => (r.whole === 0 ? null : Number((r.part / r.whole).toFixed(4)));

const FIGURES_CSV_HEADER = [
  "office_id",
  "office",
  "time_zone",
  "service_id",
  "service",
  "from",
  "to",
  "booked",
  "cancelled",
  "completed",
  "checked_in",
  "no_show",
  "no_show_rate",
  "no_show_rate_base",
  "days_median",
  "days_p90",
  "inside_window",
  "inside_window_share",
];

/** One row per office and service. */
export function figuresCsv(f: Figures): string {
  return csvOf(
    FIGURES_CSV_HEADER,
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

const UTILISATION_CSV_HEADER = ["office_id", "office", "staff_id", "interviewer", "from", "to", "booked_minutes", "available_minutes", "utilisation"];

/** One row per office and interviewer. */
export function utilisationCsv(f: Figures): string {
  return csvOf(
    UTILISATION_CSV_HEADER,
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
