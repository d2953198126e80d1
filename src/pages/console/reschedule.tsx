// The appointment page's two ways to move it: a week of free starts inside the case's window (one
// click each), and a start outside the window with a reason.
import { Button, LinkButton, PostForm } from "../components.js";
import { Select } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface Start {
  /** The ISO instant the form sends. */
  value: string;
  label: string;
}

export interface WeekOfStarts {
  label: string;
  previous: string | null;
  next: string | null;
  days: { label: string; starts: Start[] }[];
  /** Why no week is offered at all (window passed, limit reached). */
  blocked: string | null;
  staff: { id: string; name: string }[];
  staffId: string;
  week: string;
}

/** A day's (or a refusal's) free starts: one form, one submit button per start. */
export function StartButtons({ id, csrf, starts, extra = {} }: { id: string; csrf: string; starts: Start[]; extra?: Record<string, string> }) {
  return (
    <PostForm action={`/console/appointments/${id}/reschedule`} csrf={csrf}>
      {Object.entries(extra).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {starts.map((s) => (
        <button type="submit" name="start" value={s.value} class="btn small secondary">
          {s.label}
        </button>
      ))}
    </PostForm>
  );
}

export function MoveInWindow({ id, csrf, week, t }: { id: string; csrf: string; week: WeekOfStarts; t: ConsoleStrings }) {
  const w = t.move;
  return (
    <section>
      <h2>{w.inWindow}</h2>
      {week.blocked ? (
        <p>{week.blocked}</p>
      ) : (
        <>
          <form method="get" action={`/console/appointments/${id}`} class="row">
            <input type="hidden" name="week" value={week.week} />
            <Select name="staff" label={w.interviewer} value={week.staffId} choices={week.staff} first={{ value: "", label: w.anyInterviewer }} />
            <button type="submit" class="btn secondary">
              {w.showFreeTimes}
            </button>
          </form>
          <h3>{week.label}</h3>
          {week.days.length === 0 ? <p class="muted">{w.noFreeThisWeek}</p> : null}
          <div class="days">
            {week.days.map((day) => (
              <section>
                <h3>{day.label}</h3>
                <StartButtons id={id} csrf={csrf} starts={day.starts} extra={week.staffId ? { staffId: week.staffId } : {}} />
              </section>
            ))}
          </div>
          <p>
            {week.previous ? <LinkButton href={week.previous}>{w.previousWeek}</LinkButton> : null}
            {week.next ? <LinkButton href={week.next}>{w.nextWeek}</LinkButton> : null}
          </p>
        </>
      )}
    </section>
  );
}

export function MoveOutsideWindow({ id, csrf, zone, values, t }: { id: string; csrf: string; zone: string; values: { start: string; reason: string }; t: ConsoleStrings }) {
  const w = t.move;
  return (
    <section>
      <h2>{w.outside}</h2>
      <p class="muted">{w.outsideHint}</p>
      <PostForm action={`/console/appointments/${id}/reschedule`} csrf={csrf}>
        <input type="hidden" name="override" value="1" />
        <div class="row">
          <div>
            <label for="override-start">{w.newStart(zone)}</label>
            <input id="override-start" type="datetime-local" name="start" value={values.start} required />
          </div>
          <div class="grow">
            <label for="override-reason">{w.reason}</label>
            <input id="override-reason" type="text" name="reason" value={values.reason} required maxlength={500} />
          </div>
          <Button kind="secondary">{w.submit}</Button>
        </div>
      </PostForm>
    </section>
  );
}
