import { readDatabase } from "./database.js";
import { SettingsReader } from "./reader.js";
import { processSource, type SettingsSource } from "./source.js";

/** The deploy-time migrator's settings. */
export interface MigratorSettings {
  databaseUrl: string;
  /**
   * Drizzle's migrations folder, when set by ROSTER_MIGRATIONS_DIR;
   * otherwise the migrator uses the copy bundled beside it.
   */
  migrationsDir: string | undefined;
}

/** Reads the migrator's settings; it always migrates a database server. */
export function readMigratorSettings(
  source: SettingsSource = processSource(),
): MigratorSettings {
  const reader = new SettingsReader("migrator", source);
  const { databaseUrl } = readDatabase(reader, { embedded: false });
  return reader.finish({
    databaseUrl: databaseUrl as string,
    migrationsDir: reader.text("ROSTER_MIGRATIONS_DIR"),
  });
}
