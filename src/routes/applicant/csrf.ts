// Form tokens: stateless, so any process or Worker isolate can check them. An HMAC over the link
// token and a two-hour time bucket; the current and the previous bucket are accepted, so a form
// stays usable for two to four hours after the page was shown.
import type { Deps } from "../../deps.js";
import { sameInConstantTime, signFor } from "../../domain/applicant/keys.js";

export const FORM_BUCKET_MS = 2 * 3_600_000;

const tokenAt = (deps: Deps, linkToken: string, bucket: number) => signFor(deps, "applicant-form", `${bucket}.${linkToken}`);

export function formToken(deps: Deps, linkToken: string): Promise<string> {
  return tokenAt(deps, linkToken, Math.floor(deps.clock.now() / FORM_BUCKET_MS));
}

export async function isValidFormToken(deps: Deps, linkToken: string, given: unknown): Promise<boolean> {
  if (typeof given !== "string" || given.length > 64) return false;
  const bucket = Math.floor(deps.clock.now() / FORM_BUCKET_MS);
  const [current, previous] = await Promise.all([tokenAt(deps, linkToken, bucket), tokenAt(deps, linkToken, bucket - 1)]);
  // Both comparisons always run: which one matched must not show in the timing.
  return [sameInConstantTime(current, given), sameInConstantTime(previous, given)].includes(true);
}
