import { fileURLToPath } from "node:url";

/** Settings the API reads, from the environment with local defaults. */
export interface ApiConfig {
  /** A postgres:// URL; without one, embedded PGlite is used. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files when there is no DATABASE_URL. */
  dataDir: string;
  /** Turns HR user names like SKING into addresses: sking@<domain>. */
  companyDomain: string;
  /** Who `pnpm dev` signs everyone in as. */
  localAdminEmail: string;
  port: number;
  /** Connections one process may hold; kept small on Lambda. */
  maxConnections: number;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Reads the API's settings, refusing values it cannot use. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const companyDomain = env.ROSTER_COMPANY_DOMAIN?.trim() || "example.com";
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, not ${env.PORT}.`);
  }
  const maxConnections = Number(env.ROSTER_DB_MAX_CONNECTIONS ?? 10);
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new Error("ROSTER_DB_MAX_CONNECTIONS must be a positive integer.");
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: env.ROSTER_DATA_DIR?.trim() || `${repoRoot}.data/pglite`,
    companyDomain,
    localAdminEmail:
      env.ROSTER_LOCAL_ADMIN_EMAIL?.trim() || `sking@${companyDomain}`,
    port,
    maxConnections,
  };
}

/** The repository root, for the datasets the local seed reads. */
export const REPO_ROOT = repoRoot;
