// Settings from the environment (API.md "Running it"), parsed once by the entry point.
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
  if (!Number.isInteger(dispatchIntervalMs) || dispatchIntervalMs < 0) throw new Error(`CITA_DISPATCH_INTERVAL_MS must be a whole number of milliseconds, got '${env.CITA_DISPATCH_INTERVAL_MS}'`);
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
  };
}
