// The sign-in pages: the ways in (the organisation's identity provider when one is configured,
// and an emailed link; a staff token as the fallback), "check your email", the link's own page
// with its one button, a refusal, and "signed in".
import { Notice } from "../components.js";
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

const ErrorBox = ({ text }: { text?: string }) =>
  text ? (
    <Notice tone="error">
      <p>{text}</p>
    </Notice>
  ) : null;

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
      <ErrorBox text={forms.error} />
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
  return (
    <PlainConsoleLayout title={w.linkSentTitle} page={page}>
      <Notice tone="ok">
        <p>{w.linkSent}</p>
      </Notice>
      <p>
        <a href="/console/sign-in">{w.askAgain}</a>
      </p>
    </PlainConsoleLayout>
  );
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
  return (
    <PlainConsoleLayout title={w.refusedTitle} page={page}>
      <ErrorBox text={text} />
      <p>
        <a href="/console/sign-in">{w.askAgain}</a>
      </p>
    </PlainConsoleLayout>
  );
}

/**
 * After the identity provider's redirect: a page, not a redirect, because the session cookie is
 * SameSite=Strict and a browser leaves it off the rest of a chain of redirects another site started.
 */
export function SignedInPage({ name, next, page }: { name: string; next: string; page: PageLanguage }) {
  const w = consoleStrings[page.lang].signInWays;
  return (
    <PlainConsoleLayout title={w.signedInTitle} page={page}>
      <Notice tone="ok">
        <p>{w.signedIn(name)}</p>
      </Notice>
      <p>
        <a href={next} class="btn">
          {w.continue}
        </a>
      </p>
    </PlainConsoleLayout>
  );
}
