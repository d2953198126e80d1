// Form pieces of the set-up pages (offices, services): a labelled field with its hint and, when the
// domain refused it, the reason right under it (tied to the input for screen readers).
import type { Child } from "hono/jsx";
import type { PageNotice } from "./parts.js";
import type { ConsoleStrings } from "./strings/index.js";

/** The refusal of each field, by the form's name for it. */
export type FieldErrors = Record<string, string>;

/** What a set-up form page (an office's, a service's) is drawn from: the values as typed or saved, and their refusals. */
export interface SetupFormProps {
  values: Record<string, string>;
  errors: FieldErrors;
  notice?: PageNotice;
  readOnly: boolean;
  csrf: string;
  t: ConsoleStrings;
}

const idOf = (name: string) => `f-${name.replace(/[^\w-]/g, "-")}`;

export interface FieldProps {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  hint?: string;
  /** "numeric" brings up the number keypad on a phone; the value stays text for the domain to judge. */
  inputmode?: "numeric" | "email" | "tel";
  type?: "text" | "date";
  required?: boolean;
  maxlength?: number;
  /** The element id, when the same field name appears in several forms of a page. */
  id?: string;
}

function described(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Hint and error lines of a field. */
function Notes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p class="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="flag" id={`${id}-error`}>
          <strong>{error}</strong>
        </p>
      ) : null}
    </>
  );
}

export function Field(p: FieldProps) {
  const error = p.errors[p.name];
  const id = p.id ?? idOf(p.name);
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value}
        inputmode={p.inputmode}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described(id, p.hint, error)}
      />
      <Notes id={id} hint={p.hint} error={error} />
    </div>
  );
}

export function SelectField(p: { name: string; label: string; value: string; options: string[]; errors: FieldErrors }) {
  const error = p.errors[p.name];
  return (
    <div class="field">
      <label for={idOf(p.name)}>{p.label}</label>
      <select id={idOf(p.name)} name={p.name} aria-invalid={error ? "true" : undefined} aria-describedby={described(idOf(p.name), undefined, error)}>
        {p.options.map((o) => (
          <option value={o} selected={o === p.value}>
            {o}
          </option>
        ))}
      </select>
      <Notes id={idOf(p.name)} error={error} />
    </div>
  );
}

export function CheckField(p: { name: string; label: string; checked: boolean; errors: FieldErrors }) {
  const error = p.errors[p.name];
  return (
    <div class="field">
      <label>
        <input type="checkbox" name={p.name} value="on" checked={p.checked} aria-describedby={described(idOf(p.name), undefined, error)} /> {p.label}
      </label>
      <Notes id={idOf(p.name)} error={error} />
    </div>
  );
}

/** A form's fields, greyed out and unsendable for someone who may only look (a scheduler). */
export function FormFields({ readOnly, legend, hint, children }: { readOnly: boolean; legend: string; hint?: string; children?: Child }) {
  return (
    <fieldset disabled={readOnly} class="set">
      <legend>{legend}</legend>
      {hint ? <p class="muted">{hint}</p> : null}
      <div class="grid">{children}</div>
    </fieldset>
  );
}
