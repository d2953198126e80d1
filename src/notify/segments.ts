// How many SMS segments a text costs. GSM-7 carries 160 characters in one segment (153 per
// segment once split, the rest is the concatenation header); one character outside it turns
// the whole message into UCS-2: 70 in one segment, 67 once split. GSM-7's extension characters
// (€ [ ] { } \ ~ ^ | and form feed) take two places and a pair is never split between segments.

const BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "^{}\\[~]|€\f";
const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

export type Encoding = "GSM-7" | "UCS-2";

export interface SegmentCount {
  encoding: Encoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export const isGsm7 = (text: string) => [...text].every((c) => basic.has(c) || extension.has(c));

/** Packs `sizes` into segments of `perSegment`, never splitting one item. */
function pack(sizes: number[], perSegment: number): number {
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perSegment) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return segments;
}

export function countSegments(text: string): SegmentCount {
  const chars = [...text];
  if (isGsm7(text)) {
    const sizes = chars.map((c) => (extension.has(c) ? 2 : 1));
    const units = sizes.reduce((a, b) => a + b, 0);
    return { encoding: "GSM-7", units, segments: units <= 160 ? 1 : pack(sizes, 153) };
  }
  const sizes = chars.map((c) => c.length); // a character outside the BMP is a surrogate pair
  const units = text.length;
  return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : pack(sizes, 67) };
}

// Letters outside GSM-7 that have a close GSM-7 spelling. Spanish á í ó ú are not in GSM-7 (é is),
// so "Bogotá" alone would cut a message's room from 160 to 70 characters.
const NEAREST: Record<string, string> = {
  á: "a",
  í: "i",
  ó: "o",
  ú: "u",
  â: "a",
  ê: "e",
  î: "i",
  ô: "o",
  û: "u",
  ë: "e",
  ï: "i",
  ÿ: "y",
  ã: "a",
  õ: "o",
  ç: "Ç",
  Á: "A",
  Í: "I",
  Ó: "O",
  Ú: "U",
  Â: "A",
  Ê: "E",
  Î: "I",
  Ô: "O",
  Û: "U",
  Ë: "E",
  Ï: "I",
  À: "A",
  È: "E",
  Ì: "I",
  Ò: "O",
  Ù: "U",
  Ã: "A",
  Õ: "O",
  "—": "-",
  "–": "-",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "…": "...",
  "\u00a0": " ",
  "\u202f": " ",
};

/** The text with each letter outside GSM-7 replaced by its nearest GSM-7 spelling, where there is one. */
export const toGsm7 = (text: string) => [...text].map((c) => NEAREST[c] ?? c).join("");

export interface SmsChoice {
  body: string;
  count: SegmentCount;
}

/**
 * The text to send from candidate wordings (fullest first), each as written and in GSM-7
 * spelling: the one costing fewest segments; on a tie the fuller wording, and within one wording
 * the letters as written.
 */
export function chooseSms(candidates: string[]): SmsChoice {
  const forms = candidates.flatMap((text) => [text, toGsm7(text)].map((body) => ({ body, count: countSegments(body) })));
  return forms.reduce((best, form) => (form.count.segments < best.count.segments ? form : best));
}
