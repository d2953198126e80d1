// The cases pages: the search (names masked: only initials on a list) and one case, with its
// contact and its window, the only page that shows the applicant's full name.
import { Button, LinkButton, PostForm } from "../components.js";
import { DetailsTable, NoticeBox, Select, Table, type OfficeChoice, type PageNotice } from "./parts.js";
import { Field } from "./cases-form.js";
import type { CaseHit } from "../../domain/case-search.js";
import type { CaseRow } from "../../domain/cases.js";
import type { ConsoleStrings } from "./strings/index.js";
import { OffersSection, type OffersSectionProps } from "./offers.js";

/** "María José Pérez" → "M. J. P.": enough to tell two hits apart at the desk, not to name anyone. */
export function maskedName(name: string | null): string {
  if (!name) return "—";
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(" ");
}

export interface CaseSearchProps {
  q: string;
  office: string;
  offices: OfficeChoice[];
  hits: CaseHit[];
  full: boolean;
  t: ConsoleStrings;
}

export function CaseSearchPage({ q, office, offices, hits, full, t }: CaseSearchProps) {
  const w = t.cases;
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  return (
    <>
      <p>{w.prompt}</p>
      <form method="get" action="/console/cases" class="row" role="search">
        {offices.length > 1 ? <Select name="office" label={t.office} value={office} choices={offices} first={{ value: "", label: t.figures.allOffices }} /> : null}
        <div class="grow">
          <label for="q">{w.search}</label>
          <input id="q" name="q" type="search" value={q} placeholder={w.searchHint} autocomplete="off" maxlength={100} />
        </div>
        <button type="submit" class="btn secondary">
          {t.show}
        </button>
      </form>
      <p>
        <LinkButton href="/console/cases/new">{w.register}</LinkButton>
      </p>
      {q && hits.length === 0 ? <p>{w.noMatch(q)}</p> : null}
      {hits.length ? (
        <Table
          columns={[w.columns.reference, w.columns.name, w.columns.office, w.columns.service, w.columns.window]}
          rows={hits.map((h) => [
            <a href={`/console/cases/${encodeURIComponent(h.caseRow.id)}`}>{h.caseRow.reference}</a>,
            maskedName(h.caseRow.name),
            officeName.get(h.caseRow.officeId) ?? h.caseRow.officeId,
            h.service ? h.service.name : <span class="muted">{w.noService}</span>,
            h.window ? <span class="nowrap">{`${h.window.firstDate} – ${h.window.lastDate}`}</span> : "—",
          ])}
        />
      ) : null}
      {full ? <p class="muted">{w.more(hits.length)}</p> : null}
    </>
  );
}

export interface CaseProps {
  caseRow: CaseRow;
  office: OfficeChoice;
  window: { firstDate: string; lastDate: string; service: string } | null;
  contact: { email: string; phone: string };
  extension: { days: string; reason: string };
  /** The case's earlier-time offers and priority flag (docs/offers.md). */
  offers: OffersSectionProps;
  message?: PageNotice;
  csrf: string;
  t: ConsoleStrings;
}

export function CasePage({ caseRow: r, office, window, contact, extension, offers, message, csrf, t }: CaseProps) {
  const w = t.cases;
  const f = w.fieldNames;
  const base = `/console/cases/${encodeURIComponent(r.id)}`;
  return (
    <>
      <NoticeBox notice={message} />
      <h2>{w.details}</h2>
      <DetailsTable
        rows={[
          [f.reference!, <strong>{r.reference}</strong>],
          [f.name!, r.name ?? "—"],
          [f.officeId!, office.name],
          [f.track!, w.trackChoice[r.track as "UNHCR" | "IOM"] ?? r.track],
          [f.screenedAt!, r.screenedAt],
          [f.language!, r.language],
          [f.householdSize!, String(r.householdSize)],
          [f.nationality!, r.nationality],
          [f.presentSince!, r.presentSince],
          [f.birthDate!, r.birthDate],
          [f.legalStatus!, r.legalStatus],
        ]}
      />
      <section class="card">
        <h2>{w.windowTitle}</h2>
        <p>{window ? `${window.service}: ${w.windowNow(window.firstDate, window.lastDate, r.windowExtensionDays)}` : w.noService}</p>
        {window ? <LinkButton href={`${base}/book`}>{w.book}</LinkButton> : null}
        <p class="muted">{w.extendHint}</p>
        <PostForm action={`${base}/extensions`} csrf={csrf}>
          <div class="row">
            <Field name="days" label={f.days!} value={extension.days} inputmode="numeric" size={4} required />
            <div class="grow">
              <Field name="reason" label={f.reason!} value={extension.reason} maxlength={500} required />
            </div>
            <Button kind="secondary">{w.extendSubmit}</Button>
          </div>
        </PostForm>
      </section>
      <section class="card">
        <h2>{w.contact}</h2>
        <p class="muted">{w.contactHint}</p>
        <PostForm action={`${base}/contact`} csrf={csrf}>
          <div class="row">
            <Field name="email" label={f.email!} type="email" value={contact.email} maxlength={254} />
            <Field name="phone" label={f.phone!} type="tel" value={contact.phone} hint={w.phoneHint} maxlength={20} />
            <Button kind="secondary">{w.saveContact}</Button>
          </div>
        </PostForm>
      </section>
      <OffersSection {...offers} />
    </>
  );
}
