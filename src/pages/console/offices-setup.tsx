// The parts of an office's set-up beside its form: rooms, public holidays (kept open or not) and
// eligibility rules with their preview.
import { Button, PostForm } from "../components.js";
import { NoticeBox, PreviewAndSave, RowButton, Table, type PageNotice } from "./parts.js";
import { Field, FormFields, type FieldErrors } from "./offices-fields.js";
import { OfficeSubnav } from "./offices.js";
import type { ConsoleStrings } from "./strings/index.js";

interface Common {
  officeId: string;
  notice?: PageNotice;
  csrf: string;
  t: ConsoleStrings;
}

export function RoomsPage(p: Common & { rooms: { id: string; name: string }[]; values: Record<string, string>; errors: FieldErrors; readOnly: boolean }) {
  const w = p.t.offices;
  return (
    <>
      <OfficeSubnav officeId={p.officeId} current="rooms" t={p.t} />
      <NoticeBox notice={p.notice} />
      <p>{w.rooms.intro}</p>
      {p.rooms.length === 0 ? <p class="muted">{w.rooms.none}</p> : <Table columns={[w.columns.name, w.columns.id]} rows={p.rooms.map((r) => [r.name, r.id])} />}
      {p.readOnly ? (
        <p class="muted">{w.adminOnly}</p>
      ) : (
        <PostForm action={`/console/offices/${encodeURIComponent(p.officeId)}/rooms`} csrf={p.csrf}>
          <FormFields readOnly={false} legend={w.rooms.add}>
            <Field name="name" label={w.fields.name!} value={p.values.name ?? ""} errors={p.errors} required maxlength={200} />
            <Field name="id" label={w.fields.id!} value={p.values.id ?? ""} errors={p.errors} hint={w.hints.id} maxlength={64} />
          </FormFields>
          <Button>{w.rooms.submit}</Button>
        </PostForm>
      )}
    </>
  );
}

export interface HolidayView {
  date: string;
  /** The date in words, in the page's language. */
  words: string;
  name: string;
  openEntry: { id: string; reason: string } | null;
}

export function HolidaysPage(p: Common & { intro: string; holidays: HolidayView[]; values: Record<string, string>; errors: FieldErrors }) {
  const w = p.t.offices.holidays;
  const base = `/console/offices/${encodeURIComponent(p.officeId)}/holidays`;
  const keepOpen = (h: HolidayView) => {
    const chosen = p.values.date === h.date;
    return (
      <PostForm action={base} csrf={p.csrf}>
        <input type="hidden" name="date" value={h.date} />
        <Field name="reason" id={`reason-${h.date}`} label={w.reason} value={chosen ? (p.values.reason ?? "") : ""} errors={chosen ? p.errors : {}} maxlength={300} />
        <button type="submit" class="btn secondary small">
          {w.keepOpen}
        </button>
      </PostForm>
    );
  };
  return (
    <>
      <OfficeSubnav officeId={p.officeId} current="holidays" t={p.t} />
      <NoticeBox notice={p.notice} />
      <p>{p.intro}</p>
      {p.holidays.length === 0 ? (
        <p class="muted">{w.none}</p>
      ) : (
        <Table
          columns={[w.columns.date, w.columns.name, w.columns.state, w.columns.action]}
          rows={p.holidays.map((h) => [
            <>
              {h.words} <span class="nowrap">({h.date})</span>
            </>,
            h.name,
            h.openEntry ? w.open(h.openEntry.reason) : w.closed,
            h.openEntry ? <RowButton action={`${base}/${encodeURIComponent(h.openEntry.id)}/close`} csrf={p.csrf} label={w.closeAgain} /> : keepOpen(h),
          ])}
        />
      )}
    </>
  );
}

export function EligibilityPage(p: Common & { values: Record<string, string>; errors: FieldErrors; hasRules: boolean; readOnly: boolean }) {
  const w = p.t.offices;
  const e = w.eligibility;
  const field = (name: string, extra: { hint?: string; type?: "date"; inputmode?: "numeric" } = {}) => (
    <Field name={name} label={w.fields[name] ?? name} value={p.values[name] ?? ""} errors={p.errors} {...extra} />
  );
  return (
    <>
      <OfficeSubnav officeId={p.officeId} current="eligibility" t={p.t} />
      <NoticeBox notice={p.notice} />
      <p>{e.intro}</p>
      {p.hasRules ? null : <p class="muted">{e.noRules}</p>}
      {p.readOnly ? <p class="muted">{w.adminOnly}</p> : null}
      <PostForm action={`/console/offices/${encodeURIComponent(p.officeId)}/eligibility`} csrf={p.csrf}>
        <FormFields readOnly={p.readOnly} legend={w.subnav.eligibility}>
          {field("nationalities", { hint: e.hints.nationalities })}
          {field("presentOnOrBefore", { type: "date" })}
          {field("minAge", { hint: e.hints.minAge, inputmode: "numeric" })}
          {field("legalStatuses", { hint: e.hints.legalStatuses })}
        </FormFields>
        {/* Two buttons, one form: the preview checks and counts, only Save writes. */}
        {p.readOnly ? null : <PreviewAndSave name="do" preview={e.preview} save={e.save} />}
      </PostForm>
    </>
  );
}
