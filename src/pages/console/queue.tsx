// The queue: cases waiting for an appointment, oldest screening first, with where each stands
// in its window. A GET form picks the office and searches by reference.
import type { OfficeRow } from "../../domain/offices.js";
import type { QueueItem, WindowStanding } from "../../domain/queue.js";
import { Notice } from "../components.js";

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
  const background = daysLeft < 0 ? "#f8d7d3" : opensIn <= 0 && daysLeft <= 3 ? "#fde7c2" : undefined;
  return (
    <span class="badge" style={background ? `background:${background}` : undefined}>
      {standingText(standing)}
    </span>
  );
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
    <form method="get" action="/console/queue" class="row no-print" role="search">
      {view.offices.length > 1 ? (
        <div>
          <label for="office">Office</label>
          <select id="office" name="office">
            {view.offices.map((o) => (
              <option value={o.id} selected={o.id === view.office.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="office" value={view.office.id} />
      )}
      <div>
        <label for="q">Case reference</label>
        <input id="q" name="q" type="search" value={view.q} placeholder="Whole reference or its start" autocomplete="off" />
      </div>
      <button type="submit" class="btn secondary">
        Show
      </button>
    </form>
  );
}

function Row({ item }: { item: QueueItem }) {
  const { caseRow, service, window, standing } = item;
  return (
    <tr>
      <td>
        <strong>{caseRow.reference}</strong>
      </td>
      <td>{caseRow.screenedAt}</td>
      <td>{service ? service.name : <span class="muted">No service books this track ({caseRow.track})</span>}</td>
      <td>{window ? `${window.firstDate} – ${window.lastDate}` : "—"}</td>
      <td>{standing ? <Standing standing={standing} /> : "—"}</td>
      <td class="num">{caseRow.householdSize}</td>
      <td>{caseRow.language}</td>
      <td>
        {service ? (
          <a class="btn small" href={`/console/cases/${encodeURIComponent(caseRow.id)}/book?service=${encodeURIComponent(service.id)}`}>
            Book
          </a>
        ) : null}
      </td>
    </tr>
  );
}

export function QueuePage({ view }: { view: QueueView }) {
  const { office, q, items } = view;
  return (
    <>
      <p>
        Cases of <strong>{office.name}</strong> waiting for an appointment, oldest screening first. Today is {view.today} in the
        office ({office.timeZone}).
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
        <table>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Screened</th>
              <th scope="col">Service</th>
              <th scope="col">Window ({office.timeZone})</th>
              <th scope="col">Days</th>
              <th scope="col" class="num">
                Household
              </th>
              <th scope="col">Language</th>
              <th scope="col">
                <span class="muted">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <Row item={item} />
            ))}
          </tbody>
        </table>
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
