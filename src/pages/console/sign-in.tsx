// The sign-in pages: the ways in (the organisation's identity provider when one is configured,
// and an emailed link; a staff token as the fallback), "check your email", the link's own page
// with its one button, a refusal, and "signed in".
import { Notice, type Tone } from "../components.js";
import { PlainConsoleLayout, type PageLanguage } from "./layout.js";
import { consoleStrings } from "./strings/index.js";

export interface SignInForms {
  next: string;
  csrf: string;
  /** Offer the organisation's identity provider (CITA_OIDC_*) first, above the emailed link. */
  oidc: boolean;
  error?: string;
  email?: string;
  /** The token form shown open: its own refusal is on the page. */
  tokenOpen?: boolean;
}

const MessageBox = ({ tone, text }: { tone: Tone; text?: string }) =>
  text ? (
    <Notice tone={tone}>
      <p>{text}</p>
    </Notice>
  ) : null;

/** A page that says one thing and offers one way on: the link sent, a refusal, signed in. */
function MessagePage(p: { title: string; tone: Tone; text: string; link: { href: string; label: string; class?: string }; page: PageLanguage }) {
  return (
    <PlainConsoleLayout title={p.title} page={p.page}>
      <MessageBox tone={p.tone} text={p.text} />
      <p>
        <a href={p.link.href} class={p.link.class}>
          {p.link.label}
        </a>
      </p>
    </PlainConsoleLayout>
  );
}

export function SignInPage({ forms, page }: { forms: SignInForms; page: PageLanguage }) {
  const t = consoleStrings[page.lang];
  const w = t.signInWays;
  const hidden = (
    <>
      <input type="hidden" name="csrf" value={forms.csrf} />
      <input type="hidden" name="next" value={forms.next} />
    </>
  );
  return (
    <PlainConsoleLayout title={t.signIn.title} page={page}>
      <MessageBox tone="error" text={forms.error} />
      {/* Every form token is bound to this browser's pre-session cookie: another site cannot sign it in. */}
      {/* The provider first when there is one; the emailed link stays for staff outside it (a partner agency's). */}
      {/* A link, not a form: the page's CSP (form-action 'self') stops a form from redirecting to the provider. */}
      {forms.oidc ? (
        <>
          <p>{w.providerIntro}</p>
          <p>
            <a class="btn" href={`/console/sign-in/oidc?${new URLSearchParams({ next: forms.next })}`}>
              {w.withProvider}
            </a>
          </p>
        </>
      ) : null}
      <form method="post" action="/console/sign-in/email">
        {hidden}
        <p>{w.emailIntro}</p>
        <label for="email">{w.email}</label>
        <input id="email" name="email" type="email" autocomplete="email" required size={40} value={forms.email ?? ""} />
        <p>
          <button type="submit" class={forms.oidc ? "btn secondary" : "btn"}>
            {w.sendLink}
          </button>
        </p>
      </form>
      <details open={forms.tokenOpen}>
        <summary>{w.tokenFallback}</summary>
        <form method="post" action="/console/sign-in">
          {hidden}
          <p>{t.signIn.intro}</p>
          <label for="token">{t.signIn.token}</label>
          <input id="token" name="token" type="password" autocomplete="off" required size={48} />
          <p>
            <button type="submit" class="btn secondary">
              {t.signIn.submit}
            </button>
          </p>
        </form>
      </details>
    </PlainConsoleLayout>
  );
}

export function LinkSentPage({ page }: { page: PageLanguage }) {
  const w = consoleStrings[page.lang].signInWays;
  return <MessagePage title={w.linkSentTitle} tone="ok" text={w.linkSent} link={{ href: "/console/sign-in", label: w.askAgain }} page={page} />;
}

/** The emailed link's page: one button, so a mail scanner that follows links signs nobody in. */
export function LinkPage({ action, csrf, page }: { action: string; csrf: string; page: PageLanguage }) {
  const w = consoleStrings[page.lang].signInWays;
  return (
    <PlainConsoleLayout title={w.linkTitle} page={page}>
      <p>{w.linkIntro}</p>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit" class="btn">
          {w.linkSubmit}
        </button>
      </form>
    </PlainConsoleLayout>
  );
}

export function SignInRefusedPage({ text, page }: { text: string; page: PageLanguage }) {
  const w = consoleStrings[page.lang].signInWays;
  return <MessagePage title={w.refusedTitle} tone="error" text={text} link={{ href: "/console/sign-in", label: w.askAgain }} page={page} />;
}

/**
 * After the identity provider's redirect: a page, not a redirect, because the session cookie is
 * SameSite=Strict and a browser leaves it off the rest of a chain of redirects another site started.
 */
export function SignedInPage({ name, next, page }: { name: string; next: string; page: PageLanguage }) {
  const w = consoleStrings[page.lang].signInWays;
  return <MessagePage title={w.signedInTitle} tone="ok" text={w.signedIn(name)} link={{ href: next, label: w.continue, class: "btn" }} page={page} />;
}
