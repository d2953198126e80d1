// Send failures: which ones retrying cannot fix, and error text stripped of addresses and
// numbers before it is logged or stored (providers often quote the recipient back).

export interface SendFailure extends Error {
  permanent: boolean;
}

/** A failure retrying cannot help: a rejected recipient, a malformed number, a 4xx answer. */
export const permanentFailure = (message: string): SendFailure => Object.assign(new Error(message), { permanent: true });

export const transientFailure = (message: string): SendFailure => Object.assign(new Error(message), { permanent: false });

export const isPermanent = (error: unknown) => typeof error === "object" && error !== null && (error as SendFailure).permanent === true;

/** Error text without email addresses, phone numbers, URLs' tokens or secrets in basic-auth URLs. */
export function redact(text: string): string {
  return text
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;]+\.[^\s<>"'(),;]+/g, "<address>")
    .replace(/\+\d[\d ]{6,18}\d/g, "<number>")
    .replace(/\b\d{9,}\b/g, "<number>")
    .replace(/\/a\/[\w.-]+/g, "/a/<token>")
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, "//<credentials>@")
    .slice(0, 500);
}

/** A message for lastError and the log from whatever was thrown. */
export const describe = (error: unknown) => redact(error instanceof Error ? error.message : String(error));
