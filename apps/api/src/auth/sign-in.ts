import { RosterError } from "@roster/core";
import type { Directory, SessionLifetime } from "@roster/db";
import type { SignInDeps } from "../routes/auth.js";
import type { ActorResolver } from "./actor.js";
import { relyingParty } from "./oidc/relying-party.js";
import { sessionActorResolver } from "./session-resolver.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface SignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Where people reach Roster, e.g. https://roster.example.com. Locally it
   * may be left out: any loopback address the browser uses is accepted.
   */
  publicUrl?: string;
  /** Signs the sign-in cookie and CSRF tokens: 32 random bytes or more. */
  sessionSecret: string;
  emailClaim?: string;
  lifetime?: SessionLifetime;
  /** Local development only: lets a signed-in person act as others. */
  allowActingAs?: boolean;
  /**
   * Behind the CDN, without a public URL: the browser's host arrives in
   * X-Forwarded-Host, always over HTTPS. The provider still accepts only
   * the callbacks registered with it, so a forged header leads nowhere.
   */
  trustForwardedHost?: boolean;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * Everything sign-in with an OpenID Connect provider plugs into the app:
 * the actor resolver reading the session cookie, and the sign-in routes.
 */
export function oidcSignIn(
  directory: Directory,
  settings: SignInSettings,
): { auth: ActorResolver; signIn: SignInDeps } {
  if (Buffer.byteLength(settings.sessionSecret) < 32) {
    throw new Error("The session secret must be at least 32 bytes long.");
  }
  const fixed = settings.publicUrl ? new URL(settings.publicUrl) : undefined;
  const cookies = {
    secret: settings.sessionSecret,
    secure:
      fixed?.protocol === "https:" || (!fixed && !!settings.trustForwardedHost),
  };
  const signIn: SignInDeps = {
    relyingParty: relyingParty({
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      ...(settings.emailClaim ? { emailClaim: settings.emailClaim } : {}),
    }),
    siteOf: (requestUrl, forwardedHost) => {
      if (fixed) return fixed.origin;
      if (settings.trustForwardedHost) {
        if (!forwardedHost || !HOST.test(forwardedHost)) {
          throw new RosterError(
            "invalid_input",
            "Sign in through Roster's web address, not the API's own.",
          );
        }
        return `https://${forwardedHost}`;
      }
      const seen = new URL(requestUrl);
      if (!LOOPBACK.has(seen.hostname)) {
        throw new RosterError(
          "invalid_input",
          "Without a public URL, sign-in is served on loopback only.",
        );
      }
      return seen.origin;
    },
    cookies,
    ...(settings.lifetime ? { lifetime: settings.lifetime } : {}),
  };
  const auth = sessionActorResolver({
    directory,
    cookies,
    ...(settings.lifetime ? { lifetime: settings.lifetime } : {}),
    allowActingAs: settings.allowActingAs ?? false,
  });
  return { auth, signIn };
}
