// Pages that only say something: a refusal, an error, the sign-in form.
import { Notice } from "../components.js";
import { PlainConsoleLayout } from "./layout.js";

export function ConsoleMessagePage({ title, text, back = "/console" }: { title: string; text: string; back?: string }) {
  return (
    <PlainConsoleLayout title={title}>
      <Notice tone="error">
        <p>{text}</p>
      </Notice>
      <p>
        <a href={back}>Back to the console</a>
      </p>
    </PlainConsoleLayout>
  );
}

export function SignInPage({ next, error }: { next: string; error?: string }) {
  return (
    <PlainConsoleLayout title="Sign in to the console">
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <p>Use the staff token an admin gave you. It is kept in this browser until you sign out or 12 hours pass.</p>
      {/* No form token yet: there is no session to bind it to. The cookie is SameSite=Strict and
          the POST must come from this site. */}
      <form method="post" action="/console/sign-in">
        <input type="hidden" name="next" value={next} />
        <label for="token">Staff token</label>
        <input id="token" name="token" type="password" autocomplete="off" required size={48} />
        <p>
          <button type="submit" class="btn">
            Sign in
          </button>
        </p>
      </form>
    </PlainConsoleLayout>
  );
}
