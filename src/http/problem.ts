// RFC 9457 problem details: the one place where a domain error's kind becomes an HTTP status.
import { DomainError, type ErrorKind } from "../domain/errors.js";

const statuses: Record<ErrorKind, number> = {
  validation: 422,
  "not-found": 404,
  "slot-taken": 409,
  "outside-window": 422,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  "not-eligible": 422,
  "rate-limited": 429,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  internal: 500,
};

const titles: Record<ErrorKind, string> = {
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
export const problemType = (kind: ErrorKind) => `/problems/${kind}`;

export const problemTitles = titles;

/** A refusal whose status only HTTP decides (a body that is not JSON at all is a 400). */
export class HttpProblem extends DomainError {
  constructor(
    readonly status: number,
    kind: ErrorKind,
    detail: string,
    extra: Record<string, unknown> = {},
  ) {
    super(kind, detail, extra);
  }
}

export const statusOf = (error: DomainError): number => (error instanceof HttpProblem ? error.status : statuses[error.kind]);

export function problemBody(error: DomainError) {
  // Extra members come first so that none can replace the standard ones.
  return { ...error.extra, type: problemType(error.kind), title: titles[error.kind], status: statusOf(error), detail: error.detail };
}
