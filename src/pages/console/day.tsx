// An office's day at the desk: every appointment of the local day by hour, with the queue
// number the applicant holds and the status changes the desk makes as people arrive.
import { LinkButton } from "../components.js";
import { NoticeBox, OfficeFilter, type PageNotice } from "./parts.js";
import { StatusBadge, StatusButtons } from "./status.js";
import type { ConsoleStrings } from "./strings/index.js";
import { isStatus, type Status } from "../../domain/lifecycle.js";

export interface DayRow {
  id: string;
  hour: string;
  time: string;
  number: string;
  reference: string;
  service: string;
  interviewer: string;
  room: string;
  status: string;
}

export interface DaySheetProps {
  office: { id: string; name: string; timeZone: string };
  offices: { id: string; name: string }[];
  date: string;
  dateLabel: string;
  links: { previous: string; next: string; today: string; close: string };
  rows: DayRow[];
  /** This page's own address, where the status forms come back to. */
  self: string;
  csrf: string;
  notice?: PageNotice | null;
  t: ConsoleStrings;
}

/** "12 appointments · 3 checked in · 1 cancelled". */
function summary(rows: DayRow[], t: ConsoleStrings): string {
  const counts = new Map<Status, number>();
  for (const r of rows) if (isStatus(r.status)) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return t.day.summary(rows.length, [...counts]);
}

export function DaySheetPage(p: DaySheetProps) {
  const hours = [...new Set(p.rows.map((r) => r.hour))];
  const { t } = p;
  const w = t.day;
  return (
    <>
      <NoticeBox notice={p.notice} />
      <OfficeFilter action="/console/day" office={p.office} offices={p.offices} t={t}>
        <div>
          <label for="date">{w.date}</label>
          <input id="date" type="date" name="date" value={p.date} required />
        </div>
      </OfficeFilter>
      <p class="no-print">
        <LinkButton href={p.links.previous}>{w.previous}</LinkButton>
        <LinkButton href={p.links.today}>{w.today}</LinkButton>
        <LinkButton href={p.links.next}>{w.next}</LinkButton>
        <LinkButton href={p.links.close}>{w.close}</LinkButton>
      </p>
      <h2>
        {p.office.name} · {p.dateLabel}
      </h2>
      <p class="muted">
        {w.timesIn(p.office.timeZone)} {summary(p.rows, t)}.
      </p>
      {p.rows.length === 0 ? (
        <p>{w.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{w.columns.time}</th>
              <th>{w.columns.number}</th>
              <th>{w.columns.case}</th>
              <th>{w.columns.service}</th>
              <th>{w.columns.interviewer}</th>
              <th>{w.columns.room}</th>
              <th>{w.columns.status}</th>
              <th class="no-print">{w.columns.actions}</th>
            </tr>
          </thead>
          {hours.map((hour) => (
            <tbody>
              <tr>
                <th colspan={8} scope="rowgroup">
                  {hour}
                </th>
              </tr>
              {p.rows
                .filter((r) => r.hour === hour)
                .map((r) => (
                  <tr id={`a-${r.id}`} class={r.status === "cancelled" ? "cancelled" : undefined}>
                    <td class="nowrap" data-label={w.columns.time}>
                      {r.time}
                    </td>
                    <td class="nowrap" data-label={w.columns.number}>
                      <strong>{r.number}</strong>
                    </td>
                    <td class="nowrap" data-label={w.columns.case}>
                      <a href={`/console/appointments/${r.id}`}>{r.reference}</a>
                    </td>
                    <td data-label={w.columns.service}>{r.service}</td>
                    <td data-label={w.columns.interviewer}>{r.interviewer}</td>
                    <td data-label={w.columns.room}>{r.room}</td>
                    <td class="nowrap" data-label={w.columns.status}>
                      <StatusBadge status={r.status} t={t} />
                    </td>
                    <td class="no-print">
                      <StatusButtons id={r.id} status={r.status} back={p.self} csrf={p.csrf} t={t} />
                      <a href={`/console/appointments/${r.id}/slip`} class="btn small secondary">
                        {w.slip}
                      </a>
                      <a href={`/console/appointments/${r.id}`} class="btn small secondary">
                        {w.open}
                      </a>
                    </td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      )}
    </>
  );
}
