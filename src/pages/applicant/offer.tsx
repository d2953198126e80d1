// The page an offer's link opens: the freed time, the office, until when, and Accept / No thanks.
// Once decided it says what became of the offer; it works without JavaScript.
import { Layout } from "../layout.js";
import { Button, LanguageSwitcher, LinkButton, Notice, PostForm, type Tone } from "../components.js";
import type { Language } from "../language.js";
import { strings } from "../strings/index.js";
import { offerStrings } from "./offer-strings.js";

export interface OfferView {
  lang: Language;
  /** "/o/<token>": the page's own address, forms post below it. */
  base: string;
  when: string;
  until: string;
  office: string;
  address: string;
  /** The appointment it would replace, in words, for a booked case. */
  replaces: string | null;
  open: boolean;
}

export interface OfferNote {
  tone: Tone;
  text: string;
}

export function OfferPage({ view, csrf, note }: { view: OfferView; csrf: string; note?: OfferNote | null }) {
  const w = offerStrings[view.lang];
  const hrefFor = (l: Language) => `${view.base}?lang=${l}`;
  return (
    <Layout lang={view.lang} title={w.title} header={<LanguageSwitcher current={view.lang} label={strings[view.lang].languageNav} hrefFor={hrefFor} />}>
      <h1>{view.open ? w.title : w.goneTitle}</h1>
      {note ? (
        <Notice tone={note.tone}>
          <p>{note.text}</p>
        </Notice>
      ) : null}
      {view.open ? <p>{w.lead(view.office)}</p> : null}
      <dl>
        <dt>{w.when}</dt>
        <dd>{view.when}</dd>
        <dt>{w.where}</dt>
        <dd>
          {view.office}, {view.address}
        </dd>
      </dl>
      {view.open ? (
        <>
          <p>{w.until(view.until)}</p>
          {view.replaces ? <p>{w.replaces(view.replaces)}</p> : null}
          <PostForm action={`${view.base}/accept?lang=${view.lang}`} csrf={csrf}>
            <Button>{w.accept}</Button>
          </PostForm>
          <PostForm action={`${view.base}/decline?lang=${view.lang}`} csrf={csrf}>
            <Button kind="secondary">{w.decline}</Button>
          </PostForm>
        </>
      ) : null}
    </Layout>
  );
}

export function OfferAcceptedPage({ lang, when, appointmentHref }: { lang: Language; when: string; appointmentHref: string }) {
  const w = offerStrings[lang];
  return (
    <Layout lang={lang} title={w.acceptedTitle} header={<LanguageSwitcher current={lang} label={strings[lang].languageNav} hrefFor={(l) => `?lang=${l}`} />}>
      <h1>{w.acceptedTitle}</h1>
      <Notice tone="ok">
        <p>{w.accepted(when)}</p>
      </Notice>
      <LinkButton href={appointmentHref} kind="primary">
        {w.seeAppointment}
      </LinkButton>
    </Layout>
  );
}
