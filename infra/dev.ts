import { database } from "./database";

/**
 * `sst dev` only: applies migrations to the local database the `Database`
 * link points at, before the API and the handlers are used.
 */
export const localMigrations = $dev
  ? new sst.x.DevCommand("Migrate", {
      link: [database],
      dev: {
        command: "pnpm --filter @roster/api migrate",
        autostart: true,
      },
    })
  : undefined;
