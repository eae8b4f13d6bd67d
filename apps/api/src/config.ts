import { fileURLToPath } from "node:url";
import {
  type ApiSettings,
  processSource,
  readApiSettings,
  type SettingsSource,
} from "@roster/config";

/**
 * Settings the API reads: linked SST resources when deployed or under
 * `sst dev`, else the environment with local defaults.
 */
export type ApiConfig = ApiSettings;

/** Reads the API's settings, refusing values it cannot use. */
export function readConfig(
  source: SettingsSource = processSource(),
): ApiConfig {
  return readApiSettings(source);
}

/** Where clients open the live-updates socket: set, or the local server. */
export function realtimeUrlOf(config: ApiConfig): string {
  return config.realtimeUrl ?? `ws://127.0.0.1:${config.realtimePort}`;
}

/** The repository root, for the datasets the local seed reads. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
