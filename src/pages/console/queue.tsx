// The queue: cases waiting for an appointment, oldest screening first, with where each stands
// in its window. A GET form picks the office and searches by reference.
import type { Child } from "hono/jsx";
import type { OfficeRow } from "../../domain/offices.js";
import type { QueueItem, WindowStanding } from "../../domain/queue.js";
import { Notice } from "../components.js";
import { OfficeFilter, Table } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

/** Passed in red, the last three days in amber: the cases to book first stand out. */
export function Standing({ standing, t }: { standing: WindowStanding; t: ConsoleStrings }) {
  const { daysLeft, opensIn } = standing;
  const urgency = daysLeft < 0 ? " late" : opensIn <= 0 && daysLeft <= 3 ? " warn" : "";
  return <span class={`badge${urgency}`}>{t.queue.standing(standing)}</span>;
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

function Filters({ view, t }: { view: QueueView; t: ConsoleStrings }) {
  return (
    <OfficeFilter action="/console/queue" office={view.office} offices={view.offices} search t={t}>
      <div>
        <label for="q">{t.queue.reference}</label>
        <input id="q" name="q" type="search" value={view.q} placeholder={t.queue.referenceHint} autocomplete="off" size={28} />
      </div>
    </OfficeFilter>
  );
}

function cells({ caseRow, service, window, standing }: QueueItem, t: ConsoleStrings): Child[] {
  return [
    <strong>{caseRow.reference}</strong>,
    <span class="nowrap">{caseRow.screenedAt}</span>,
    service ? service.name : <span class="muted">{t.queue.noService(caseRow.track)}</span>,
    window ? <span class="nowrap">{`${window.firstDate} – ${window.lastDate}`}</span> : "—",
    standing ? <Standing standing={standing} t={t} /> : "—",
    caseRow.householdSize,
    caseRow.language,
    service ? (
      <a class="btn small" href={`/console/cases/${encodeURIComponent(caseRow.id)}/book?service=${encodeURIComponent(service.id)}`}>
        {t.queue.book}
      </a>
    ) : null,
  ];
}

export function QueuePage({ view, t }: { view: QueueView; t: ConsoleStrings }) {
  const { office, q, items } = view;
  const w = t.queue;
  return (
    <>
      <p>{w.intro(office.name, view.today, office.timeZone)}</p>
      <Filters view={view} t={t} />
      {view.notWaiting ? (
        <Notice>
          <p>
            {w.notWaiting(view.notWaiting.reference)} <a href={`/console/cases/${encodeURIComponent(view.notWaiting.id)}/book`}>{w.seeCase}</a>
          </p>
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <p>{q ? w.noMatch(q) : w.empty}</p>
      ) : (
        <Table
          columns={[
            w.columns.reference,
            w.columns.screened,
            w.columns.service,
            w.columns.window(office.timeZone),
            w.columns.days,
            { label: w.columns.household, class: "num" },
            w.columns.language,
            { label: <span class="muted">{w.columns.action}</span> },
          ]}
          rows={items.map((item) => cells(item, t))}
        />
      )}
      <div class="pager no-print">
        {view.later ? (
          <a class="btn secondary" href={queueHref({ office: office.id, q })}>
            {w.firstPage}
          </a>
        ) : null}
        {view.nextCursor ? (
          <a class="btn secondary" href={queueHref({ office: office.id, q, cursor: view.nextCursor })}>
            {w.nextPage}
          </a>
        ) : null}
      </div>
    </>
  );
}
