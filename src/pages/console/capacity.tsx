// Capacity against demand: per week, the free interviewer time and bookable starts against the
// waiting cases whose windows end then; the cases that cannot be booked in time, each with the
// earliest time left; and the interviewer time that would clear them.
import type { Capacity, CapacityWeek } from "../../domain/capacity.js";
import { Notice } from "../components.js";
import { OfficeFilter, Select, Table, type OfficeChoice } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface CapacityView {
  office: OfficeChoice & { timeZone: string };
  offices: OfficeChoice[];
  services: OfficeChoice[];
  service: string;
  /** The numbers, or null when the page only shows its refusal. */
  capacity: Capacity | null;
  error: string | null;
  /** How the page writes a local day ("lunes 7 de diciembre de 2026") and an instant with its time. */
  day: (isoDate: string) => string;
  instant: (at: number) => string;
}

const hours = (minutes: number, t: ConsoleStrings) => t.capacity.hours(new Intl.NumberFormat(t.tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(minutes / 60));

function Short({ week, t }: { week: CapacityWeek; t: ConsoleStrings }) {
  if (week.shortMinutes.length === 0) return <span class="muted">{t.capacity.nothingShort}</span>;
  return <>{week.shortMinutes.map(([language, minutes]) => t.capacity.shortIn(hours(minutes, t), language)).join(", ")}</>;
}

function Weeks({ capacity, view, t }: { capacity: Capacity; view: CapacityView; t: ConsoleStrings }) {
  const w = t.capacity;
  return (
    <Table
      caption={w.weeksCaption}
      columns={[
        w.columns.week,
        { label: w.columns.free, class: "num" },
        { label: w.columns.starts, class: "num" },
        { label: w.columns.closing, class: "num" },
        { label: w.columns.unbookable, class: "num" },
        w.columns.short,
      ]}
      rows={capacity.weeks.map((week) => [
        w.weekOf(view.day(week.monday)),
        <span class="nowrap">{hours(week.freeMinutes, t)}</span>,
        week.starts,
        week.closing,
        week.unbookable,
        <Short week={week} t={t} />,
      ])}
    />
  );
}

function Unbookable({ capacity, view, t }: { capacity: Capacity; view: CapacityView; t: ConsoleStrings }) {
  const w = t.capacity;
  if (capacity.unbookable.length === 0) return <p>{w.allBookable}</p>;
  return (
    <Table
      caption={w.unbookableCaption(capacity.office.timeZone)}
      columns={[
        w.unbookableColumns.case,
        w.unbookableColumns.language,
        w.unbookableColumns.window,
        w.unbookableColumns.earliest,
        { label: <span class="muted">{w.unbookableColumns.action}</span> },
      ]}
      rows={capacity.unbookable.map((u) => [
        <strong>{u.reference}</strong>,
        u.language,
        <span class="nowrap">{`${u.window.firstDate} – ${u.window.lastDate}`}</span>,
        u.earliest ? view.instant(u.earliest.start) : <span class="muted">{w.noEarliest}</span>,
        <a class="btn small" href={`/console/cases/${encodeURIComponent(u.caseId)}/book?service=${encodeURIComponent(capacity.service.id)}`}>
          {w.book}
        </a>,
      ])}
    />
  );
}

export function CapacityPage({ view, t }: { view: CapacityView; t: ConsoleStrings }) {
  const { capacity } = view;
  const w = t.capacity;
  return (
    <>
      <OfficeFilter action="/console/capacity" office={view.office} offices={view.offices} t={t}>
        <Select name="service" label={w.service} value={view.service} choices={view.services} />
      </OfficeFilter>
      {view.error ? (
        <Notice tone="error">
          <p>{view.error}</p>
        </Notice>
      ) : null}
      {capacity ? (
        <>
          <p>{w.intro(capacity.office.name, capacity.service.name, view.day(capacity.today), capacity.office.timeZone)}</p>
          <p>
            {w.waiting(capacity.waiting)} {capacity.later ? w.later(capacity.later) : null}
          </p>
          <Weeks capacity={capacity} view={view} t={t} />
          <h2>{w.unbookableTitle}</h2>
          <Unbookable capacity={capacity} view={view} t={t} />
          <details class="no-print">
            <summary>{w.howCounted}</summary>
            <ul>
              {w.rules.map((rule) => (
                <li>{rule}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </>
  );
}
