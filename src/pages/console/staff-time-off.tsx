// An interviewer's time off on their page: the coming entries, each removable, and the form
// that adds one (times typed in the interviewer's zone). Shown only where the domain allows it.
import { Button, PostForm } from "../components.js";
import { Field } from "./cases-form.js";
import { RemovableList } from "./parts.js";
import type { HoursProps } from "./staff-hours.js";

export function TimeOffSection({
  base,
  memberZone,
  timeOff,
  timeOffEditable,
  timeOffForm,
  csrf,
  t,
}: Pick<HoursProps, "base" | "memberZone" | "timeOff" | "timeOffEditable" | "timeOffForm" | "csrf" | "t">) {
  const w = t.staff;
  const f = w.fieldNames;
  return (
    <section class="card" id="time-off">
      <h2>{w.timeOff}</h2>
      <p class="muted">{w.timeOffHint(memberZone)}</p>
      <RemovableList
        entries={timeOff.map((x) => ({ text: `${x.when}: ${x.reason}`, removeAction: timeOffEditable ? `${base}/time-off/${encodeURIComponent(x.id)}/delete` : null }))}
        none={w.noTimeOff}
        remove={w.remove}
        csrf={csrf}
      />
      {timeOffEditable ? (
        <PostForm action={`${base}/time-off`} csrf={csrf}>
          <div class="row">
            <Field name="start" label={f.start!} type="datetime-local" value={timeOffForm.start} required />
            <Field name="end" label={f.end!} type="datetime-local" value={timeOffForm.end} required />
            <div class="grow">
              <Field name="reason" label={f.reason!} value={timeOffForm.reason} maxlength={300} required />
            </div>
            <Button kind="secondary">{w.addTimeOff}</Button>
          </div>
        </PostForm>
      ) : null}
    </section>
  );
}
