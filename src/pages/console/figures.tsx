// The figures page: the filter, the table by office and service, the weekly chart and interviewer
// utilisation. Plain HTML and an inline SVG: no script, readable without the chart.
import type { Figures, OfficeFigures, Ratio } from "../../domain/figures.js";
import { Notice } from "../components.js";
import { WeeklyChart, longDate } from "./figures-chart.js";
import { Select } from "./parts.js";

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

const NONE = "—";

/** "33.3%", or a dash when there is nothing to divide by. */
const percent = (part: number, whole: number) => (whole === 0 ? NONE : `${((100 * part) / whole).toFixed(1)}%`);

const share = (r: Ratio, of: string) => (r.whole === 0 ? NONE : `${percent(r.part, r.whole)} (${r.part} of ${r.whole}${of})`);

const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

const days = (n: number | null) => (n === null ? NONE : String(n));

export const queryOf = (f: FiguresFilter) => new URLSearchParams({ office: f.office, service: f.service, from: f.from, to: f.to }).toString();

function FilterForm({ filter, choices }: { filter: FiguresFilter; choices: FiguresChoices }) {
  return (
    <form method="get" action="/console/figures" class="row no-print">
      <Select name="office" label="Office" value={filter.office} choices={choices.offices} first={choices.canChooseAll ? { value: "all", label: "All offices" } : null} />
      <Select name="service" label="Service" value={filter.service} choices={choices.services} first={{ value: "", label: "All services" }} />
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
    <table>
      <caption>Appointments by office and service</caption>
      <thead>
        <tr>
          <th scope="col">Office</th>
          <th scope="col">Service</th>
          <th scope="col" class="num">
            Booked
          </th>
          <th scope="col" class="num">
            Cancelled
          </th>
          <th scope="col" class="num">
            Completed
          </th>
          <th scope="col" class="num">
            No-shows
          </th>
          <th scope="col" class="num">
            No-show rate
          </th>
          <th scope="col" class="num">
            Days from screening, median
          </th>
          <th scope="col" class="num">
            90th percentile
          </th>
          <th scope="col" class="num">
            Inside the window
          </th>
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
    <table>
      <caption>Booked time of available time, per interviewer</caption>
      <thead>
        <tr>
          <th scope="col">Office</th>
          <th scope="col">Interviewer</th>
          <th scope="col" class="num">
            Booked
          </th>
          <th scope="col" class="num">
            Available
          </th>
          <th scope="col" class="num">
            Utilisation
          </th>
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

function HowCounted() {
  return (
    <details class="no-print">
      <summary>How these figures are counted</summary>
      <ul>
        <li>
          An appointment belongs to the period when its start's local date (in its office's zone) is between the two dates, both included. It counts at its current time: a moved
          appointment counts once, where it is now.
        </li>
        <li>Booked: every appointment of the period that is not cancelled (scheduled, confirmed, checked in, completed or a no-show). Cancelled ones are counted apart.</li>
        <li>
          No-show rate: no-shows out of the booked appointments whose start has passed and whose outcome is recorded (checked in, completed or no-show). Appointments still waiting
          for an outcome are left out.
        </li>
        <li>
          Days from screening: local days from the case's screening date to the appointment's date, over booked appointments. Median and 90th percentile by nearest rank: the value
          at position ⌈p × n / 100⌉ of the sorted list (for an even count the median is the lower middle value).
        </li>
        <li>
          Inside the window: booked appointments on a date within the case's window for the service as it stands now (extensions included). Appointments booked with a window
          override count as outside.
        </li>
        <li>
          Utilisation: the length of the interviewer's booked appointments at the office (every service, buffers not counted) divided by their available time: their availability at
          the office within its opening hours, less public holidays, closures and time off.
        </li>
      </ul>
    </details>
  );
}

export function FiguresView({
  filter,
  choices,
  figures,
  error,
  csvHref,
}: {
  filter: FiguresFilter;
  choices: FiguresChoices;
  figures: Figures | null;
  error: string | null;
  csvHref: string;
}) {
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
