// A real OpenID Provider on loopback (oidc-provider), with test accounts, and a browser-like
// client made of fetch and two cookie jars that walks the redirect dance against a Cita app.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export const CLIENT_ID = "cita-console";
export const CLIENT_SECRET = "cita-console-test-secret-that-is-long-enough";

export interface Account {
  email: string;
  email_verified: boolean;
}

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Starts a provider whose login accepts any password for the accounts named in `accounts`. */
export async function startProvider(accounts: Record<string, Account>, redirectUris: () => string[]): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris(), grant_types: ["authorization_code"], response_types: ["code"] }],
    cookies: { keys: ["oidc-test-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    pkce: { required: () => true },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = accounts[sub];
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    // No consent screen: the console's client is the organisation's own.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on("request", (req, res) => void handle(req, res));
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A cookie jar: name → value, fed by Set-Cookie, sent as one Cookie header. */
export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
}

/**
 * Signs `login` in at the provider from the authorization URL and answers the callback URL the
 * provider sends the browser to (with code and state), following the provider's own redirects.
 */
export async function providerLogin(authorizationUrl: string, login: string, jar = new Jar()): Promise<string> {
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, url).href;
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form: ${res.status} ${html.slice(0, 300)}`);
    const posted = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }),
    });
    jar.take(posted);
    url = new URL(posted.headers.get("location")!, url).href;
  }
  throw new Error("too many redirects at the provider");
}
