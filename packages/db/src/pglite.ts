import {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  migrationsFolder,
} from "./client.js";
import { lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema.js";

/**
 * Opens the embedded database in a data directory, or in memory. Its
 * packages are imported here, on first use, so bundles for AWS can leave
 * them out: nothing there opens an embedded database.
 */
export async function openPglite(
  options: Extract<DatabaseOptions, { dataDir: string }>,
): Promise<DatabaseHandle> {
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all(
    [
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator"),
    ],
  );
  const inMemory = options.dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(options.dataDir);
  const client = new PGlite({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  try {
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migrate(db, { migrationsFolder }),
    dump: async () => client.dumpDataDir("none"),
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}
