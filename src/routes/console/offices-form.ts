// Between the set-up forms and the API's shapes: a form's text fields become the body the API's
// own schemas check (src/routes/{offices,services}/schema.ts), and each refusal comes back to the
// form field it is about. No rule lives here; numbers that are not numbers go through as text so
// that the schema names them.
import type { ZodType } from "zod";
import type { HoursRow } from "../../db/schema.js";
import type { OfficeRow } from "../../domain/offices.js";
import { DomainError, invalidFields, type FieldError } from "../../domain/errors.js";
import { zodProblem } from "../../http/errors.js";
import type { FieldErrors } from "../../pages/console/offices-fields.js";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** A whole number when the text is one; empty is "not given"; anything else stays text for the schema to refuse. */
export function numberField(value: string | undefined): number | string | undefined {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}

/** "VE, CU ,HT" → ["VE", "CU", "HT"]. */
export const listField = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** An optional text field: empty clears it. */
export const textOrNull = (value: string | undefined) => ((value ?? "").trim() === "" ? null : (value ?? "").trim());

/** The API's body from a form, or the refusals: the form's own format slips plus the schema's. */
export function checked<T>(schema: ZodType<T>, body: unknown, slips: FieldError[] = []): T {
  const result = schema.safeParse(body);
  const errors = [...slips, ...(result.success ? [] : (zodProblem(result.error).extra.errors as FieldError[]))];
  if (errors.length || !result.success) throw invalidFields(errors);
  return result.data;
}

/**
 * The refusal of each form field: a path the form names itself ("timeZone"), or the field
 * whose name starts it ("settings.reminderHours.1" → "settings.reminderHours"); `rename` maps
 * paths the form builds from several fields ("hours.3.end" → "hours.TH").
 */
export function fieldErrorsOf(
  error: DomainError,
  fields: readonly string[],
  sentence: (field: string, message: string) => string,
  rename: (path: string) => string | undefined = () => undefined,
): FieldErrors {
  const out: FieldErrors = {};
  for (const e of (error.extra.errors as FieldError[] | undefined) ?? []) {
    const field = rename(e.path) ?? fields.find((f) => e.path === f || e.path.startsWith(`${f}.`)) ?? "";
    const line = sentence(field, e.message);
    out[field] = out[field] ? `${out[field]} ${line}` : line;
  }
  return out;
}

/** One weekday's ranges as the form writes them: "08:00-12:00, 13:00-17:00". */
export function hoursText(hours: HoursRow[], day: Weekday): string {
  return hours
    .filter((h) => h.days.includes(day))
    .map((h) => `${h.start}-${h.end}`)
    .join(", ");
}

/** The weekday fields as hours rows, one per range; `fieldOf[i]` is the field row i came from. */
export function hoursFromForm(form: Record<string, string>, formatMessage: string) {
  const rows: HoursRow[] = [];
  const fieldOf: string[] = [];
  const slips: FieldError[] = [];
  for (const day of WEEKDAYS) {
    const field = `hours.${day}`;
    for (const range of listField(form[field])) {
      const m = /^(\S+?)\s*[-–]\s*(\S+)$/.exec(range);
      if (!m) slips.push({ path: field, message: formatMessage });
      else {
        rows.push({ days: [day], start: m[1]!, end: m[2]! });
        fieldOf.push(field);
      }
    }
  }
  return { rows, fieldOf, slips };
}

/** Days that share a range become one row, as an admin would write it to the API. */
export function groupHours(rows: HoursRow[]): HoursRow[] {
  const byRange = new Map<string, HoursRow>();
  for (const row of rows) {
    const key = `${row.start}-${row.end}`;
    const same = byRange.get(key);
    if (same) same.days.push(...row.days.filter((d) => !same.days.includes(d)));
    else byRange.set(key, { days: [...row.days], start: row.start, end: row.end });
  }
  return [...byRange.values()];
}

export const OFFICE_FIELDS = [
  "id",
  "name",
  "country",
  "timeZone",
  "address",
  "email",
  "phone",
  "publicEmail",
  ...WEEKDAYS.map((d) => `hours.${d}`),
  "settings.rescheduleLimit",
  "settings.applicantRescheduleLimit",
  "settings.reminderHours",
  "settings.quietHoursStart",
  "settings.quietHoursEnd",
] as const;

/** The office as its form shows it. */
export function officeValues(o: OfficeRow): Record<string, string> {
  const s = o.settings;
  return {
    id: o.id,
    name: o.name,
    country: o.country,
    timeZone: o.timeZone,
    address: o.address,
    email: o.email ?? "",
    phone: o.phone ?? "",
    publicEmail: o.publicEmail ?? "",
    ...Object.fromEntries(WEEKDAYS.map((d) => [`hours.${d}`, hoursText(o.hours, d)])),
    "settings.rescheduleLimit": String(s.rescheduleLimit),
    "settings.applicantRescheduleLimit": String(s.applicantRescheduleLimit),
    "settings.reminderHours": s.reminderHours.join(", "),
    "settings.quietHoursStart": s.quietHoursStart,
    "settings.quietHoursEnd": s.quietHoursEnd,
  };
}

/** The office form as the API's body (create or update), with the form's own format slips. */
export function officeBody(form: Record<string, string>, formatMessage: string) {
  const hours = hoursFromForm(form, formatMessage);
  const settings = Object.fromEntries(
    Object.entries({
      rescheduleLimit: numberField(form["settings.rescheduleLimit"]),
      applicantRescheduleLimit: numberField(form["settings.applicantRescheduleLimit"]),
      reminderHours: form["settings.reminderHours"] === undefined ? undefined : listField(form["settings.reminderHours"]).map(numberField),
      quietHoursStart: textOrNull(form["settings.quietHoursStart"]) ?? undefined,
      quietHoursEnd: textOrNull(form["settings.quietHoursEnd"]) ?? undefined,
    }).filter(([, v]) => v !== undefined),
  );
  const body = {
    ...(textOrNull(form.id) ? { id: textOrNull(form.id) } : {}),
    name: form.name ?? "",
    country: (form.country ?? "").trim(),
    timeZone: (form.timeZone ?? "").trim(),
    address: form.address ?? "",
    email: textOrNull(form.email),
    phone: textOrNull(form.phone),
    publicEmail: textOrNull(form.publicEmail),
    hours: hours.rows,
    settings,
  };
  const rename = (path: string) => {
    const m = /^hours\.(\d+)/.exec(path);
    return m ? hours.fieldOf[Number(m[1])] : undefined;
  };
  return { body, slips: hours.slips, rename };
}
