// HMAC-SHA256 through node:crypto for the Node server: synchronous and cheap, where WebCrypto's
// sign goes through the thread pool and a promise per call (~2% of a booking's CPU). Same bytes.
import { createHmac, createSecretKey } from "node:crypto";
import type { HmacSha256 } from "../deps.js";

export const nodeHmac: HmacSha256 = async (raw) => {
  const key = createSecretKey(raw);
  return (message) => createHmac("sha256", key).update(message).digest();
};
