import { type DatabaseSettings, readDatabase } from "./database.js";
import {
  BucketLink,
  LINK,
  SecretLink,
  TaskLink,
  WebSocketLink,
} from "./links.js";
import { SettingsReader } from "./reader.js";
import { processSource, type SettingsSource } from "./source.js";

/** The API's settings. Under SST every linked value is required. */
export interface ApiSettings extends DatabaseSettings {
  /** True under SST (deployed or `sst dev`), false for `pnpm dev`. */
  linked: boolean;
  /** Turns HR user names like SKING into addresses: sking@<domain>. */
  companyDomain: string;
  /** Who `pnpm dev` signs everyone in as. */
  localAdminEmail: string;
  /** The local server's port. */
  port: number;
  /** Where clients open the live-updates socket, when known. */
  realtimeUrl: string | undefined;
  /** The WebSocket API's management endpoint, to push events at once. */
  realtimeEndpoint: string | undefined;
  /** The local realtime server's port (0 picks a free one). */
  realtimePort: number;
  /** The private bucket that holds photos. */
  photosBucket: string | undefined;
  /** The worker's task, for ECS RunTask. */
  workerTask: TaskLink | undefined;
  /** Signs the sign-in cookie and CSRF tokens. */
  sessionSecret: string | undefined;
  /** The company's OpenID Connect provider, where one is configured. */
  oidc: OidcSettings | undefined;
  /**
   * Where people reach Roster, e.g. https://roster.acme.com. Unset, the
   * address the browser used is taken from the CDN's X-Forwarded-Host.
   */
  publicUrl: string | undefined;
}

/** Roster's client at the company's identity provider. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim holding the work email; "email" unless set. */
  emailClaim: string | undefined;
}

/** Reads the API's settings, throwing a SettingsError naming each gap. */
export function readApiSettings(
  source: SettingsSource = processSource(),
): ApiSettings {
  const reader = new SettingsReader("API", source);
  const linked = reader.isLinked;
  const realtime = reader.linked(LINK.realtime, WebSocketLink);
  const companyDomain = reader.text("ROSTER_COMPANY_DOMAIN") ?? "example.com";
  const wanted = <T>(value: T | undefined, what: string, how: string) =>
    linked ? reader.require(value, what, how) : value;
  const secret = (link: string, env: string) =>
    reader.linked(link, SecretLink)?.value ?? reader.text(env);
  const issuer = wanted(
    secret(LINK.oidcIssuer, "ROSTER_OIDC_ISSUER"),
    "the sign-in provider's issuer URL",
    `link "${LINK.oidcIssuer}" or set ROSTER_OIDC_ISSUER`,
  );
  const clientId = wanted(
    secret(LINK.oidcClientId, "ROSTER_OIDC_CLIENT_ID"),
    "Roster's client id at the sign-in provider",
    `link "${LINK.oidcClientId}" or set ROSTER_OIDC_CLIENT_ID`,
  );
  const clientSecret = wanted(
    secret(LINK.oidcClientSecret, "ROSTER_OIDC_CLIENT_SECRET"),
    "Roster's client secret at the sign-in provider",
    `link "${LINK.oidcClientSecret}" or set ROSTER_OIDC_CLIENT_SECRET`,
  );
  return reader.finish({
    linked,
    oidc:
      issuer && clientId && clientSecret
        ? {
            issuer,
            clientId,
            clientSecret,
            emailClaim: reader.text("ROSTER_OIDC_EMAIL_CLAIM"),
          }
        : undefined,
    publicUrl: reader.url("ROSTER_PUBLIC_URL"),
    ...readDatabase(reader, { embedded: true }),
    companyDomain,
    localAdminEmail:
      reader.text("ROSTER_LOCAL_ADMIN_EMAIL") ?? `sking@${companyDomain}`,
    port: reader.port("PORT", 8787),
    realtimeUrl: wanted(
      realtime?.url ?? reader.url("ROSTER_REALTIME_URL"),
      "the live-updates URL",
      `link "${LINK.realtime}" or set ROSTER_REALTIME_URL`,
    ),
    realtimeEndpoint: wanted(
      realtime?.managementEndpoint ?? reader.url("ROSTER_REALTIME_ENDPOINT"),
      "the WebSocket management endpoint",
      `link "${LINK.realtime}" or set ROSTER_REALTIME_ENDPOINT`,
    ),
    realtimePort: reader.port("ROSTER_REALTIME_PORT", 8788),
    photosBucket: wanted(
      reader.linked(LINK.photos, BucketLink)?.name ??
        reader.text("ROSTER_PHOTOS_BUCKET"),
      "the photos bucket",
      `link "${LINK.photos}" or set ROSTER_PHOTOS_BUCKET`,
    ),
    workerTask: wanted(
      reader.linked(LINK.worker, TaskLink),
      "the worker task",
      `link "${LINK.worker}" in sst.config.ts`,
    ),
    sessionSecret: wanted(
      reader.linked(LINK.sessionSecret, SecretLink)?.value ??
        reader.text("ROSTER_SESSION_SECRET"),
      "the session secret",
      `link "${LINK.sessionSecret}" or set ROSTER_SESSION_SECRET`,
    ),
  });
}
