// Small building blocks shared by the server-rendered pages. Plain HTML: every control works
// with JavaScript off.
import type { Child } from "hono/jsx";
import { LANGUAGES, NATIVE_NAMES, type Language } from "./language.js";

/** Links to this page in each language, each named in its own language. */
export function LanguageSwitcher({ current, label, hrefFor }: { current: Language; label: string; hrefFor: (lang: Language) => string }) {
  return (
    <nav aria-label={label}>
      <ul class="langs">
        {LANGUAGES.map((lang) => (
          <li>
            <a href={hrefFor(lang)} lang={lang} hreflang={lang} aria-current={lang === current ? "true" : undefined}>
              {NATIVE_NAMES[lang]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A POST form with its anti-forgery token. */
export function PostForm({ action, csrf, children }: { action: string; csrf: string; children?: Child }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="csrf" value={csrf} />
      {children}
    </form>
  );
}

export type Tone = "info" | "ok" | "error";

/** A message box; errors are announced by screen readers as soon as the page loads. */
export function Notice({ tone = "info", children }: { tone?: Tone; children?: Child }) {
  return (
    <div class={tone === "info" ? "notice" : `notice ${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function Button({ kind = "primary", children }: { kind?: "primary" | "secondary" | "danger"; children?: Child }) {
  return (
    <button type="submit" class={kind === "primary" ? "btn" : `btn ${kind}`}>
      {children}
    </button>
  );
}

export function LinkButton({ href, kind = "secondary", children }: { href: string; kind?: "primary" | "secondary" | "danger"; children?: Child }) {
  return (
    <a href={href} class={kind === "primary" ? "btn" : `btn ${kind}`}>
      {children}
    </a>
  );
}

/** "martes 1 de diciembre" at the start of a line. */
export const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
