// What the console's set-up forms share: a form read by the API's own zod schema (so a field is
// refused for the same reason as through the API), and a refusal turned into the page's notice,
// one sentence per field at fault, named as the form labels it.
import type { z } from "@hono/zod-openapi";
import { zodProblem } from "../../http/errors.js";
import { statusOf } from "../../http/problem.js";
import { DomainError, type FieldError } from "../../domain/errors.js";
import { problemNotice } from "../../pages/console/cases-form.js";
import type { PageNotice } from "../../pages/console/parts.js";
import type { ConsoleStrings } from "../../pages/console/strings/index.js";

/** Parsed by the API's schema, or the same 422 the API answers. */
export function parsedBy<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw zodProblem(result.error);
  return result.data;
}

/**
 * A domain refusal as a notice and status; `label` names a field path as the form does.
 * Anything but a DomainError is not a refusal and goes on to the error page.
 */
export function fieldRefusal(error: unknown, t: ConsoleStrings, label: (path: string) => string, problem = t.staff.problem): { notice: PageNotice; status: number } {
  if (!(error instanceof DomainError) || error.kind === "internal") throw error;
  const errors = (error.extra.errors as FieldError[] | undefined) ?? [];
  const sentences = errors.map((e) => problem(label(e.path), e.message));
  const title = error.kind === "not-eligible" ? t.cases.notEligible : error.kind === "validation" && sentences.length ? t.errors.checkForm : error.detail;
  return { notice: problemNotice(title, sentences), status: statusOf(error) };
}
