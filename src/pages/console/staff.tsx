// The interviewers pages: the list, the form that adds one, and the details part of one
// interviewer's page (an admin edits them; a scheduler reads them).
import { Button, LinkButton, PostForm } from "../components.js";
import { DetailsTable, NoticeBox, Select, Table, type OfficeChoice, type PageNotice } from "./parts.js";
import { Field } from "./cases-form.js";
import type { StaffRow } from "../../domain/staff.js";
import type { ConsoleStrings } from "./strings/index.js";

export function StaffListPage({ staff, canAdd, names, t }: { staff: StaffRow[]; canAdd: boolean; names: Map<string, string>; t: ConsoleStrings }) {
  const w = t.staff;
  const named = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(", ");
  return (
    <>
      {canAdd ? (
        <p>
          <LinkButton href="/console/staff/new">{w.add}</LinkButton>
        </p>
      ) : null}
      {staff.length === 0 ? (
        <p>{w.empty}</p>
      ) : (
        <Table
          columns={[w.columns.name, w.columns.zone, w.columns.offices, w.columns.services, w.columns.languages]}
          rows={staff.map((s) => [
            <a href={`/console/staff/${encodeURIComponent(s.id)}`}>{s.name}</a>,
            s.timeZone,
            named(s.officeIds),
            named(s.serviceIds),
            s.languages.join(", "),
          ])}
        />
      )}
    </>
  );
}

/** The fields of a member as the form shows them: lists as text, choices by id. */
export type StaffForm = Record<string, string | string[]>;

/** Check boxes of named choices, in one fieldset. */
function Choices({ name, legend, choices, chosen }: { name: string; legend: string; choices: OfficeChoice[]; chosen: string[] }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label class="check">
          <input type="checkbox" name={name} value={c.id} checked={chosen.includes(c.id)} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

export interface DetailsFormProps {
  action: string;
  form: StaffForm;
  offices: OfficeChoice[];
  services: OfficeChoice[];
  isNew: boolean;
  csrf: string;
  t: ConsoleStrings;
}

export function StaffDetailsForm({ action, form, offices, services, isNew, csrf, t }: DetailsFormProps) {
  const w = t.staff;
  const f = w.fieldNames;
  const text = (name: string) => String(form[name] ?? "");
  const list = (name: string) => (Array.isArray(form[name]) ? (form[name] as string[]) : form[name] ? [String(form[name])] : []);
  return (
    <PostForm action={action} csrf={csrf}>
      <div class="row">
        {isNew ? <Field name="id" label={f.id!} value={text("id")} hint={w.idHint} maxlength={64} /> : null}
        <div class="grow">
          <Field name="name" label={f.name!} value={text("name")} maxlength={200} required />
        </div>
        <Field name="email" label={f.email!} type="email" value={text("email")} maxlength={254} required />
        <Field name="phone" label={f.phone!} type="tel" value={text("phone")} maxlength={20} />
      </div>
      <div class="row">
        <Select name="agency" label={f.agency!} value={text("agency")} choices={["UNHCR", "IOM"].map((id) => ({ id, name: id }))} />
        <Field name="timeZone" label={f.timeZone!} value={text("timeZone")} maxlength={64} required />
        <Field name="languages" label={f.languages!} value={text("languages")} hint={w.languagesHint} maxlength={40} required />
      </div>
      <div class="row">
        <Choices name="officeIds" legend={f.officeIds!} choices={offices} chosen={list("officeIds")} />
        <Choices name="serviceIds" legend={f.serviceIds!} choices={services} chosen={list("serviceIds")} />
      </div>
      <Button>{isNew ? w.create : w.saveDetails}</Button>
    </PostForm>
  );
}

export function NewStaffPage(props: Omit<DetailsFormProps, "action" | "isNew"> & { message?: PageNotice }) {
  return (
    <>
      <NoticeBox notice={props.message} />
      <StaffDetailsForm {...props} action="/console/staff/new" isNew />
    </>
  );
}

/** A scheduler reads the details; only an admin changes them (as in the API). */
export function StaffDetails({ member, names, t }: { member: StaffRow; names: Map<string, string>; t: ConsoleStrings }) {
  const f = t.staff.fieldNames;
  const named = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(", ");
  return (
    <DetailsTable
      rows={[
        [f.name!, member.name],
        [f.email!, member.email],
        [f.agency!, member.agency],
        [f.timeZone!, member.timeZone],
        [f.languages!, member.languages.join(", ")],
        [f.officeIds!, named(member.officeIds)],
        [f.serviceIds!, named(member.serviceIds)],
      ]}
    />
  );
}
