// The domain's one error: a kind, the field at fault, a message and typed extras. It knows no
// transport; src/http/problem.ts maps each kind to a status and problem+json in one place.
export type ErrorKind =
  | "validation"
  | "not-found"
  | "slot-taken"
  | "outside-window"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "not-eligible"
  | "rate-limited"
  | "payload-too-large"
  | "unsupported-media-type"
  | "internal";

export interface FieldError {
  path: string;
  message: string;
  [extra: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  /** The first field named, for callers that show a refusal beside its form field. */
  get field(): string | undefined {
    const errors = this.extra.errors as FieldError[] | undefined;
    return errors?.[0]?.path;
  }
}

export const invalidFields = (errors: FieldError[], detail?: string) =>
  new DomainError("validation", detail ?? errors.map((e) => `${e.path || "body"}: ${e.message}`).join("; "), { errors });

export const invalidField = (path: string, message: string) => invalidFields([{ path, message }]);

export const notFound = (what: string, id: string) => new DomainError("not-found", `No ${what} with id '${id}'.`);

export const forbidden = (detail: string) => new DomainError("forbidden", detail);

export const conflict = (detail: string, extra?: Record<string, unknown>) => new DomainError("conflict", detail, extra);

/** "a room", "an office", "an IOM service", "a UNHCR interview": the article goes by the sound. */
export function withArticle(noun: string): string {
  const acronym = /^[A-Z]{2,}/.test(noun);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(noun) : /^([aeio]|u(?!ni|s[aeiou]|t))/i.test(noun);
  return `${vowelSound ? "an" : "a"} ${noun}`;
}
