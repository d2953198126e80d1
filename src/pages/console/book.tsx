// The book page: a case's details and one week of free times inside its window. Each time is one
// small form; its buttons book with automatic assignment or with a named interviewer, in one click.
import type { CaseRow } from "../../domain/cases.js";
import type { OfficeRow } from "../../domain/offices.js";
import type { CaseWindow, WindowStanding } from "../../domain/queue.js";
import type { ServiceRow } from "../../domain/services.js";
import type { Child } from "hono/jsx";
import { LinkButton, Notice, PostForm } from "../components.js";
import { DetailsTable, NoticeBox, type PageNotice } from "./parts.js";
import { Standing } from "./queue.js";
import { StatusBadge } from "./status.js";

export interface SlotChoice {
  /** The UTC instant the form sends. */
  start: string;
  /** "09:00" and "10:00", office time. */
  time: string;
  end: string;
  /** Set when the slot is listed outside its day card (the next free times after a refusal). */
  day?: string;
  /** Least loaded first, as the slot engine ranks them. */
  staff: { id: string; name: string }[];
}

export interface BookWeek {
  label: string;
  previous: string | null;
  next: string | null;
  days: { label: string; slots: SlotChoice[] }[];
}

export interface LiveAppointment {
  id: string;
  when: string;
  staffName: string;
  status: string;
}

export interface BookView {
  caseRow: CaseRow;
  office: OfficeRow;
  service: ServiceRow;
  /** Every service the case's track books, for a switch when there are several. */
  services: ServiceRow[];
  window: CaseWindow;
  standing: WindowStanding;
  live: LiveAppointment | null;
  week: BookWeek | null;
  /** Why there is no week to show: the window is over, or nothing in it is free. */
  empty: "passed" | "full" | null;
  message: PageNotice | null;
  nextSlots: SlotChoice[] | null;
  csrf: string;
}

const bookPath = (view: BookView) => `/console/cases/${encodeURIComponent(view.caseRow.id)}/book`;

function SlotForm({ view, slot }: { view: BookView; slot: SlotChoice }) {
  const when = slot.day ? `${slot.day}, ${slot.time}` : slot.time;
  return (
    <div class="slot">
      <PostForm action={bookPath(view)} csrf={view.csrf}>
        <input type="hidden" name="service" value={view.service.id} />
        <input type="hidden" name="start" value={slot.start} />
        <strong>{when}</strong>–{slot.end}{" "}
        <button type="submit" class="btn small" aria-label={`Book ${when}, any interviewer (auto-assign)`}>
          Any interviewer
        </button>
        {slot.staff.map((s) => (
          <button type="submit" class="btn small secondary" name="staffId" value={s.id} aria-label={`Book ${when} with ${s.name}`}>
            {s.name}
          </button>
        ))}
      </PostForm>
    </div>
  );
}

function CaseDetails({ view }: { view: BookView }) {
  const { caseRow: k, window } = view;
  const contact = [k.contactPhone, k.contactEmail].filter(Boolean).join(" · ");
  const rows: [string, Child][] = [
    ["Reference", <strong>{k.reference}</strong>],
    ["Office", view.office.name],
    ["Track", k.track],
    ["Service", `${view.service.name} (${view.service.durationMinutes} min)`],
    ["Screened", k.screenedAt],
    [
      "Window",
      <>
        {`${window.firstDate} – ${window.lastDate}`}
        {k.windowExtensionDays ? ` (extended by ${k.windowExtensionDays} days)` : ""} <Standing standing={view.standing} />
      </>,
    ],
    ["Language", k.language],
    ["Household", String(k.householdSize)],
    ["Nationality", k.nationality],
    ["Legal status", k.legalStatus],
    ["Contact", contact || "—"],
  ];
  return <DetailsTable rows={rows} />;
}

function Week({ view, week }: { view: BookView; week: BookWeek }) {
  return (
    <section aria-labelledby="week">
      <h2 id="week">{week.label}</h2>
      <p class="muted">Times in office time ({view.office.timeZone}). Interviewers are listed least busy first; “Any interviewer” picks the least busy one.</p>
      {week.days.length === 0 ? (
        <p>No free time this week.</p>
      ) : (
        <div class="days">
          {week.days.map((day) => (
            <section>
              <h3>{day.label}</h3>
              {day.slots.map((slot) => (
                <SlotForm view={view} slot={slot} />
              ))}
            </section>
          ))}
        </div>
      )}
      <div class="pager no-print">
        {week.previous ? <LinkButton href={week.previous}>← Previous week</LinkButton> : null}
        {week.next ? <LinkButton href={week.next}>Next week →</LinkButton> : null}
      </div>
    </section>
  );
}

export function BookPage({ view }: { view: BookView }) {
  const { live } = view;
  const others = view.services.filter((s) => s.id !== view.service.id);
  return (
    <>
      <NoticeBox notice={view.message} />
      {view.nextSlots ? (
        <section aria-labelledby="next-free">
          <h2 id="next-free">Next free times</h2>
          {view.nextSlots.length === 0 ? <p>No other free time in the next two weeks of the window.</p> : view.nextSlots.map((slot) => <SlotForm view={view} slot={slot} />)}
        </section>
      ) : null}
      <CaseDetails view={view} />
      {others.length ? (
        <p class="no-print choices">
          Book another service instead:{" "}
          {others.map((s) => (
            <a href={`${bookPath(view)}?service=${encodeURIComponent(s.id)}`}>{s.name}</a>
          ))}
        </p>
      ) : null}
      {live ? (
        <Notice>
          <p>
            Case {view.caseRow.reference} already has an appointment for {view.service.name}: <strong>{live.when}</strong> ({view.office.timeZone}) with {live.staffName},{" "}
            <StatusBadge status={live.status} />
          </p>
          <p>
            <a href={`/console/appointments/${encodeURIComponent(live.id)}`}>Open the appointment</a> to move or cancel it.
          </p>
        </Notice>
      ) : view.empty === "passed" ? (
        <p>The case's window ended on {view.window.lastDate}: no time inside it is left. An admin can extend the window.</p>
      ) : view.empty === "full" ? (
        <p>No free time is left in the case's window. An admin can extend the window.</p>
      ) : view.week ? (
        <Week view={view} week={view.week} />
      ) : null}
      <p class="no-print">
        <a href={`/console/queue?office=${encodeURIComponent(view.office.id)}`}>← Back to the queue</a>
      </p>
    </>
  );
}
