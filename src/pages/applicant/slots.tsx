// Free starts inside the case's window, one week at a time, grouped by day. One radio button
// per start and one submit button: a plain form that works without JavaScript.
import { Button, LinkButton, PostForm } from "../components.js";
import { OfficeContact } from "./contact.js";
import type { AppointmentView, Message, Nav, WeekView } from "./model.js";
import { Shell } from "./shell.js";

export function SlotsPage({ nav, view, week, csrf, message }: { nav: Nav; view: AppointmentView; week: WeekView; csrf: string; message?: Message | null }) {
  const { s } = nav;
  return (
    <Shell nav={nav} title={s.slotsTitle} message={message}>
      <p>
        {s.currentTime}: <strong>{view.when}</strong>
      </p>
      {week.none ? (
        <p>{s.noTimesAtAll}</p>
      ) : (
        <>
          <h2>{week.label}</h2>
          {week.days.length === 0 ? (
            <p>{s.noTimesThisWeek}</p>
          ) : (
            // One required radio makes the whole group required, and saves bytes on long weeks.
            <PostForm action={nav.to("/reschedule")} csrf={csrf}>
              <p class="muted">{s.chooseTime}</p>
              {week.days.map((day, d) => (
                <fieldset>
                  <legend>{day.label}</legend>
                  <div class="times">
                    {day.times.map((t, i) => (
                      <label>
                        <input type="radio" name="start" value={t.value} required={d === 0 && i === 0} />
                        {t.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
              <Button>{s.saveTime}</Button>
            </PostForm>
          )}
          <div class="pager">
            {week.previous ? <LinkButton href={week.previous}>← {s.previousWeek}</LinkButton> : null}
            {week.next ? <LinkButton href={week.next}>{s.nextWeek} →</LinkButton> : null}
          </div>
        </>
      )}
      <LinkButton href={nav.to("")}>{s.back}</LinkButton>
      <OfficeContact nav={nav} view={view} />
    </Shell>
  );
}
