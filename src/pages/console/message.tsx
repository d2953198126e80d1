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

export function SignInPage({ next, csrf, error }: { next: string; csrf: string; error?: string }) {
  return (
    <PlainConsoleLayout title="Sign in to the console">
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      <p>Use the staff token an admin gave you. You stay signed in until you sign out, 30 minutes pass without use, or 12 hours pass.</p>
      {/* The form token is bound to this browser's pre-session cookie: another site cannot sign it in. */}
      <form method="post" action="/console/sign-in">
        <input type="hidden" name="csrf" value={csrf} />
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
