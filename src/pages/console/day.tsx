// An office's day at the desk: every appointment of the local day by hour, with the queue
// number the applicant holds and the status changes the desk makes as people arrive.
import { LinkButton } from "../components.js";
import { NoticeBox, OfficeFilter, type PageNotice } from "./parts.js";
import { StatusBadge, StatusButtons } from "./status.js";

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
}

/** "12 appointments · 3 checked in · 1 cancelled". */
function summary(rows: DayRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${status.replace("_", " ")}`);
  return [`${rows.length} appointment${rows.length === 1 ? "" : "s"}`, ...parts].join(" · ");
}

export function DaySheetPage(p: DaySheetProps) {
  const hours = [...new Set(p.rows.map((r) => r.hour))];
  return (
    <>
      <NoticeBox notice={p.notice} />
      <OfficeFilter action="/console/day" office={p.office} offices={p.offices}>
        <div>
          <label for="date">Date</label>
          <input id="date" type="date" name="date" value={p.date} required />
        </div>
      </OfficeFilter>
      <p class="no-print">
        <LinkButton href={p.links.previous}>← Previous day</LinkButton>
        <LinkButton href={p.links.today}>Today</LinkButton>
        <LinkButton href={p.links.next}>Next day →</LinkButton>
        <LinkButton href={p.links.close}>Close this day</LinkButton>
      </p>
      <h2>
        {p.office.name} · {p.dateLabel}
      </h2>
      <p class="muted">
        Times in {p.office.timeZone}. {summary(p.rows)}.
      </p>
      {p.rows.length === 0 ? (
        <p>No appointments on this day.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Time</th>
              <th>No.</th>
              <th>Case</th>
              <th>Service</th>
              <th>Interviewer</th>
              <th>Room</th>
              <th>Status</th>
              <th class="no-print">Actions</th>
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
                    <td class="nowrap">{r.time}</td>
                    <td class="nowrap">
                      <strong>{r.number}</strong>
                    </td>
                    <td class="nowrap">
                      <a href={`/console/appointments/${r.id}`}>{r.reference}</a>
                    </td>
                    <td>{r.service}</td>
                    <td>{r.interviewer}</td>
                    <td>{r.room}</td>
                    <td class="nowrap">
                      <StatusBadge status={r.status} />
                    </td>
                    <td class="no-print">
                      <StatusButtons id={r.id} status={r.status} back={p.self} csrf={p.csrf} />
                      <a href={`/console/appointments/${r.id}/slip`} class="btn small secondary">
                        Slip
                      </a>
                      <a href={`/console/appointments/${r.id}`} class="btn small secondary">
                        Open
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
