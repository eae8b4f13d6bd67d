import { fileURLToPath } from "node:url";

/**
 * Everything the worker reads from its environment, in one place. In AWS
 * the task definition sets these; locally the launcher passes them on to
 * the child process.
 */
export interface WorkerConfig {
  /** The job to run: `ROSTER_JOB_ID`, or the first argument. */
  jobId: string | undefined;
  /** A postgres:// URL; the worker always talks to a server. */
  databaseUrl: string | undefined;
  maxConnections: number;
  /**
   * How many batches an import apply writes at once, each on its own
   * connection (`ROSTER_IMPORT_PARALLEL`); keep it below
   * `maxConnections`, which also serves the heartbeat.
   */
  importParallel: number;
  /** The folder the local file store keeps uploads and reports in. */
  filesDir: string;
  /** The live-updates management API to post job events to. */
  realtimeEndpoint: string | undefined;
  /** Turns HR user names like SKING into addresses: sking@<domain>. */
  companyDomain: string;
  /** How often the worker beats its heartbeat (and reports progress). */
  heartbeatMs: number;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function positive(name: string, value: string | undefined, fallback: number) {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} must be a positive integer, not ${value}.`);
  }
  return n;
}

/** Reads the worker's settings, refusing values it cannot use. */
export function readWorkerConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): WorkerConfig {
  return {
    jobId: env.ROSTER_JOB_ID?.trim() || argv[0]?.trim() || undefined,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    maxConnections: positive(
      "ROSTER_DB_MAX_CONNECTIONS",
      env.ROSTER_DB_MAX_CONNECTIONS,
      3,
    ),
    importParallel: positive(
      "ROSTER_IMPORT_PARALLEL",
      env.ROSTER_IMPORT_PARALLEL,
      2,
    ),
    filesDir: env.ROSTER_FILES_DIR?.trim() || `${repoRoot}.data/files`,
    realtimeEndpoint: env.ROSTER_REALTIME_ENDPOINT?.trim() || undefined,
    companyDomain: env.ROSTER_COMPANY_DOMAIN?.trim() || "example.com",
    heartbeatMs: positive(
      "ROSTER_WORKER_HEARTBEAT_MS",
      env.ROSTER_WORKER_HEARTBEAT_MS,
      2_000,
    ),
  };
}
