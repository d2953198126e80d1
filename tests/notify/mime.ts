// A small MIME reader for what the loopback SMTP server received: enough to find the text, HTML,
// text/calendar and attachment parts and decode them (base64, quoted-printable, 7/8bit).

export interface Part {
  headers: Record<string, string>;
  type: string;
  params: Record<string, string>;
  /** The decoded body of a leaf part (UTF-8). */
  body: string;
  parts: Part[];
}

function parseParams(value: string): [string, Record<string, string>] {
  const pieces = value.match(/(?:[^;"]+|"[^"]*")+/g) ?? [];
  const params: Record<string, string> = {};
  for (const piece of pieces.slice(1)) {
    const eq = piece.indexOf("=");
    if (eq > 0)
      params[piece.slice(0, eq).trim().toLowerCase()] = piece
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, "");
  }
  return [(pieces[0] ?? "").trim().toLowerCase(), params];
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

export function parseMessage(raw: string): Part {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const content = split < 0 ? "" : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const [type, params] = parseParams(headers["content-type"] ?? "text/plain");
  if (type.startsWith("multipart/") && params.boundary) {
    const chunks = content.split(`--${params.boundary}`);
    const parts = chunks.slice(1, -1).map((chunk) => parseMessage(chunk.replace(/^\r\n/, "").replace(/\r\n$/, "")));
    return { headers, type, params, body: "", parts };
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const body =
    encoding === "base64" ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(content) : content;
  return { headers, type, params, body, parts: [] };
}

export const leaves = (part: Part): Part[] => (part.parts.length ? part.parts.flatMap(leaves) : [part]);
