// One HTTP call to a message provider, with the failure classified: 5xx, 408, 429 and network
// errors are worth another try; any other 4xx means the request itself is refused.
import { permanentFailure, redact, transientFailure } from "./errors.js";

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/** The response body of a 2xx answer; otherwise throws a transient or permanent SendFailure. */
export async function callProvider(label: string, doFetch: typeof fetch, url: string, init: RequestInit, timeoutMs = 30_000): Promise<string> {
  let response: Response;
  try {
    response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw transientFailure(`${label} unreachable: ${redact(error instanceof Error ? error.message : String(error))}`);
  }
  const text = await response.text().catch(() => "");
  if (response.ok) return text;
  let detail = text.slice(0, 300);
  try {
    const json = JSON.parse(text) as { code?: number | string; message?: string };
    detail = [json.code, json.message].filter(Boolean).join(" ");
  } catch {
    // not JSON: keep the start of the body
  }
  const message = `${label} answered ${response.status}: ${redact(detail)}`;
  throw retryable(response.status) ? transientFailure(message) : permanentFailure(message);
}

/** The provider's id for the message, when its JSON answer carries one under `field`. */
export function providerId(text: string, field: string): { providerId?: string } {
  try {
    const id = (JSON.parse(text) as Record<string, unknown>)[field];
    return typeof id === "string" ? { providerId: id } : {};
  } catch {
    return {};
  }
}
