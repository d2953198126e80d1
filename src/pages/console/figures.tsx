// The figures page: the filter, the table by office and service, the weekly chart and interviewer
// utilisation. Plain HTML and an inline SVG: no script, readable without the chart.
import { OfferFiguresTable, consoleLanguageOfTag } from "./offers-figures.js";
import type { Figures, OfficeFigures, Ratio } from "../../domain/figures.js";
import { Notice } from "../components.js";
import { WeeklyChart, longDate } from "./figures-chart.js";
import { Select } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

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

/** "33.3%" ("33,3 %" in Spanish), or a dash when there is nothing to divide by. */
const percent = (part: number, whole: number, t: ConsoleStrings) =>
  whole === 0 ? NONE : new Intl.NumberFormat(t.tag, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(part / whole);

const share = (r: Ratio, t: ConsoleStrings, recorded = false) =>
  r.whole === 0 ? NONE : (recorded ? t.figures.shareOfRecorded : t.figures.shareOf)(percent(r.part, r.whole, t), r.part, r.whole);

const hours = (minutes: number, t: ConsoleStrings) => t.figures.hours(new Intl.NumberFormat(t.tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(minutes / 60));

const days = (n: number | null) => (n === null ? NONE : String(n));

export const queryOf = (f: FiguresFilter) => new URLSearchParams({ office: f.office, service: f.service, from: f.from, to: f.to }).toString();

function FilterForm({ filter, choices, t }: { filter: FiguresFilter; choices: FiguresChoices; t: ConsoleStrings }) {
  const f = t.figures;
  return (
    <form method="get" action="/console/figures" class="row no-print">
      <Select name="office" label={f.office} value={filter.office} choices={choices.offices} first={choices.canChooseAll ? { value: "all", label: f.allOffices } : null} />
      <Select name="service" label={f.service} value={filter.service} choices={choices.services} first={{ value: "", label: f.allServices }} />
      <div>
        <label for="from">{f.from}</label>
        <input id="from" name="from" type="date" value={filter.from} required />
      </div>
      <div>
        <label for="to">{f.to}</label>
        <input id="to" name="to" type="date" value={filter.to} required />
      </div>
      <div>
        <button type="submit" class="btn">
          {t.show}
        </button>
      </div>
    </form>
  );
}

function ServiceTable({ offices, t }: { offices: OfficeFigures[]; t: ConsoleStrings }) {
  const rows = offices.flatMap((o) => o.services.map((s) => ({ o, s })));
  const c = t.figures.columns;
  const number = [c.booked, c.cancelled, c.completed, c.noShows, c.noShowRate, c.daysMedian, c.daysP90, c.insideWindow];
  return (
    <table>
      <caption>{t.figures.byService}</caption>
      <thead>
        <tr>
          <th scope="col">{c.office}</th>
          <th scope="col">{c.service}</th>
          {number.map((label) => (
            <th scope="col" class="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colspan={10} class="muted">
              {t.figures.nothing}
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
              <td class="num">{share(s.noShowRate, t, true)}</td>
              <td class="num">{days(s.daysMedian)}</td>
              <td class="num">{days(s.daysP90)}</td>
              <td class="num">{share(s.insideWindow, t)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function UtilisationTable({ offices, t }: { offices: OfficeFigures[]; t: ConsoleStrings }) {
  const booked = offices.reduce((s, o) => s + o.bookedMinutes, 0);
  const available = offices.reduce((s, o) => s + o.availableMinutes, 0);
  const c = t.figures.columns;
  return (
    <table>
      <caption>{t.figures.utilisationCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.office}</th>
          <th scope="col">{c.interviewer}</th>
          <th scope="col" class="num">
            {c.booked}
          </th>
          <th scope="col" class="num">
            {c.available}
          </th>
          <th scope="col" class="num">
            {c.utilisation}
          </th>
        </tr>
      </thead>
      <tbody>
        {offices.flatMap((o) => [
          ...o.interviewers.map((i) => (
            <tr>
              <td>{o.office.name}</td>
              <td>{i.name}</td>
              <td class="num">{hours(i.bookedMinutes, t)}</td>
              <td class="num">{hours(i.availableMinutes, t)}</td>
              <td class="num">{percent(i.bookedMinutes, i.availableMinutes, t)}</td>
            </tr>
          )),
          <tr>
            <th scope="row" colspan={2}>
              {t.figures.allInterviewers(o.office.name)}
            </th>
            <td class="num">{hours(o.bookedMinutes, t)}</td>
            <td class="num">{hours(o.availableMinutes, t)}</td>
            <td class="num">{percent(o.bookedMinutes, o.availableMinutes, t)}</td>
          </tr>,
        ])}
        {offices.length > 1 ? (
          <tr>
            <th scope="row" colspan={2}>
              {t.figures.allOffices}
            </th>
            <td class="num">{hours(booked, t)}</td>
            <td class="num">{hours(available, t)}</td>
            <td class="num">{percent(booked, available, t)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function HowCounted({ t }: { t: ConsoleStrings }) {
  return (
    <details class="no-print">
      <summary>{t.figures.howCounted}</summary>
      <ul>
        {t.figures.rules.map((rule) => (
          <li>{rule}</li>
        ))}
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
  t,
}: {
  filter: FiguresFilter;
  choices: FiguresChoices;
  figures: Figures | null;
  error: string | null;
  csvHref: string;
  t: ConsoleStrings;
}) {
  const zones = figures ? [...new Set(figures.offices.map((o) => o.office.timeZone))] : [];
  return (
    <>
      <FilterForm filter={filter} choices={choices} t={t} />
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {figures ? (
        <>
          <p>
            {t.figures.period(longDate(figures.period.from, t), longDate(figures.period.to, t), zones.join(", "))}{" "}
            <a href={csvHref} class="no-print">
              {t.figures.csv}
            </a>
          </p>
          <ServiceTable offices={figures.offices} t={t} />
          <h2>{t.figures.perWeek}</h2>
          <WeeklyChart weeks={figures.weeks} t={t} />
          <h2>{t.figures.utilisationTitle}</h2>
          <UtilisationTable offices={figures.offices} t={t} />
          <OfferFiguresTable figures={figures} lang={consoleLanguageOfTag(t.tag)} />
          <HowCounted t={t} />
        </>
      ) : null}
    </>
  );
}
