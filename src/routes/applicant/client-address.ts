// Whom the applicant rate limit counts a request against. A header naming the client is believed
// only when CITA_TRUST_PROXY says a proxy in front of the service wrote it: otherwise anyone could
// rotate it to dodge the limit, or write a victim's address to lock the victim out.
import type { Context } from "hono";
import proxyAddr from "proxy-addr";
import type { TrustProxy } from "../../config.js";
import type { AppEnv } from "../../http/context.js";

type TrustFn = (address: string, hop: number) => boolean;
// A pure memo keyed by the parsed setting (one compile per value), not process state.
const compiled = new WeakMap<TrustProxy, TrustFn>();

/** Which X-Forwarded-For hops to believe: the first `hops` from the right, or those from known proxies. */
function trustOf(trust: Extract<TrustProxy, { kind: "hops" | "addresses" }>): TrustFn {
  let fn = compiled.get(trust);
  if (!fn) compiled.set(trust, (fn = trust.kind === "hops" ? (_address, hop) => hop < trust.hops : proxyAddr.compile(trust.addresses)));
  return fn;
}

/** The Node connection's peer address (none on Workers, whose entry point trusts only Cloudflare). */
function socketAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/** The client's address as far as the configured proxies vouch for it; "unknown" when nothing says. */
export function clientAddress(c: Context<AppEnv>): string {
  const trust = c.var.deps.config.trustProxy;
  const socket = socketAddress(c);
  if (trust.kind === "cloudflare") return c.req.header("cf-connecting-ip")?.trim() || socket || "unknown";
  if (trust.kind === "none") return socket ?? "unknown";
  // proxy-addr walks X-Forwarded-For from the socket leftwards while the hop is trusted.
  const request = { headers: { "x-forwarded-for": c.req.header("x-forwarded-for") ?? "" }, socket: { remoteAddress: socket } };
  return proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trustOf(trust)) || "unknown";
}
