// Turns a console page into a response (the shared HTML headers, the console's shell), and reads
// what a console form sent.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { htmlPage } from "../../pages/render.js";
import { ConsoleLayout, type ConsoleChrome, type PageLanguage, type Section } from "../../pages/console/layout.js";
import type { ConsoleEnv } from "./session.js";
import type { FieldError, DomainError } from "../../domain/errors.js";

export interface PageOptions {
  title: string;
  section?: Section;
  status?: number;
}

/** The page's language and its own address, for the language switch. */
export function pageLanguage(c: Context<ConsoleEnv>): PageLanguage {
  const url = new URL(c.req.url);
  // After a POST the switch shows the page the form belongs to, never resends it.
  const here =
    c.req.method === "GET"
      ? url.pathname + url.search
      : url.pathname.startsWith("/console/users")
        ? url.pathname.split("/").slice(0, 4).join("/")
        : url.pathname.endsWith("/delete")
          ? "/console/closures"
          : url.pathname.replace(/\/(status|cancel|reschedule|move|contact|extensions|hours|time-off|rules)$/, "");
  return { lang: c.var.lang, here };
}

/** The signed-in shell's parts: navigation, who is signed in, sign-out, and the language switch pointing at `here`. */
export function consoleChrome(c: Context<ConsoleEnv>, here = pageLanguage(c).here): ConsoleChrome {
  const { actor, csrf, t } = c.var;
  const role = actor.role === "admin" || actor.role === "scheduler" ? t.roles[actor.role] : actor.role;
  return { lang: c.var.lang, here, who: `${actor.name ?? actor.id} · ${role}`, csrf, admin: actor.role === "admin" };
}

export function consolePage(c: Context<ConsoleEnv>, { title, section, status = 200 }: PageOptions, body: Child): Promise<Response> {
  const chrome = consoleChrome(c);
  return htmlPage(
    c,
    status,
    <ConsoleLayout title={title} section={section} chrome={chrome}>
      {body}
    </ConsoleLayout>,
  );
}

/** The fields of a console form (already parsed and checked by the session guard). */
export async function formOf(c: Context<ConsoleEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * A validation refusal as one sentence per field at fault, in the words of the page's form
 * (`sentence`); the problem's detail when it names no field.
 */
export function problemText(problem: DomainError, sentence: (error: FieldError) => string): string {
  const errors = (problem.extra.errors as FieldError[] | undefined) ?? [];
  return errors.length ? errors.map(sentence).join(" ") : problem.detail;
}
