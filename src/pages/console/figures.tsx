// The figures page (table, weekly bar chart, interviewer utilisation) and the same figures as
// CSV. Plain HTML and an inline SVG: no script, readable without the chart.
import type { Figures, OfficeFigures, Ratio } from "../../domain/figures.js";
import { Notice } from "../components.js";

export interface FiguresFilter {
  /** An office id, or "all". */
  office: string;
  /** A service id, or "" for all services. */
  service: string;
  from: string;
  to: string;
}

export interface FiguresChoices {
  offices: { id: string; name: string }[];
  services: { id: string; name: string }[];
  /** Whether "all offices" may be chosen (more than one office to add up). */
  canChooseAll: boolean;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "1 December 2026" for "2026-12-01". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const shortDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)}`;

const NONE = "—";

/** The shared stylesheet lets words break anywhere (for phones); a desk table keeps them whole. */
const KEEP_WORDS = "overflow-wrap:normal";

/** "33.3%", or a dash when there is nothing to divide by. */
export const percent = (part: number, whole: number) => (whole === 0 ? NONE : `${((100 * part) / whole).toFixed(1)}%`);

const share = (r: Ratio, of: string) => (r.whole === 0 ? NONE : `${percent(r.part, r.whole)} (${r.part} of ${r.whole}${of})`);

const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

const days = (n: number | null) => (n === null ? NONE : String(n));

export const queryOf = (f: FiguresFilter) => new URLSearchParams({ office: f.office, service: f.service, from: f.from, to: f.to }).toString();

function FilterForm({ filter, choices }: { filter: FiguresFilter; choices: FiguresChoices }) {
  return (
    <form method="get" action="/console/figures" class="row no-print">
      <div>
        <label for="office">Office</label>
        <select id="office" name="office">
          {choices.canChooseAll ? (
            <option value="all" selected={filter.office === "all"}>
              All offices
            </option>
          ) : null}
          {choices.offices.map((o) => (
            <option value={o.id} selected={o.id === filter.office}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="service">Service</label>
        <select id="service" name="service">
          <option value="" selected={filter.service === ""}>
            All services
          </option>
          {choices.services.map((s) => (
            <option value={s.id} selected={s.id === filter.service}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="from">From (local date)</label>
        <input id="from" name="from" type="date" value={filter.from} required />
      </div>
      <div>
        <label for="to">To, inclusive</label>
        <input id="to" name="to" type="date" value={filter.to} required />
      </div>
      <div>
        <button type="submit" class="btn">
          Show
        </button>
      </div>
    </form>
  );
}

function ServiceTable({ offices }: { offices: OfficeFigures[] }) {
  const rows = offices.flatMap((o) => o.services.map((s) => ({ o, s })));
  return (
    <table style={KEEP_WORDS}>
      <caption>Appointments by office and service</caption>
      <thead>
        <tr>
          <th scope="col">Office</th>
          <th scope="col">Service</th>
          <th scope="col" class="num">Booked</th>
          <th scope="col" class="num">Cancelled</th>
          <th scope="col" class="num">Completed</th>
          <th scope="col" class="num">No-shows</th>
          <th scope="col" class="num">No-show rate</th>
          <th scope="col" class="num">Days from screening, median</th>
          <th scope="col" class="num">90th percentile</th>
          <th scope="col" class="num">Inside the window</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colspan={10} class="muted">
              No service is offered and nothing was booked here in this period.
            </td>
          </tr>
        ) : (
          rows.map(({ o, s }) => (
            <tr>
              <td>{o.office.name}</td>
              <td>{s.serviceName}</td>
              <td class="num">{s.booked}</td>
              <td class="num">{s.cancelled}</td>
              <td class="num">{s.completed}</td>
              <td class="num">{s.noShow}</td>
              <td class="num">{share(s.noShowRate, " recorded")}</td>
              <td class="num">{days(s.daysMedian)}</td>
              <td class="num">{days(s.daysP90)}</td>
              <td class="num">{share(s.insideWindow, "")}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function UtilisationTable({ offices }: { offices: OfficeFigures[] }) {
  const booked = offices.reduce((s, o) => s + o.bookedMinutes, 0);
  const available = offices.reduce((s, o) => s + o.availableMinutes, 0);
  return (
    <table style={KEEP_WORDS}>
      <caption>Booked time of available time, per interviewer</caption>
      <thead>
        <tr>
          <th scope="col">Office</th>
          <th scope="col">Interviewer</th>
          <th scope="col" class="num">Booked</th>
          <th scope="col" class="num">Available</th>
          <th scope="col" class="num">Utilisation</th>
        </tr>
      </thead>
      <tbody>
        {offices.flatMap((o) => [
          ...o.interviewers.map((i) => (
            <tr>
              <td>{o.office.name}</td>
              <td>{i.name}</td>
              <td class="num">{hours(i.bookedMinutes)}</td>
              <td class="num">{hours(i.availableMinutes)}</td>
              <td class="num">{percent(i.bookedMinutes, i.availableMinutes)}</td>
            </tr>
          )),
          <tr>
            <th scope="row" colspan={2}>
              {o.office.name}: all interviewers
            </th>
            <td class="num">{hours(o.bookedMinutes)}</td>
            <td class="num">{hours(o.availableMinutes)}</td>
            <td class="num">{percent(o.bookedMinutes, o.availableMinutes)}</td>
          </tr>,
        ])}
        {offices.length > 1 ? (
          <tr>
            <th scope="row" colspan={2}>
              All offices
            </th>
            <td class="num">{hours(booked)}</td>
            <td class="num">{hours(available)}</td>
            <td class="num">{percent(booked, available)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** Bars of booked appointments per week; every number is also in the table under it. */
export function WeeklyChart({ weeks }: { weeks: Figures["weeks"] }) {
  // About 1,100 px wide whatever the period (1 to 53 weeks), a date label every ~50 px.
  const step = Math.min(56, Math.max(20, Math.floor(1100 / weeks.length)));
  const bar = Math.round(step * 0.72);
  const gap = step - bar;
  const left = 36;
  const top = 18;
  const plot = 140;
  const width = left + weeks.length * step + gap;
  const height = top + plot + 28;
  const max = Math.max(1, ...weeks.map((w) => w.booked));
  const labelEvery = Math.ceil(50 / step);
  const busiest = weeks.reduce((a, w) => (w.booked > a.booked ? w : a), weeks[0]!);
  const total = weeks.reduce((s, w) => s + w.booked, 0);
  const span = weeks.length === 1 ? "1 week" : `${weeks.length} weeks`;
  const summary =
    total === 0
      ? `No appointments booked in the ${span} shown.`
      : `${total} booked over ${span}; the busiest was the week of ${longDate(busiest.monday)} with ${busiest.booked}. The numbers are in the table under the chart.`;
  return (
    <figure style="margin:0 0 1rem">
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="weeks-title weeks-desc" width={width} height={height} viewBox={`0 0 ${width} ${height}`} style="max-width:100%;height:auto;background:#fff">
        <title id="weeks-title">Booked appointments per week</title>
        <desc id="weeks-desc">{summary}</desc>
        <line x1={left} y1={top + plot} x2={width - gap} y2={top + plot} stroke="#8a8a85" />
        <line x1={left} y1={top} x2={width - gap} y2={top} stroke="#d6d6d0" />
        <text x={left - 6} y={top + 4} text-anchor="end" font-size="11" fill="#1b1b1b">
          {max}
        </text>
        <text x={left - 6} y={top + plot + 4} text-anchor="end" font-size="11" fill="#1b1b1b">
          0
        </text>
        {weeks.map((w, i) => {
          const x = left + gap + i * step;
          const h = Math.round((w.booked / max) * plot);
          return (
            <g>
              <rect x={x} y={top + plot - h} width={bar} height={h} fill="#0a4d99">
                <title>{`Week of ${longDate(w.monday)}: ${w.booked} booked`}</title>
              </rect>
              {step >= 28 && w.booked > 0 ? (
                <text x={x + bar / 2} y={top + plot - h - 4} text-anchor="middle" font-size="11" fill="#1b1b1b">
                  {w.booked}
                </text>
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={x + bar / 2} y={top + plot + 16} text-anchor="middle" font-size="11" fill="#1b1b1b">
                  {shortDate(w.monday)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>Booked appointments per week, as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Week of (Monday)</th>
                <th scope="col" class="num">Booked</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr>
                  <td>{longDate(w.monday)}</td>
                  <td class="num">{w.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

function HowCounted() {
  return (
    <details class="no-print">
      <summary>How these figures are counted</summary>
      <ul>
        <li>An appointment belongs to the period when its start's local date (in its office's zone) is between the two dates, both included. It counts at its current time: a moved appointment counts once, where it is now.</li>
        <li>Booked: every appointment of the period that is not cancelled (scheduled, confirmed, checked in, completed or a no-show). Cancelled ones are counted apart.</li>
        <li>No-show rate: no-shows out of the booked appointments whose start has passed and whose outcome is recorded (checked in, completed or no-show). Appointments still waiting for an outcome are left out.</li>
        <li>Days from screening: local days from the case's screening date to the appointment's date, over booked appointments. Median and 90th percentile by nearest rank: the value at position ⌈p × n / 100⌉ of the sorted list (for an even count the median is the lower middle value).</li>
        <li>Inside the window: booked appointments on a date within the case's window for the service as it stands now (extensions included). Appointments booked with a window override count as outside.</li>
        <li>Utilisation: the length of the interviewer's booked appointments at the office (every service, buffers not counted) divided by their available time: their availability at the office within its opening hours, less public holidays, closures and time off.</li>
      </ul>
    </details>
  );
}

export function FiguresView({ filter, choices, figures, error, csvHref }: { filter: FiguresFilter; choices: FiguresChoices; figures: Figures | null; error: string | null; csvHref: string }) {
  const zones = figures ? [...new Set(figures.offices.map((o) => o.office.timeZone))] : [];
  return (
    <>
      <FilterForm filter={filter} choices={choices} />
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {figures ? (
        <>
          <p>
            {longDate(figures.period.from)} to {longDate(figures.period.to)}, local dates ({zones.join(", ")}).{" "}
            <a href={csvHref} class="no-print">
              Download as CSV
            </a>
          </p>
          <ServiceTable offices={figures.offices} />
          <h2>Booked appointments per week</h2>
          <WeeklyChart weeks={figures.weeks} />
          <h2>Interviewer utilisation</h2>
          <UtilisationTable offices={figures.offices} />
          <HowCounted />
        </>
      ) : null}
    </>
  );
}

// CSV (RFC 4180): CRLF line ends, a field quoted when it holds a comma, a quote or a line break.

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

type Cell = string | number | null;

/** Text is neutralised; numbers are written as they are; a missing figure is an empty cell. */
function csvOf(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null ? "" : typeof v === "number" ? String(v) : field(neutralise(v)));
  return [header.map(field), ...rows.map((r) => r.map(cell))].map((r) => r.join(",")).join("\r\n") + "\r\n";
}

const fraction = (r: Ratio) => (r.whole === 0 ? null : Number((r.part / r.whole).toFixed(4)));

export const FIGURES_CSV_HEADER = [
  "office_id", "office", "time_zone", "service_id", "service", "from", "to",
  "booked", "cancelled", "completed", "checked_in", "no_show",
  "no_show_rate", "no_show_rate_base", "days_median", "days_p90", "inside_window", "inside_window_share",
];

/** One row per office and service. */
export function figuresCsv(f: Figures): string {
  return csvOf(
    FIGURES_CSV_HEADER,
    f.offices.flatMap((o) =>
      o.services.map((s) => [
        o.office.id, o.office.name, o.office.timeZone, s.serviceId, s.serviceName, f.period.from, f.period.to,
        s.booked, s.cancelled, s.completed, s.checkedIn, s.noShow,
        fraction(s.noShowRate), s.noShowRate.whole, s.daysMedian, s.daysP90, s.insideWindow.part, fraction(s.insideWindow),
      ]),
    ),
  );
}

export const UTILISATION_CSV_HEADER = ["office_id", "office", "staff_id", "interviewer", "from", "to", "booked_minutes", "available_minutes", "utilisation"];

/** One row per office and interviewer. */
export function utilisationCsv(f: Figures): string {
  return csvOf(
    UTILISATION_CSV_HEADER,
    f.offices.flatMap((o) =>
      o.interviewers.map((i) => [
        o.office.id, o.office.name, i.staffId, i.name, f.period.from, f.period.to,
        i.bookedMinutes, i.availableMinutes, i.availableMinutes === 0 ? null : Number((i.bookedMinutes / i.availableMinutes).toFixed(4)),
      ]),
    ),
  );
}
