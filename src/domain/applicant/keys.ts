// Keys derived from the link secret for other purposes (form tokens), so one secret is kept and
// a key made for one purpose can never sign for another.
import type { Deps } from "../../deps.js";
import { base64url } from "../../lib/ids.js";
import { hmacKey, importedKey, linkSecret } from "../link-secret.js";

export { sameInConstantTime } from "../link-secret.js";

const encoder = new TextEncoder();

async function derive(deps: Deps, purpose: string): Promise<CryptoKey> {
  const master = await hmacKey(encoder.encode(await linkSecret(deps)));
  return hmacKey(await crypto.subtle.sign("HMAC", master, encoder.encode(`cita:${purpose}`)));
}

function keyFor(deps: Deps, purpose: string): Promise<CryptoKey> {
  return importedKey(deps, `derived:${purpose}`, () => derive(deps, purpose));
}

/** base64url HMAC-SHA256 of `message` under the key for `purpose`, cut to `bytes`. */
export async function signFor(deps: Deps, purpose: string, message: string, bytes = 18): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await keyFor(deps, purpose), encoder.encode(message));
  return base64url(new Uint8Array(mac).slice(0, bytes));
}
