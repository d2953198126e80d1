// The organisation's identity provider through openid-client (Node and Workers alike): the
// authorization code flow with PKCE, state and nonce. openid-client checks the ID token (issuer,
// audience, signature, expiry, nonce); Cita then takes only the verified email from it.
import * as client from "openid-client";
import type { Deps } from "../deps.js";
import type { OidcConfig } from "../config.js";

/** Plain HTTP is allowed only for a provider on this machine (tests, a local Keycloak). */
const isLoopback = (issuer: string) => ["127.0.0.1", "localhost", "[::1]"].includes(new URL(issuer).hostname);

function configurationOf(deps: Deps, oidc: OidcConfig): Promise<client.Configuration> {
  const cache = deps.state.oidcConfigs;
  let found = cache.get(oidc.issuer);
  if (!found) {
    const options = isLoopback(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
    found = client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret ?? undefined, undefined, options);
    cache.set(oidc.issuer, found);
    // A provider that was down is asked again next time.
    found.catch(() => cache.delete(oidc.issuer));
  }
  return found;
}

export const redirectUri = (deps: Deps) => `${deps.config.publicUrl}/console/sign-in/oidc/callback`;

/** A new sign-in: the provider's address to send the browser to, and what the callback must check. */
export async function beginOidc(deps: Deps, oidc: OidcConfig) {
  const config = await configurationOf(deps, oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope: "openid email",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface VerifiedIdentity {
  email: string | null;
  emailVerified: boolean;
}

/**
 * Exchanges the callback's code (the query string of `callbackSearch`) and checks state, nonce,
 * PKCE and the ID token. Throws when any check fails or the provider refuses the code.
 */
export async function finishOidc(deps: Deps, oidc: OidcConfig, callbackSearch: string, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
  const config = await configurationOf(deps, oidc);
  const current = new URL(redirectUri(deps) + callbackSearch);
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  let { email, email_verified: verified } = claims;
  // Providers that keep profile claims out of the ID token answer them at the userinfo endpoint.
  if (typeof email !== "string") ({ email, email_verified: verified } = await client.fetchUserInfo(config, tokens.access_token, claims.sub));
  return { email: typeof email === "string" ? email : null, emailVerified: verified === true };
}
