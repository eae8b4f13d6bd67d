import { SettingsError } from "@roster/config";
import { runMigrations } from "./lambda/migrate.js";

// `pnpm --filter @roster/api migrate`: the deploy-time migrator, run on
// this machine against the linked database (`sst dev` starts it) or the
// server DATABASE_URL names.
try {
  const report = await runMigrations();
  console.log(
    `The database is at all ${report.migrations} migrations of ` +
      `${report.migrationsDir} (${report.durationMs} ms).`,
  );
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
}
