// Pages that only say something: a link that does not work, too many requests, a failure.
// The not-found page is the same for every bad, altered, expired or revoked link.
import { Layout } from "../layout.js";
import { LanguageSwitcher, LinkButton, Notice, type Tone } from "../components.js";
import type { Language } from "../language.js";
import { strings } from "../strings/index.js";

export interface MessagePageProps {
  lang: Language;
  title: string;
  text: string;
  tone?: Tone;
  /** A way back to the appointment, for pages of a link that works. */
  back?: { href: string; label: string };
  /** The switcher's link for a language; the default keeps the path and sets ?lang=. */
  hrefFor?: (lang: Language) => string;
}

export function MessagePage({ lang, title, text, tone = "error", back, hrefFor = (l) => `?lang=${l}` }: MessagePageProps) {
  return (
    <Layout lang={lang} title={title} header={<LanguageSwitcher current={lang} label={strings[lang].languageNav} hrefFor={hrefFor} />}>
      <h1>{title}</h1>
      <Notice tone={tone}>
        <p>{text}</p>
      </Notice>
      {back ? <LinkButton href={back.href}>{back.label}</LinkButton> : null}
    </Layout>
  );
}

export const NotFoundPage = ({ lang }: { lang: Language }) => <MessagePage lang={lang} title={strings[lang].notFoundTitle} text={strings[lang].notFoundText} />;

export const TooManyPage = ({ lang, minutes }: { lang: Language; minutes: number }) => (
  <MessagePage lang={lang} title={strings[lang].tooManyTitle} text={strings[lang].tooManyText(minutes)} />
);

export const ServerErrorPage = ({ lang }: { lang: Language }) => <MessagePage lang={lang} title={strings[lang].serverErrorTitle} text={strings[lang].serverErrorText} />;
