// The console's page shell: the shared layout with the console's navigation and sign-out form.
import type { Child } from "hono/jsx";
import { Layout } from "../layout.js";
import { PostForm } from "../components.js";
import { consoleCss } from "./styles.js";

export type Section = "queue" | "day" | "closures" | "figures";

const SECTIONS: { id: Section; href: string; label: string }[] = [
  { id: "queue", href: "/console/queue", label: "Queue" },
  { id: "day", href: "/console/day", label: "Day sheet" },
  { id: "closures", href: "/console/closures", label: "Closures" },
  { id: "figures", href: "/console/figures", label: "Figures" },
];

export interface ConsoleChrome {
  /** Who is signed in, e.g. "Scheduler · user-1". */
  who: string;
  csrf: string;
}

export function ConsoleLayout({ title, section, chrome, children }: { title: string; section?: Section; chrome: ConsoleChrome; children?: Child }) {
  const header = (
    <>
      <nav aria-label="Console">
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a href={s.href} aria-current={s.id === section ? "page" : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span class="muted">{chrome.who}</span>
        <PostForm action="/console/sign-out" csrf={chrome.csrf}>
          <button type="submit" class="btn secondary small">
            Sign out
          </button>
        </PostForm>
      </div>
    </>
  );
  return (
    <Layout lang="en" title={`${title} · Cita console`} header={header} styles={consoleCss}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** A page outside the signed-in console: sign-in, and errors before a session exists. */
export function PlainConsoleLayout({ title, children }: { title: string; children?: Child }) {
  return (
    <Layout lang="en" title={`${title} · Cita console`} styles={consoleCss}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}
