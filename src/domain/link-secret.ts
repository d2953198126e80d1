// The one secret behind applicant links and the keys derived from it.
import { eq } from "drizzle-orm";
import type { Deps, HmacSha256 } from "../deps.js";
import { settings } from "../db/schema.js";
import { randomToken } from "../lib/ids.js";

/** CITA_LINK_SECRET, or a secret made on first use and kept in the database. */
export async function linkSecret(deps: Deps): Promise<string> {
  if (deps.config.linkSecret) return deps.config.linkSecret;
  const { db } = deps.database;
  await db
    .insert(settings)
    .values({ key: "link_secret", value: randomToken("lk") })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, "link_secret"));
  return row!.value;
}

export const hmacKey = (raw: BufferSource) => crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

/** HMAC-SHA256 through WebCrypto: the one both platforms have (Workers have no node:crypto). */
export const webCryptoHmac: HmacSha256 = async (raw) => {
  const key = await hmacKey(raw);
  return async (message) => new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
};

/** The process's key of this name, imported on first use; a failed import is forgotten so the next call tries again. */
export function importedKey<Key>(deps: Deps, name: string, load: () => Promise<Key>): Promise<Key> {
  const keys = deps.state.hmacKeys;
  let key = keys.get(name) as Promise<Key> | undefined;
  if (!key) {
    key = load();
    keys.set(name, key);
    key.catch(() => keys.delete(name));
  }
  return key;
}

/** Compares without an early exit, so the time taken does not tell how much of a guess was right. */
export function sameInConstantTime(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
