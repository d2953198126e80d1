// RFC 9457 problem details: one error type for the whole app, mapped to JSON in `onError`.
export type ProblemKind =
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

const titles: Record<ProblemKind, string> = {
  validation: "The request is not valid",
  "not-found": "Not found",
  "slot-taken": "The slot is no longer free",
  "outside-window": "Outside the case's window",
  unauthorized: "A valid token is required",
  forbidden: "Not allowed",
  conflict: "Conflict with the current state",
  "not-eligible": "The case does not meet the office's eligibility rules",
  "rate-limited": "Too many requests",
  "payload-too-large": "The request body is too large",
  "unsupported-media-type": "Unsupported content type",
  internal: "Internal error",
};

/** Problem type URIs are stable and resolve to a page the service serves. */
export const problemType = (kind: ProblemKind) => `/problems/${kind}`;

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  toJSON() {
    // Extra members come first so that none can replace the standard ones.
    return { ...this.extra, type: problemType(this.kind), title: titles[this.kind], status: this.status, detail: this.detail };
  }
}

export const problemTitles = titles;

export const validationProblem = (errors: FieldError[], detail?: string) =>
  new Problem(422, "validation", detail ?? errors.map((e) => `${e.path || "body"}: ${e.message}`).join("; "), { errors });

export const fieldProblem = (path: string, message: string) => validationProblem([{ path, message }]);

/** "a room", "an office", "an IOM service", "a UNHCR interview": the article goes by the sound. */
export function withArticle(noun: string): string {
  const acronym = /^[A-Z]{2,}/.test(noun);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(noun) : /^([aeio]|u(?!ni|s[aeiou]|t))/i.test(noun);
  return `${vowelSound ? "an" : "a"} ${noun}`;
}

export const notFound = (what: string, id: string) => new Problem(404, "not-found", `No ${what} with id '${id}'.`);

export const forbidden = (detail: string) => new Problem(403, "forbidden", detail);

export const conflict = (detail: string, extra?: Record<string, unknown>) => new Problem(409, "conflict", detail, extra);
