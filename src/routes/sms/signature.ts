// Twilio's webhook signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed with the account's
// auth token, over the full URL Twilio called followed by every POST parameter, sorted by name,
// as name + value with nothing between. Web Crypto, so it runs on Node and Workers alike;
// `verify` compares in constant time.
const utf8 = new TextEncoder();

/** The signed text: the URL, then each parameter as name+value in order of name (then value). */
export function signedText(url: string, params: [string, string][]): string {
  const byName = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return url + byName.map(([name, value]) => name + value).join("");
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export async function isTwilioSignature(authToken: string, url: string, params: [string, string][], signature: string | undefined): Promise<boolean> {
  const given = signature ? base64Bytes(signature.trim()) : null;
  if (!given) return false;
  const key = await crypto.subtle.importKey("raw", utf8.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", key, given, utf8.encode(signedText(url, params)));
}
