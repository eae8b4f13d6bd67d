import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  processSource,
  readMigratorSettings,
  type SettingsSource,
} from "@roster/config";
import { migrateServer, migrationsFolder } from "@roster/db";

/** What one run of the migrator did, as the deploy's log shows it. */
export interface MigrationReport {
  migrationsDir: string;
  /** Migrations in the journal, all applied once the run succeeds. */
  migrations: number;
  durationMs: number;
}

/**
 * Where the migrations are: in Lambda, the `drizzle` folder the function's
 * `copyFiles` puts at its root; elsewhere the data layer's own folder.
 */
export function bundledMigrationsDir(
  env: Readonly<Record<string, string | undefined>>,
): string {
  const root = env.LAMBDA_TASK_ROOT;
  return root ? join(root, "drizzle") : migrationsFolder;
}

/**
 * Applies pending migrations to the configured database server. Throws on
 * any failure, which fails the invocation and with it the deploy.
 */
export async function runMigrations(
  source: SettingsSource = processSource(),
): Promise<MigrationReport> {
  const started = performance.now();
  const settings = readMigratorSettings(source);
  const dir = settings.migrationsDir ?? bundledMigrationsDir(source.env);
  const journalFile = join(dir, "meta", "_journal.json");
  if (!existsSync(journalFile)) {
    throw new Error(
      `Drizzle's migration journal is missing: ${journalFile}. Bundle ` +
        "packages/db/drizzle with the migrator (copyFiles).",
    );
  }
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
    entries: unknown[];
  };
  await migrateServer(settings.databaseUrl, dir);
  return {
    migrationsDir: dir,
    migrations: journal.entries.length,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The entry the deploy invokes once per `sst deploy`. */
export async function handler(): Promise<MigrationReport> {
  const report = await runMigrations();
  process.stdout.write(
    `${JSON.stringify({ level: "info", message: "migrated", ...report })}\n`,
  );
  return report;
}
