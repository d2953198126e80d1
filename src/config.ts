// Settings from the environment (API.md "Running it"), parsed once by the entry point.
import proxyAddr from "proxy-addr";

/**
 * Whose word about the client's address to believe (CITA_TRUST_PROXY), see docs/security.md:
 * nobody (the connection's address), Cloudflare's CF-Connecting-IP, X-Forwarded-For up to a
 * number of proxy hops, or X-Forwarded-For as written by proxies at these addresses/subnets.
 */
export type TrustProxy = { kind: "none" } | { kind: "cloudflare" } | { kind: "hops"; hops: number } | { kind: "addresses"; addresses: string[] };

export interface Config {
  port: number;
  host: string;
  dbPath: string;
  adminToken: string | null;
  linkSecret: string | null;
  smtpUrl: string | null;
  smsUrl: string | null;
  /** Twilio-style account and credentials; the URL's user:password is used when these are unset. */
  smsAccountSid: string | null;
  smsAuthToken: string | null;
  /** The sender number (E.164) or alphanumeric sender id. */
  smsFrom: string | null;
  /** Sender and ORGANIZER address for offices that have no mailbox of their own. */
  mailFrom: string;
  /** An HTTP mail API (Resend's shape) for runtimes without SMTP. */
  mailApiUrl: string | null;
  mailApiKey: string | null;
  /** How often the Node server sends due notifications; 0 turns the timer off. */
  dispatchIntervalMs: number;
  /** Bearer token for GET /metrics; unset, the route answers 404. */
  metricsToken: string | null;
  publicUrl: string;
  now: number | null;
  trustProxy: TrustProxy;
  /** Staff sign-in by OpenID Connect (CITA_OIDC_*); null offers the email link instead. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

function readOidc(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.CITA_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) throw new Error(`CITA_OIDC_ISSUER must be the identity provider's issuer URL, got '${issuer}'`);
  const clientId = env.CITA_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error("CITA_OIDC_CLIENT_ID must be set when CITA_OIDC_ISSUER is");
  return { issuer, clientId, clientSecret: env.CITA_OIDC_CLIENT_SECRET || null };
}

function readTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (text.toLowerCase() === "cloudflare") return { kind: "cloudflare" };
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const addresses = text
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(addresses);
  } catch {
    throw new Error(`CITA_TRUST_PROXY must be 'cloudflare', a number of proxy hops, or proxy addresses and subnets ('loopback, 10.0.0.0/8'), got '${value}'`);
  }
  return { kind: "addresses", addresses };
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const host = env.HOST || "127.0.0.1";
  let now: number | null = null;
  if (env.CITA_NOW) {
    now = Date.parse(env.CITA_NOW);
    if (!/(Z|[+-]\d\d:\d\d)$/i.test(env.CITA_NOW) || Number.isNaN(now)) throw new Error(`CITA_NOW must be an ISO instant with an offset, got '${env.CITA_NOW}'`);
  }
  const dispatchIntervalMs = Number(env.CITA_DISPATCH_INTERVAL_MS || 2000);
  if (!Number.isInteger(dispatchIntervalMs) || dispatchIntervalMs < 0)
    throw new Error(`CITA_DISPATCH_INTERVAL_MS must be a whole number of milliseconds, got '${env.CITA_DISPATCH_INTERVAL_MS}'`);
  const hostInUrl = host.includes(":") ? `[${host}]` : host;
  return {
    port,
    host,
    dbPath: env.CITA_DB || "./data/cita.db",
    adminToken: env.CITA_ADMIN_TOKEN || null,
    linkSecret: env.CITA_LINK_SECRET || null,
    smtpUrl: env.CITA_SMTP_URL || null,
    smsUrl: env.CITA_SMS_URL || null,
    smsAccountSid: env.CITA_SMS_ACCOUNT_SID || null,
    smsAuthToken: env.CITA_SMS_AUTH_TOKEN || null,
    smsFrom: env.CITA_SMS_FROM || null,
    mailFrom: env.CITA_MAIL_FROM || "cita@localhost",
    mailApiUrl: env.CITA_MAIL_API_URL || null,
    mailApiKey: env.CITA_MAIL_API_KEY || null,
    dispatchIntervalMs,
    metricsToken: env.CITA_METRICS_TOKEN || null,
    publicUrl: (env.CITA_PUBLIC_URL || `http://${hostInUrl}:${port}`).replace(/\/+$/, ""),
    now,
    trustProxy: readTrustProxy(env.CITA_TRUST_PROXY),
    oidc: readOidc(env),
  };
}

/**
 * The settings on Cloudflare Workers. Cloudflare sets CF-Connecting-IP on every request a Worker
 * receives, so that is the only client address believed there, whatever CITA_TRUST_PROXY says.
 */
export function workerConfig(env: Record<string, string | undefined>): Config {
  return { ...readConfig(env), trustProxy: { kind: "cloudflare" } };
}
