import { RosterError } from "@roster/core";
import * as oidc from "openid-client";

/** How Roster signs people in with the company's OpenID Connect provider. */
export interface OidcSettings {
  /** The provider's issuer URL; discovery is read from it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim holding the work email; "email" by default. */
  emailClaim?: string;
}

/** What a sign-in leaves in a short-lived cookie until the callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Who the provider says signed in. */
export interface SignedIn {
  subject: string;
  email: string;
  idToken: string;
}

function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/**
 * The authorization code flow with PKCE, state and nonce, over
 * `openid-client`. Discovery is fetched once and kept; a failed discovery
 * is retried on the next sign-in.
 */
export function relyingParty(settings: OidcSettings) {
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== "https:" && !isLoopback(issuer)) {
    throw new Error(
      `The OIDC issuer must use https, not ${settings.issuer}; plain http` +
        " is accepted only on loopback.",
    );
  }
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        issuer.protocol === "https:"
          ? undefined
          : { execute: [oidc.allowInsecureRequests] },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new RosterError(
          "unavailable",
          "The sign-in provider cannot be reached; try again shortly.",
          { cause: error instanceof Error ? error.message : String(error) },
        );
      });
    return discovered;
  };
  const emailClaim = settings.emailClaim ?? "email";

  return {
    /**
     * The provider's URL to send the browser to, and what to remember.
     * `redirectUri` is Roster's callback, as registered with the provider.
     */
    async begin(
      returnTo: string,
      redirectUri: string,
    ): Promise<{ url: URL; pending: PendingSignIn }> {
      const config = await configuration();
      const pending: PendingSignIn = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(
          pending.codeVerifier,
        ),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** Checks the callback against what was remembered; who signed in. */
    async complete(
      callbackUrl: URL,
      pending: PendingSignIn,
    ): Promise<SignedIn> {
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new RosterError(
          "unauthenticated",
          `Sign-in was not completed: ${describe(error)}`,
        );
      }
      const idClaims = tokens.claims();
      if (!idClaims) {
        throw new RosterError(
          "unauthenticated",
          "The sign-in provider sent no ID token.",
        );
      }
      // Providers that follow the spec strictly keep profile claims out of
      // the ID token when an access token is issued: ask userinfo then.
      const claims: Record<string, unknown> =
        typeof idClaims[emailClaim] === "string"
          ? idClaims
          : {
              ...(await oidc.fetchUserInfo(
                config,
                tokens.access_token,
                idClaims.sub,
              )),
              sub: idClaims.sub,
            };
      const email = claims[emailClaim];
      if (typeof email !== "string" || email === "") {
        throw new RosterError(
          "unauthenticated",
          `The sign-in provider sent no ${emailClaim} claim.`,
        );
      }
      if (claims.email_verified === false) {
        throw new RosterError(
          "unauthenticated",
          "The sign-in provider has not verified this email address.",
        );
      }
      return {
        subject: idClaims.sub,
        email,
        idToken: tokens.id_token ?? "",
      };
    },

    /** Where to send the browser to sign out at the provider too. */
    async endSessionUrl(
      postLogoutRedirectUri: string,
      idTokenHint?: string,
    ): Promise<URL | undefined> {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      });
    },
  };
}

export type RelyingParty = ReturnType<typeof relyingParty>;

function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) {
    return error.error_description ?? error.error;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
