// Turns a console page into a response (the shared HTML headers, the console's shell), and reads
// what a console form sent.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { htmlPage } from "../../pages/render.js";
import { ConsoleLayout, type Section } from "../../pages/console/layout.js";
import type { ConsoleEnv } from "./session.js";
import type { FieldError, DomainError } from "../../domain/errors.js";

export interface PageOptions {
  title: string;
  section?: Section;
  status?: number;
}

const ROLE_NAMES: Record<string, string> = { admin: "Admin", scheduler: "Scheduler" };

export function consolePage(c: Context<ConsoleEnv>, { title, section, status = 200 }: PageOptions, body: Child): Promise<Response> {
  const { actor, csrf } = c.var;
  const chrome = { who: `${actor.name ?? actor.id} · ${ROLE_NAMES[actor.role] ?? actor.role}`, csrf };
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
