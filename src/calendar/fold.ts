// RFC 5545 content lines: at most 75 octets each, longer ones folded with CRLF + one space.
// Octets, not characters: "á" is two octets in UTF-8, so a Spanish line of 75 letters can be
// 90 octets long. A fold never falls inside a character.

const MAX_OCTETS = 75;

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** One logical line (without its CRLF) as one or more physical lines joined by CRLF + space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const n = octets(char.codePointAt(0)!);
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line is an octet too
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** Joins folded lines back into logical lines (RFC 5545 §3.1: CRLF followed by a space or tab). */
export const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

/** A whole calendar unfolded (whatever folded it before) and folded again by octets, CRLF-terminated. */
export function refold(text: string): string {
  const lines = unfold(text.replace(/\r?\n/g, "\r\n"))
    .split("\r\n")
    .filter((l) => l !== "");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/**
 * A TEXT value made safe before escaping: one kind of line break (\n, which escaping turns into
 * "\n") and no other control characters, which RFC 5545 does not allow in TEXT.
 */
export const plainText = (value: string) =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");

/**
 * A parameter value (CN="…") in RFC 6868 caret encoding: a double quote cannot appear inside a
 * quoted parameter at all, so `"` becomes ^' (a backslash, as some writers use, is not an escape
 * there and breaks parsers), a line break ^n and a caret ^^.
 */
export const paramText = (value: string) => plainText(value).replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\n/g, "^n").replace(/\t/g, " ");
