// Registering a screened case: one plain form with the API's fields, and the office's rules
// checked on submit (every failed rule is listed, each naming its field).
import type { Child } from "hono/jsx";
import { Button, PostForm } from "../components.js";
import { LANGUAGES } from "../language.js";
import { NoticeBox, Select, type OfficeChoice, type PageNotice } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

/** A labelled input; `hint` is read with it by screen readers. */
export function Field(p: {
  name: string;
  label: string;
  value?: string;
  type?: string;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  inputmode?: "numeric";
  size?: number;
}) {
  const hintId = p.hint ? `${p.name}-hint` : undefined;
  return (
    <div>
      <label for={p.name}>{p.label}</label>
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? ""}
        required={p.required}
        maxlength={p.maxlength}
        inputmode={p.inputmode}
        size={p.size}
        aria-describedby={hintId}
      />
      {p.hint ? (
        <small id={hintId} class="muted">
          {p.hint}
        </small>
      ) : null}
    </div>
  );
}

/** The refusal's sentences as a list under its title. */
export function problemNotice(title: string, sentences: string[]): PageNotice {
  const child: Child = sentences.length ? (
    <ul>
      {sentences.map((s) => (
        <li>{s}</li>
      ))}
    </ul>
  ) : null;
  return { tone: "error", text: title, child };
}

export interface NewCaseProps {
  offices: OfficeChoice[];
  form: Record<string, string>;
  message?: PageNotice;
  csrf: string;
  t: ConsoleStrings;
}

export function NewCasePage({ offices, form, message, csrf, t }: NewCaseProps) {
  const w = t.cases;
  const f = w.fieldNames;
  const v = (name: string) => form[name] ?? "";
  return (
    <>
      <NoticeBox notice={message} />
      <PostForm action="/console/cases/new" csrf={csrf}>
        <div class="row">
          <Select name="officeId" label={f.officeId!} value={v("officeId")} choices={offices} />
          <Select name="track" label={f.track!} value={v("track")} choices={(["UNHCR", "IOM"] as const).map((id) => ({ id, name: w.trackChoice[id] }))} />
          <Select name="language" label={f.language!} value={v("language") || "es"} choices={LANGUAGES.map((id) => ({ id, name: id }))} />
        </div>
        <div class="row">
          <Field name="reference" label={f.reference!} value={v("reference")} hint={w.referenceHint} maxlength={64} />
          <div class="grow">
            <Field name="name" label={f.name!} value={v("name")} maxlength={200} />
          </div>
        </div>
        <div class="row">
          <Field name="screenedAt" label={f.screenedAt!} type="date" value={v("screenedAt")} required />
          <Field name="householdSize" label={f.householdSize!} value={v("householdSize") || "1"} inputmode="numeric" size={4} required />
          <Field name="nationality" label={f.nationality!} value={v("nationality")} hint={w.codeHint} maxlength={2} size={4} required />
        </div>
        <div class="row">
          <Field name="presentSince" label={f.presentSince!} type="date" value={v("presentSince")} required />
          <Field name="birthDate" label={f.birthDate!} type="date" value={v("birthDate")} required />
          <Field name="legalStatus" label={f.legalStatus!} value={v("legalStatus")} maxlength={100} required />
        </div>
        <div class="row">
          <Field name="email" label={f.email!} type="email" value={v("email")} maxlength={254} />
          <Field name="phone" label={f.phone!} type="tel" value={v("phone")} hint={w.phoneHint} maxlength={20} />
        </div>
        <Button>{w.submit}</Button>
      </PostForm>
    </>
  );
}
