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
  /** Signs sessions; the sign-in that will use it is not built yet. */
  sessionSecret: string | undefined;
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
  return reader.finish({
    linked,
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
