import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export const migrationsFolder = fileURLToPath(
  new URL("../drizzle", import.meta.url),
);

export type DatabaseOptions =
  | {
      /** A postgres:// URL: the server driver, pooled. */
      url: string;
      /** Connections this process may hold; keep it small on Lambda. */
      maxConnections?: number;
    }
  | {
      /** A PGlite data directory, or `memory://` for a throwaway one. */
      dataDir: string;
      /** A data directory dumped by `dumpDataDir`, to start from. */
      loadDataDir?: Blob | File;
    };

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Applies pending migrations; safe to call from several processes. */
  migrate(): Promise<void>;
  /** Dumps a PGlite data directory (for test templates); PGlite only. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const MIGRATION_LOCK = 72_006_417;

/** Opens Roster's database: Postgres when given a URL, else embedded PGlite. */
export async function openDatabase(
  options: DatabaseOptions,
): Promise<DatabaseHandle> {
  if ("url" in options) return openPostgres(options.url, options);
  // Loaded only here, so a Lambda that always has a server never loads
  // the embedded database (and its bundle can leave it out).
  const { openPglite } = await import("./pglite.js");
  return openPglite(options);
}

// A session left in an open transaction this long is ended by the
// server, and its locks with it: a worker frozen mid-batch (or a Lambda
// frozen between invocations) would otherwise hold its job's row, and
// any row it wrote, until it woke. No transaction of Roster's waits
// on the application that long; the heartbeat timeout is as long.
const IDLE_IN_TRANSACTION_MS = 60_000;

// No statement timeout is set: one pathological search can hold a server
// connection, or the single embedded PGlite connection, for seconds.
//
// JIT compilation is off for Roster's sessions. It starts on any
// statement the planner costs above a threshold, such as an import's
// pass over 100,000 staged rows, and compiling then takes longer than
// the query it was meant to speed up (about 380 ms of an 860 ms pass in
// the import benchmark); Roster's statements are short or set-based,
// and none gains from it. Embedded PGlite has no JIT.
function openPostgres(
  url: string,
  { maxConnections = 10 }: { maxConnections?: number },
): DatabaseHandle {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connection: {
      application_name: "roster",
      jit: "off",
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    },
  });
  const db = drizzlePostgres({ client, schema });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    migrate: () => migrateServer(url),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Applies pending migrations from `folder` (drizzle's SQL files and its
 * `meta/_journal.json`) to a server; the deploy-time migrator passes the
 * copy bundled beside it. One dedicated connection under an advisory lock,
 * so processes starting together (tests, a deploy, a dev server) take turns.
 */
export async function migrateServer(
  url: string,
  folder: string = migrationsFolder,
): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client }), {
      migrationsFolder: folder,
    });
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}
