// Validation messages in plain words. Zod's own wording ("Invalid input: expected string,
// received undefined") means nothing to a desk clerk, so every issue code gets a sentence that
// follows the field's path: "name: is required", "agency: must be one of: UNHCR, IOM".
// A message written on the schema itself (e.g. "must be a date as YYYY-MM-DD") still wins.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: "must be a string",
  number: "must be a number",
  int: "must be a whole number",
  bigint: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  object: "must be an object",
  record: "must be an object",
  null: "must be null",
  date: "must be a date",
};

const formats: Record<string, string> = {
  email: "must be an email address",
  url: "must be a URL",
  datetime: "must be a date and time as YYYY-MM-DDTHH:MM:SSZ",
  date: "must be a date as YYYY-MM-DD",
  time: "must be a time as HH:MM",
  uuid: "must be a UUID",
};

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? "" : "s"}`;

function sizeLimit(issue: Extract<Issue, { code: "too_big" | "too_small" }>): string {
  const big = issue.code === "too_big";
  const limit = big ? issue.maximum : issue.minimum;
  const bound = big ? (issue.inclusive === false ? "less than" : "at most") : issue.inclusive === false ? "more than" : "at least";
  switch (issue.origin) {
    case "string":
      return !big && Number(limit) === 1 ? "must not be empty" : `must be ${bound} ${plural(limit as number, "character")}`;
    case "array":
    case "set":
      return !big && Number(limit) === 1 ? "must not be empty" : `must have ${bound} ${plural(limit as number, "item")}`;
    case "date":
      return `must be ${big ? "on or before" : "on or after"} ${show(limit)}`;
    default:
      return `must be ${bound} ${show(limit)}`;
  }
}

/** The plain-English message for one zod issue. */
export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      // z.coerce.number() turns "many" into NaN and "1e999" into Infinity.
      if (issue.expected === "number" && typeof issue.input === "number" && !Number.isNaN(issue.input)) return "must be a finite number";
      return typeNames[issue.expected] ?? `must be of type ${issue.expected}`;
    case "too_big":
    case "too_small":
      return sizeLimit(issue);
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${show(issue.values[0])}` : `must be one of: ${issue.values.map(show).join(", ")}`;
    case "invalid_format":
      return formats[issue.format] ?? (issue.format === "regex" ? "has the wrong format" : `must be a valid ${issue.format}`);
    case "not_multiple_of":
      return `must be a multiple of ${show(issue.divisor)}`;
    case "unrecognized_keys":
      return "unknown field";
    case "invalid_union":
      return "does not match any of the accepted forms";
    case "invalid_key":
      return "has a key that is not allowed";
    case "invalid_element":
      return "has an item that is not allowed";
    default:
      return "is not valid";
  }
}

// Set once for the process: schemas are module-level constants shared by every app.
z.config({ customError: plainMessage });
