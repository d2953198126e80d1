// Identifiers and tokens from Web Crypto, so the same code runs on Node and Workers.

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

function base32(n: number, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = alphabet[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

let lastTime = 0;
let lastRandom = 0;

/**
 * Server-made ids sort by creation time: prefix, 10 chars of time, 10 of a random number
 * that is counted up instead when the clock has not moved, so ids made in one process keep
 * their order (lists are ordered by id).
 */
export function newId(prefix: string, now: number): string {
  const time = Math.max(Math.floor(now), lastTime);
  if (time === lastTime && lastRandom < 2 ** 49) lastRandom += 1 + Math.floor(Math.random() * 1024);
  else lastRandom = Math.floor(Math.random() * 2 ** 48);
  lastTime = time;
  return `${prefix}_${base32(time, 10)}${base32(lastRandom, 10)}`;
}

export function randomToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `${prefix}_${base64url(bytes)}`;
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
