// The office set-up pages: the list of offices, and one office's form (details, opening hours by
// weekday, public contact, reminders and quiet hours) with links to its rooms, holidays and rules.
import { PostForm, Button } from "../components.js";
import { NoticeBox, SetupList } from "./parts.js";
import { Field, FormFields, type SetupFormProps } from "./offices-fields.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface OfficeListItem {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  address: string;
}

export function OfficesPage({ offices, isAdmin, t }: { offices: OfficeListItem[]; isAdmin: boolean; t: ConsoleStrings }) {
  const w = t.offices;
  return (
    <SetupList
      add={isAdmin ? { href: "/console/offices/new", label: w.add } : null}
      none={w.none}
      columns={[w.columns.name, w.columns.id, w.columns.country, w.columns.timeZone, w.columns.address]}
      rows={offices.map((o) => [<a href={`/console/offices/${encodeURIComponent(o.id)}`}>{o.name}</a>, o.id, o.country, o.timeZone, o.address])}
    />
  );
}

export type OfficePart = "details" | "rooms" | "holidays" | "eligibility";

/** Links between the parts of one office's set-up. */
export function OfficeSubnav({ officeId, current, t }: { officeId: string; current: OfficePart; t: ConsoleStrings }) {
  const base = `/console/offices/${encodeURIComponent(officeId)}`;
  const parts: [OfficePart, string][] = [
    ["details", base],
    ["rooms", `${base}/rooms`],
    ["holidays", `${base}/holidays`],
    ["eligibility", `${base}/eligibility`],
  ];
  return (
    <nav aria-label={t.offices.subnav.label} class="choices row">
      {parts.map(([part, href]) => (
        <a href={href} aria-current={part === current ? "page" : undefined}>
          {t.offices.subnav[part]}
        </a>
      ))}
    </nav>
  );
}

export interface OfficeFormProps extends SetupFormProps {
  /** The office being edited; absent on the new-office page. */
  officeId?: string;
}

export function OfficeFormPage({ officeId, values, errors, notice, readOnly, csrf, t }: OfficeFormProps) {
  const w = t.offices;
  const field = (name: string, extra: { hint?: string; inputmode?: "numeric" | "email" | "tel"; required?: boolean; maxlength?: number } = {}) => (
    <Field name={name} label={w.fields[name] ?? name} value={values[name] ?? ""} errors={errors} {...extra} />
  );
  const action = officeId ? `/console/offices/${encodeURIComponent(officeId)}` : "/console/offices/new";
  return (
    <>
      {officeId ? <OfficeSubnav officeId={officeId} current="details" t={t} /> : null}
      <NoticeBox notice={notice} />
      {readOnly ? <p class="muted">{w.adminOnly}</p> : null}
      <PostForm action={action} csrf={csrf}>
        <FormFields readOnly={readOnly} legend={w.details}>
          {officeId ? null : field("id", { hint: w.hints.id, maxlength: 64 })}
          {field("name", { required: true, maxlength: 200 })}
          {field("country", { hint: w.hints.country, required: true, maxlength: 2 })}
          {field("timeZone", { hint: w.hints.timeZone, required: true })}
          {field("address", { required: true, maxlength: 500 })}
          {field("email", { hint: w.hints.email, inputmode: "email" })}
        </FormFields>
        <FormFields readOnly={readOnly} legend={w.hours} hint={w.hints.hours}>
          {(["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const).map((d) => (
            <Field name={`hours.${d}`} label={w.weekdays[d]} value={values[`hours.${d}`] ?? ""} errors={errors} />
          ))}
        </FormFields>
        <FormFields readOnly={readOnly} legend={w.contact}>
          {field("phone", { hint: w.hints.phone, inputmode: "tel" })}
          {field("publicEmail", { inputmode: "email" })}
        </FormFields>
        <FormFields readOnly={readOnly} legend={w.settings}>
          {field("settings.reminderHours", { hint: w.hints.reminderHours })}
          {field("settings.quietHoursStart", { hint: w.hints.quietHours })}
          {field("settings.quietHoursEnd")}
          {field("settings.rescheduleLimit", { inputmode: "numeric" })}
          {field("settings.applicantRescheduleLimit", { inputmode: "numeric" })}
        </FormFields>
        {readOnly ? null : <Button>{officeId ? w.save : w.create}</Button>}
      </PostForm>
    </>
  );
}
