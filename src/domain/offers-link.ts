// An offer's link: the offer id and an HMAC over it (a key of its own, derived from the link
// secret), short enough that the text message stays one segment. What the link allows is decided
// by the offer's row (open, gone, expired), so the token itself carries no expiry.
import type { Deps } from "../deps.js";
import { sameInConstantTime, signFor } from "./applicant/keys.js";

const PURPOSE = "offer-link";

export const offerToken = async (deps: Deps, offerId: string) => `${offerId}.${await signFor(deps, PURPOSE, offerId)}`;

export const offerUrl = async (deps: Deps, offerId: string) => `${deps.config.publicUrl}/o/${await offerToken(deps, offerId)}`;

/** The offer id a token names, or null for any bad or altered token. */
export async function readOfferToken(deps: Deps, token: string): Promise<string | null> {
  const match = /^(ofr_[0-9a-z]{20})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!match) return null;
  const [, id, mac] = match as unknown as [string, string, string];
  return sameInConstantTime(await signFor(deps, PURPOSE, id), mac) ? id : null;
}
