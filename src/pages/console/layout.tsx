// The console's page shell: the shared layout in the chosen language, with the console's
// navigation, the language switch and the sign-out form.
import type { Child } from "hono/jsx";
import { Layout } from "../layout.js";
import { PostForm } from "../components.js";
import { NATIVE_NAMES } from "../language.js";
import { consoleCss } from "./styles.js";
import { CONSOLE_LANGUAGES, consoleStrings, type ConsoleLanguage, type ConsoleStrings } from "./strings/index.js";

export type Section = "queue" | "day" | "closures" | "figures" | "capacity" | "offices" | "services";

/** `label` names a section whose words live in its own part of the string table. */
const SECTIONS: { id: Section; href: string; label?: (t: ConsoleStrings) => string }[] = [
  { id: "queue", href: "/console/queue" },
  { id: "day", href: "/console/day" },
  { id: "closures", href: "/console/closures" },
  { id: "figures", href: "/console/figures" },
  { id: "capacity", href: "/console/capacity", label: (t) => t.capacity.nav },
  { id: "offices", href: "/console/offices", label: (t) => t.offices.nav },
  { id: "services", href: "/console/services", label: (t) => t.services.nav },
];

/** The language of a page, and the page's own address (where the switch comes back to). */
export interface PageLanguage {
  lang: ConsoleLanguage;
  here: string;
}

export interface ConsoleChrome extends PageLanguage {
  /** Who is signed in, e.g. "Scheduler · user-1". */
  who: string;
  csrf: string;
}

/** Where the switch points for `lang`: it sets the choice, then shows `here` again. */
const switchHref = (lang: ConsoleLanguage, here: string) => `/console/language?${new URLSearchParams({ to: lang, next: here })}`;

/** Links to this page in each console language, each named in its own language. */
export function ConsoleLanguageSwitch({ lang, here }: PageLanguage) {
  return (
    <nav aria-label={consoleStrings[lang].languageNav}>
      <ul class="langs">
        {CONSOLE_LANGUAGES.map((l) => (
          <li>
            <a href={switchHref(l, here)} lang={l} hreflang={l} aria-current={l === lang ? "true" : undefined}>
              {NATIVE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ConsoleLayout({ title, section, chrome, children }: { title: string; section?: Section; chrome: ConsoleChrome; children?: Child }) {
  const t: ConsoleStrings = consoleStrings[chrome.lang];
  const header = (
    <>
      <nav aria-label={t.nav.label}>
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a href={s.href} aria-current={s.id === section ? "page" : undefined}>
                {s.label ? s.label(t) : t.nav[s.id as keyof ConsoleStrings["nav"]]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <ConsoleLanguageSwitch lang={chrome.lang} here={chrome.here} />
        <span class="muted">{chrome.who}</span>
        <PostForm action="/console/sign-out" csrf={chrome.csrf}>
          <button type="submit" class="btn secondary small">
            {t.signOut}
          </button>
        </PostForm>
      </div>
    </>
  );
  return (
    <Layout lang={chrome.lang} title={`${title} · ${t.console}`} header={header} styles={consoleCss}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** A page outside the signed-in console: sign-in, and errors before a session exists. */
export function PlainConsoleLayout({ title, page, children }: { title: string; page: PageLanguage; children?: Child }) {
  return (
    <Layout lang={page.lang} title={`${title} · ${consoleStrings[page.lang].console}`} header={<ConsoleLanguageSwitch {...page} />} styles={consoleCss}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}
