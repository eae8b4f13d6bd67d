export { type ApiSettings, readApiSettings } from "./api.js";
export { type DatabaseSettings, linkedDatabaseUrl } from "./database.js";
export { SettingsError } from "./errors.js";
export { LINK, type TaskLink } from "./links.js";
export { type MigratorSettings, readMigratorSettings } from "./migrator.js";
export {
  type RealtimeOptions,
  type RealtimeSettings,
  readRealtimeSettings,
} from "./realtime.js";
export {
  processSource,
  type SettingsSource,
  staticSource,
} from "./source.js";
export { readWorkerSettings, type WorkerSettings } from "./worker.js";
