import { fileURLToPath } from "node:url";
import { type DatabaseSettings, readDatabase } from "./database.js";
import { BucketLink, LINK, WebSocketLink } from "./links.js";
import { SettingsReader } from "./reader.js";
import { processSource, type SettingsSource } from "./source.js";

/** The worker task's settings: one job per run. */
export interface WorkerSettings extends DatabaseSettings {
  databaseUrl: string;
  linked: boolean;
  /** The job this run performs: ROSTER_JOB_ID, or the first argument. */
  jobId: string;
  /** The private bucket that holds photos; required in AWS. */
  photosBucket: string | undefined;
  /** Where the local file store keeps uploads and reports. */
  filesDir: string;
  /** Where progress is posted; without it clients catch up by polling. */
  realtimeEndpoint: string | undefined;
  /** Turns HR user names like SKING into addresses: sking@<domain>. */
  companyDomain: string;
  /** How often the worker beats its heartbeat and reports progress. */
  heartbeatMs: number;
  /** How many batches an import apply writes at once, one per connection. */
  importParallel: number;
}

// One job at a time: an import's two batches at once, and the heartbeat.
const WORKER_MAX_CONNECTIONS = 3;

/** Reads the worker's settings, throwing a SettingsError naming each gap. */
export function readWorkerSettings(
  source: SettingsSource = processSource(),
  { argv = process.argv.slice(2) }: { argv?: readonly string[] } = {},
): WorkerSettings {
  const reader = new SettingsReader("worker", source);
  const database = readDatabase(reader, {
    embedded: false,
    maxConnections: WORKER_MAX_CONNECTIONS,
  });
  const bucket =
    reader.linked(LINK.photos, BucketLink)?.name ??
    reader.text("ROSTER_PHOTOS_BUCKET");
  return reader.finish({
    ...database,
    databaseUrl: database.databaseUrl as string,
    linked: reader.isLinked,
    jobId: reader.require(
      reader.text("ROSTER_JOB_ID") ?? (argv[0]?.trim() || undefined),
      "the job to run",
      "set ROSTER_JOB_ID or pass it as the first argument",
    ),
    photosBucket: reader.isLinked
      ? reader.require(
          bucket,
          "the photos bucket",
          `link "${LINK.photos}" or set ROSTER_PHOTOS_BUCKET`,
        )
      : bucket,
    filesDir:
      reader.text("ROSTER_FILES_DIR") ??
      fileURLToPath(new URL("../../../.data/files", import.meta.url)),
    realtimeEndpoint:
      reader.linked(LINK.realtime, WebSocketLink)?.managementEndpoint ??
      reader.url("ROSTER_REALTIME_ENDPOINT"),
    companyDomain: reader.text("ROSTER_COMPANY_DOMAIN") ?? "example.com",
    heartbeatMs: reader.integer(
      "ROSTER_WORKER_HEARTBEAT_MS",
      2_000,
      1,
      3_600_000,
    ),
    importParallel: reader.integer("ROSTER_IMPORT_PARALLEL", 2, 1, 16),
  });
}
