// Form tokens (CSRF): stateless, so any process or Worker isolate can check them. An HMAC over
// what the form belongs to (a link, a staff session) and a two-hour time bucket; the current and
// the previous bucket are accepted, so a form stays usable for two to four hours after the page
// was shown. Each purpose has its own key, so a token made for one kind of form fits no other.
import type { Deps } from "../deps.js";
import { sameInConstantTime, signFor } from "../domain/applicant/keys.js";

export const FORM_BUCKET_MS = 2 * 3_600_000;

const tokenAt = (deps: Deps, purpose: string, subject: string, bucket: number) => signFor(deps, purpose, `${bucket}.${subject}`);

export function formToken(deps: Deps, purpose: string, subject: string): Promise<string> {
  return tokenAt(deps, purpose, subject, Math.floor(deps.clock.now() / FORM_BUCKET_MS));
}

export async function isValidFormToken(deps: Deps, purpose: string, subject: string, given: unknown): Promise<boolean> {
  if (typeof given !== "string" || given.length > 64) return false;
  const bucket = Math.floor(deps.clock.now() / FORM_BUCKET_MS);
  const [current, previous] = await Promise.all([tokenAt(deps, purpose, subject, bucket), tokenAt(deps, purpose, subject, bucket - 1)]);
  // Both comparisons always run: which one matched must not show in the timing.
  return [sameInConstantTime(current, given), sameInConstantTime(previous, given)].includes(true);
}
