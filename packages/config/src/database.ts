import { fileURLToPath } from "node:url";
import { DatabaseLink, LINK } from "./links.js";
import type { SettingsReader } from "./reader.js";

/** How one process reaches the database. */
export interface DatabaseSettings {
  /** A postgres:// URL; undefined means the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files when there is no URL. */
  dataDir: string;
  /** Connections this process may hold. */
  maxConnections: number;
}

// Under SST one container serves one request or event at a time, and
// many containers share the database (through RDS Proxy): two
// connections cover a request's parallel queries.
const LINKED_MAX_CONNECTIONS = 2;
const LOCAL_MAX_CONNECTIONS = 10;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * The URL for a linked database. RDS refuses unencrypted connections,
 * so TLS is required unless `sst dev` points the link at a local server.
 */
export function linkedDatabaseUrl(link: DatabaseLink): string {
  const user = encodeURIComponent(link.username);
  const password = encodeURIComponent(link.password);
  const name = encodeURIComponent(link.database);
  const url = `postgres://${user}:${password}@${link.host}:${link.port}/${name}`;
  return LOOPBACK.has(link.host) ? url : `${url}?sslmode=require`;
}

/**
 * Reads the database: the linked `Database` first, then DATABASE_URL;
 * with neither, embedded PGlite when `embedded` allows it, else missing.
 */
export function readDatabase(
  reader: SettingsReader,
  {
    embedded,
    maxConnections,
  }: {
    embedded: boolean;
    /** The default when unset; else 2 under SST and 10 locally. */
    maxConnections?: number;
  },
): DatabaseSettings {
  const link = reader.linked(LINK.database, DatabaseLink);
  let databaseUrl = link ? linkedDatabaseUrl(link) : reader.url("DATABASE_URL");
  if (!embedded || reader.isLinked) {
    databaseUrl = reader.require(
      databaseUrl,
      "the database",
      `link "${LINK.database}" in sst.config.ts or set DATABASE_URL`,
    );
  }
  return {
    databaseUrl,
    dataDir: reader.text("ROSTER_DATA_DIR") ?? localDataDir(),
    maxConnections: reader.integer(
      "ROSTER_DB_MAX_CONNECTIONS",
      maxConnections ??
        (reader.isLinked ? LINKED_MAX_CONNECTIONS : LOCAL_MAX_CONNECTIONS),
      1,
      1_000,
    ),
  };
}

/** `.data/pglite` at the repository root, where `pnpm dev` keeps data. */
function localDataDir(): string {
  return fileURLToPath(new URL("../../../.data/pglite", import.meta.url));
}
