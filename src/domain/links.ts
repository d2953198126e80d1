// Applicant links: an HMAC-SHA256 over the appointment, its link version and an expiry (WebCrypto,
// so Workers can check it too; node:crypto's on Node, the same bytes). Re-issuing bumps the
// version and kills old links.
import type { Deps, Mac } from "../deps.js";
import { base64url } from "../lib/ids.js";
import { importedKey, linkSecret, sameInConstantTime, webCryptoHmac } from "./link-secret.js";
import type { Actor } from "./context.js";
import { canUseOffice } from "./access.js";

const loadMac = async (deps: Deps) => (deps.hmac ?? webCryptoHmac)(new TextEncoder().encode(await linkSecret(deps)));

const linkMac = (deps: Deps): Promise<Mac> => importedKey(deps, "link", () => loadMac(deps));

async function sign(deps: Deps, payload: string): Promise<string> {
  const mac = await (await linkMac(deps))(new TextEncoder().encode(payload));
  return base64url(mac.subarray(0, 18));
}

export const LINK_DAYS_AFTER = 7;

export async function linkToken(deps: Deps, appointmentId: string, linkVersion: number, end: number): Promise<string> {
  const expires = Math.floor((end + LINK_DAYS_AFTER * 86_400_000) / 1000).toString(36);
  const payload = `${appointmentId}.${linkVersion}.${expires}`;
  return `${base64url(new TextEncoder().encode(payload))}.${await sign(deps, payload)}`;
}

/**
 * A link lets whoever holds it act as the applicant: besides the applicant's own channels, only
 * staff who may book at the office (admin, the office's scheduler) get it, never an interviewer.
 */
export const maySeeLink = (actor: Actor, a: { officeId: string }) => canUseOffice(actor, a.officeId);

export const selfServiceUrl = async (deps: Deps, a: { id: string; linkVersion: number; endAt: number }) =>
  `${deps.config.publicUrl}/a/${await linkToken(deps, a.id, a.linkVersion, a.endAt)}`;

/** The appointment id and link version a token names, or null for any bad, altered or expired token. */
export async function readLinkToken(deps: Deps, token: string): Promise<{ appointmentId: string; linkVersion: number } | null> {
  const [encoded, mac, extra] = token.split(".");
  if (!encoded || !mac || extra !== undefined || token.length > 300) return null;
  let payload: string;
  try {
    payload = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(encoded.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
  if (!sameInConstantTime(await sign(deps, payload), mac) || base64url(new TextEncoder().encode(payload)) !== encoded) return null;
  const [appointmentId, version, expires] = payload.split(".");
  if (!appointmentId || !version || !expires) return null;
  if (parseInt(expires, 36) * 1000 < deps.clock.now()) return null;
  return { appointmentId, linkVersion: Number(version) };
}
