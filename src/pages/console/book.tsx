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
import type { ConsoleStrings } from "./strings/index.js";

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
  t: ConsoleStrings;
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
        <button type="submit" class="btn small" aria-label={view.t.book.bookAny(when)}>
          {view.t.book.anyInterviewer}
        </button>
        {slot.staff.map((s) => (
          <button type="submit" class="btn small secondary" name="staffId" value={s.id} aria-label={view.t.book.bookWith(when, s.name)}>
            {s.name}
          </button>
        ))}
      </PostForm>
    </div>
  );
}

function CaseDetails({ view }: { view: BookView }) {
  const { caseRow: k, window, t } = view;
  const f = t.book.fields;
  const contact = [k.contactPhone, k.contactEmail].filter(Boolean).join(" · ");
  const rows: [string, Child][] = [
    [f.reference, <strong>{k.reference}</strong>],
    [f.office, view.office.name],
    [f.track, k.track],
    [f.service, `${view.service.name} (${t.book.minutes(view.service.durationMinutes)})`],
    [f.screened, k.screenedAt],
    [
      f.window,
      <>
        {`${window.firstDate} – ${window.lastDate}`}
        {k.windowExtensionDays ? t.book.extended(k.windowExtensionDays) : ""} <Standing standing={view.standing} t={t} />
      </>,
    ],
    [f.language, k.language],
    [f.household, String(k.householdSize)],
    [f.nationality, k.nationality],
    [f.legalStatus, k.legalStatus],
    [f.contact, contact || "—"],
  ];
  return <DetailsTable rows={rows} />;
}

function Week({ view, week }: { view: BookView; week: BookWeek }) {
  const w = view.t.book;
  return (
    <section aria-labelledby="week">
      <h2 id="week">{week.label}</h2>
      <p class="muted">{w.timesHint(view.office.timeZone)}</p>
      {week.days.length === 0 ? (
        <p>{w.noFreeThisWeek}</p>
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
        {week.previous ? <LinkButton href={week.previous}>{w.previousWeek}</LinkButton> : null}
        {week.next ? <LinkButton href={week.next}>{w.nextWeek}</LinkButton> : null}
      </div>
    </section>
  );
}

export function BookPage({ view }: { view: BookView }) {
  const { live } = view;
  const others = view.services.filter((s) => s.id !== view.service.id);
  const { t } = view;
  const w = t.book;
  return (
    <>
      <NoticeBox notice={view.message} />
      {view.nextSlots ? (
        <section aria-labelledby="next-free">
          <h2 id="next-free">{w.nextFree}</h2>
          {view.nextSlots.length === 0 ? <p>{w.noneFree}</p> : view.nextSlots.map((slot) => <SlotForm view={view} slot={slot} />)}
        </section>
      ) : null}
      <CaseDetails view={view} />
      {others.length ? (
        <p class="no-print choices">
          {w.otherServices}{" "}
          {others.map((s) => (
            <a href={`${bookPath(view)}?service=${encodeURIComponent(s.id)}`}>{s.name}</a>
          ))}
        </p>
      ) : null}
      {live ? (
        <Notice>
          <p>
            {w.alreadyBooked(view.caseRow.reference, view.service.name)} <strong>{w.withWhom(live.when, view.office.timeZone, live.staffName)}</strong>{" "}
            <StatusBadge status={live.status} t={t} />
          </p>
          <p>
            <a href={`/console/appointments/${encodeURIComponent(live.id)}`}>{w.openAppointment}</a> {w.toMoveOrCancel}
          </p>
        </Notice>
      ) : view.empty === "passed" ? (
        <p>{w.windowEnded(view.window.lastDate)}</p>
      ) : view.empty === "full" ? (
        <p>{w.windowFull}</p>
      ) : view.week ? (
        <Week view={view} week={view.week} />
      ) : null}
      <p class="no-print">
        <a href={`/console/queue?office=${encodeURIComponent(view.office.id)}`}>{w.backToQueue}</a>
      </p>
    </>
  );
}
