// The queue: cases waiting for an appointment, oldest screening first, with where each stands
// in its window. A GET form picks the office and searches by reference.
import type { Child } from "hono/jsx";
import type { OfficeRow } from "../../domain/offices.js";
import type { QueueItem, WindowStanding } from "../../domain/queue.js";
import { Notice } from "../components.js";
import { OfficeFilter, Table } from "./parts.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "5 days left", "Last day today", "Opens in 3 days · 17 days left", "Window passed 2 days ago". */
export function standingText({ opensIn, daysLeft }: WindowStanding): string {
  if (daysLeft < 0) return `Window passed ${plural(-daysLeft, "day")} ago`;
  if (opensIn > 0) return `Opens in ${plural(opensIn, "day")} · ${plural(daysLeft, "day")} left`;
  if (daysLeft === 0) return "Last day today";
  return `${plural(daysLeft, "day")} left`;
}

/** Passed in red, the last three days in amber: the cases to book first stand out. */
export function Standing({ standing }: { standing: WindowStanding }) {
  const { daysLeft, opensIn } = standing;
  const urgency = daysLeft < 0 ? " late" : opensIn <= 0 && daysLeft <= 3 ? " warn" : "";
  return <span class={`badge${urgency}`}>{standingText(standing)}</span>;
}

export function queueHref(params: { office?: string; q?: string; cursor?: string }) {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return `/console/queue${query ? `?${query}` : ""}`;
}

export interface QueueView {
  offices: OfficeRow[];
  office: OfficeRow;
  q: string;
  today: string;
  items: QueueItem[];
  nextCursor: string | null;
  /** The search found no waiting case, but a case with exactly that reference exists. */
  notWaiting: { id: string; reference: string } | null;
  /** Is this a later page (a cursor was given)? */
  later: boolean;
}

function Filters({ view }: { view: QueueView }) {
  return (
    <OfficeFilter action="/console/queue" office={view.office} offices={view.offices} search>
      <div>
        <label for="q">Case reference</label>
        <input id="q" name="q" type="search" value={view.q} placeholder="Whole reference or its start" autocomplete="off" size={28} />
      </div>
    </OfficeFilter>
  );
}

function cells({ caseRow, service, window, standing }: QueueItem): Child[] {
  return [
    <strong>{caseRow.reference}</strong>,
    <span class="nowrap">{caseRow.screenedAt}</span>,
    service ? service.name : <span class="muted">No service books this track ({caseRow.track})</span>,
    window ? <span class="nowrap">{`${window.firstDate} – ${window.lastDate}`}</span> : "—",
    standing ? <Standing standing={standing} /> : "—",
    caseRow.householdSize,
    caseRow.language,
    service ? (
      <a class="btn small" href={`/console/cases/${encodeURIComponent(caseRow.id)}/book?service=${encodeURIComponent(service.id)}`}>
        Book
      </a>
    ) : null,
  ];
}

export function QueuePage({ view }: { view: QueueView }) {
  const { office, q, items } = view;
  return (
    <>
      <p>
        Cases of <strong>{office.name}</strong> waiting for an appointment, oldest screening first. Today is {view.today} in the office ({office.timeZone}).
      </p>
      <Filters view={view} />
      {view.notWaiting ? (
        <Notice>
          <p>
            Case {view.notWaiting.reference} is not waiting: it has a live or completed appointment.{" "}
            <a href={`/console/cases/${encodeURIComponent(view.notWaiting.id)}/book`}>See the case</a>
          </p>
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <p>{q ? `No waiting case has a reference that starts with “${q}”.` : "No case is waiting for an appointment."}</p>
      ) : (
        <Table
          columns={[
            "Reference",
            "Screened",
            "Service",
            `Window (${office.timeZone})`,
            "Days",
            { label: "Household", class: "num" },
            "Language",
            { label: <span class="muted">Action</span> },
          ]}
          rows={items.map(cells)}
        />
      )}
      <div class="pager no-print">
        {view.later ? (
          <a class="btn secondary" href={queueHref({ office: office.id, q })}>
            ← First page
          </a>
        ) : null}
        {view.nextCursor ? (
          <a class="btn secondary" href={queueHref({ office: office.id, q, cursor: view.nextCursor })}>
            Next page →
          </a>
        ) : null}
      </div>
    </>
  );
}
