// The text-message sender the configuration asks for, or null (messages then stay pending).
import type { Config } from "../config.js";
import type { Logger, MessageSender } from "../deps.js";
import { twilioSender } from "./sms.js";

/** CITA_SMS_URL with an account, a token and a sender; the URL's user:password may carry the first two. */
export function smsFromConfig(config: Config, logger: Logger): MessageSender | null {
  if (!config.smsUrl) return null;
  let url: URL;
  try {
    url = new URL(config.smsUrl);
  } catch {
    logger.error("CITA_SMS_URL is not a URL; text messages stay in the outbox");
    return null;
  }
  const accountSid = config.smsAccountSid ?? (decodeURIComponent(url.username) || null);
  const authToken = smsAuthToken(config);
  const missing = [!accountSid && "CITA_SMS_ACCOUNT_SID", !authToken && "CITA_SMS_AUTH_TOKEN", !config.smsFrom && "CITA_SMS_FROM"].filter(Boolean);
  if (missing.length) {
    logger.error("text messages stay in the outbox: CITA_SMS_URL is set but these are missing", { missing });
    return null;
  }
  return twilioSender({ url: config.smsUrl, accountSid: accountSid!, authToken: authToken!, from: config.smsFrom! });
}

/** CITA_SMS_AUTH_TOKEN, or the password in CITA_SMS_URL: it also signs the provider's webhooks. */
export function smsAuthToken(config: Config): string | null {
  if (config.smsAuthToken) return config.smsAuthToken;
  try {
    return config.smsUrl ? decodeURIComponent(new URL(config.smsUrl).password) || null : null;
  } catch {
    return null;
  }
}
