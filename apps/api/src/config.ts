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
  /** The WebSocket URL tickets point to, when set explicitly. */
  realtimeUrl?: string;
  /** The local realtime server's port (0 picks a free one); 8788. */
  realtimePort?: number;
}

function portFrom(name: string, value: string | undefined, fallback: number) {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${name} must be a port number, not ${value}.`);
  }
  return port;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Reads the API's settings, refusing values it cannot use. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const companyDomain = env.ROSTER_COMPANY_DOMAIN?.trim() || "example.com";
  const port = portFrom("PORT", env.PORT, 8787);
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
    ...(env.ROSTER_REALTIME_URL?.trim()
      ? { realtimeUrl: env.ROSTER_REALTIME_URL.trim() }
      : {}),
    realtimePort: portFrom(
      "ROSTER_REALTIME_PORT",
      env.ROSTER_REALTIME_PORT,
      8788,
    ),
  };
}

/** Where clients open the live-updates socket: set, or the local server. */
export function realtimeUrlOf(config: ApiConfig): string {
  return config.realtimeUrl ?? `ws://127.0.0.1:${config.realtimePort ?? 8788}`;
}

/** The repository root, for the datasets the local seed reads. */
export const REPO_ROOT = repoRoot;
