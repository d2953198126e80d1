// Pages that only say something: a refusal, an error, the sign-in form.
import { Notice } from "../components.js";
import { PlainConsoleLayout, type PageLanguage } from "./layout.js";
import { consoleStrings } from "./strings/index.js";

export function ConsoleMessagePage({ title, text, page, back = "/console" }: { title: string; text: string; page: PageLanguage; back?: string }) {
  return (
    <PlainConsoleLayout title={title} page={page}>
      <Notice tone="error">
        <p>{text}</p>
      </Notice>
      <p>
        <a href={back}>{consoleStrings[page.lang].backToConsole}</a>
      </p>
    </PlainConsoleLayout>
  );
}

export function SignInPage({ next, csrf, error, page }: { next: string; csrf: string; error?: string; page: PageLanguage }) {
  const t = consoleStrings[page.lang].signIn;
  return (
    <PlainConsoleLayout title={t.title} page={page}>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <p>{t.intro}</p>
      {/* The form token is bound to this browser's pre-session cookie: another site cannot sign it in. */}
      <form method="post" action="/console/sign-in">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <label for="token">{t.token}</label>
        <input id="token" name="token" type="password" autocomplete="off" required size={48} />
        <p>
          <button type="submit" class="btn">
            {t.submit}
          </button>
        </p>
      </form>
    </PlainConsoleLayout>
  );
}
