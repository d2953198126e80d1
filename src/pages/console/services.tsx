// The service set-up pages: the list of services with their lengths and windows, and one
// service's form (duration, buffer, window, daily cap, step, notice).
import { Button, PostForm } from "../components.js";
import { NoticeBox, SetupList } from "./parts.js";
import { CheckField, Field, FormFields, SelectField, type SetupFormProps } from "./offices-fields.js";
import type { ConsoleStrings } from "./strings/index.js";

export interface ServiceListItem {
  id: string;
  name: string;
  agency: string;
  duration: string;
  buffer: string;
  window: string;
  step: string;
  notice: string;
  cap: string;
}

export function ServicesPage({ services, isAdmin, t }: { services: ServiceListItem[]; isAdmin: boolean; t: ConsoleStrings }) {
  const w = t.services;
  const c = w.columns;
  return (
    <SetupList
      add={isAdmin ? { href: "/console/services/new", label: w.add } : null}
      none={w.none}
      columns={[
        c.name,
        c.agency,
        { label: c.duration, class: "num" },
        { label: c.buffer, class: "num" },
        c.window,
        { label: c.step, class: "num" },
        { label: c.notice, class: "num" },
        { label: c.cap, class: "num" },
      ]}
      rows={services.map((s) => [<a href={`/console/services/${encodeURIComponent(s.id)}`}>{s.name}</a>, s.agency, s.duration, s.buffer, s.window, s.step, s.notice, s.cap])}
    />
  );
}

export interface ServiceFormProps extends SetupFormProps {
  /** The service being edited; absent on the new-service page. */
  serviceId?: string;
}

export function ServiceFormPage({ serviceId, values, errors, notice, readOnly, csrf, t }: ServiceFormProps) {
  const w = t.services;
  const field = (name: string, extra: { hint?: string; numeric?: boolean; required?: boolean; maxlength?: number } = {}) => (
    <Field
      name={name}
      label={w.fields[name] ?? name}
      value={values[name] ?? ""}
      errors={errors}
      hint={extra.hint}
      inputmode={extra.numeric ? "numeric" : undefined}
      required={extra.required}
      maxlength={extra.maxlength}
    />
  );
  return (
    <>
      <NoticeBox notice={notice} />
      {readOnly ? <p class="muted">{w.adminOnly}</p> : null}
      <PostForm action={serviceId ? `/console/services/${encodeURIComponent(serviceId)}` : "/console/services/new"} csrf={csrf}>
        <FormFields readOnly={readOnly} legend={serviceId ? w.editTitle(values.name || serviceId) : w.newTitle}>
          {serviceId ? null : field("id", { hint: w.hints.id, maxlength: 64 })}
          {field("name", { maxlength: 200 })}
          <SelectField name="agency" label={w.fields.agency!} value={values.agency ?? "IOM"} options={["IOM", "UNHCR"]} errors={errors} />
          {field("durationMinutes", { hint: w.hints.minutes, numeric: true, required: true })}
          {field("bufferMinutes", { numeric: true })}
          {field("slotStepMinutes", { numeric: true })}
          {field("window.minDays", { hint: w.hints.window, numeric: true, required: true })}
          {field("window.maxDays", { numeric: true, required: true })}
          {field("minNoticeHours", { hint: w.hints.notice, numeric: true })}
          {field("dailyCapPerOffice", { hint: w.hints.cap, numeric: true })}
          <CheckField name="needsRoom" label={w.fields.needsRoom!} checked={values.needsRoom === "on"} errors={errors} />
        </FormFields>
        {readOnly ? null : <Button>{serviceId ? w.save : w.create}</Button>}
      </PostForm>
    </>
  );
}
