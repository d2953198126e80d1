// Free text and id references as the API accepts them. Names, addresses and reasons end up in
// SMS bodies, mail headers (the From name), .ics lines and CSV exports: a CR/LF there can
// start a new header or line, a NUL cuts the text short. So every field is one line.
import { z } from "@hono/zod-openapi";

/**
 * One line of text: no C0 controls (NUL, TAB, CR, LF …), no DEL, no C1 controls, no Unicode
 * line or paragraph separator (U+2028/2029), no lone surrogate (it cannot be encoded for
 * SMS or mail). TAB is refused too: in a name it is a paste accident and it breaks exports.
 */
export const ONE_LINE = /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u;
export const ONE_LINE_MESSAGE = "must be one line of text without control characters (no line breaks, tabs or NUL)";

/** The string checked to be one line. The document gets the pattern by hand: the generator would append the flags ("…$/u"). */
export const oneLine = (text: z.ZodString) => text.regex(ONE_LINE, ONE_LINE_MESSAGE).openapi({ pattern: ONE_LINE.source });

/** A required single line of free text, trimmed, 1–`max` characters. */
export const Text = (max = 500) => oneLine(z.string()).trim().min(1, "must not be empty").max(max);

/** The id of another resource: printable ASCII without spaces (slugs and server ids both are). */
export const Ref = z.string().regex(/^[!-~]{1,100}$/, "must be an id of 1–100 letters, digits or symbols, without spaces");

/**
 * The same rule for forms read by hand (console and applicant pages): the first field of `form`
 * that is not one line, as "field: must be one line …", or null when every field is. All fields
 * are checked, so a field added to a form later is covered without a change here.
 */
export function notOneLine(form: Record<string, unknown>): string | null {
  const bad = Object.entries(form).find(([, value]) => typeof value === "string" && !ONE_LINE.test(value));
  return bad ? `${bad[0]}: ${ONE_LINE_MESSAGE}.` : null;
}
