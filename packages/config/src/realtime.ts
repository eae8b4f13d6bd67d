import { type DatabaseSettings, readDatabase } from "./database.js";
import { LINK, WebSocketLink } from "./links.js";
import { SettingsReader } from "./reader.js";
import { processSource, type SettingsSource } from "./source.js";

/** The WebSocket handlers' settings. */
export interface RealtimeSettings extends DatabaseSettings {
  databaseUrl: string;
  linked: boolean;
  /**
   * The management endpoint to post to. Routes may fall back to their
   * event's own domain; the scheduled sweep has no event and needs it.
   */
  managementEndpoint: string | undefined;
  /** The local server's port (0 picks a free one). */
  port: number;
}

export interface RealtimeOptions {
  /** Refuse to start without a management endpoint (the sweep). */
  needsEndpoint?: boolean;
}

/**
 * Reads the realtime handlers' settings. They always need a database
 * server: the embedded one can be opened by one process only.
 */
export function readRealtimeSettings(
  source: SettingsSource | undefined,
  options: { needsEndpoint: true },
): RealtimeSettings & { managementEndpoint: string };
export function readRealtimeSettings(
  source?: SettingsSource,
  options?: RealtimeOptions,
): RealtimeSettings;
export function readRealtimeSettings(
  source: SettingsSource = processSource(),
  { needsEndpoint = false }: RealtimeOptions = {},
): RealtimeSettings {
  const reader = new SettingsReader("realtime handlers", source);
  const database = readDatabase(reader, { embedded: false });
  const endpoint =
    reader.linked(LINK.realtime, WebSocketLink)?.managementEndpoint ??
    reader.url("ROSTER_REALTIME_ENDPOINT");
  return reader.finish({
    ...database,
    databaseUrl: database.databaseUrl as string,
    linked: reader.isLinked,
    managementEndpoint: needsEndpoint
      ? reader.require(
          endpoint,
          "the WebSocket management endpoint",
          `link "${LINK.realtime}" or set ROSTER_REALTIME_ENDPOINT`,
        )
      : endpoint,
    port: reader.port("ROSTER_REALTIME_PORT", 8788),
  });
}
