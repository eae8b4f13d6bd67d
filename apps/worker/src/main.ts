import { S3Client } from "@aws-sdk/client-s3";
import { readWorkerSettings, type WorkerSettings } from "@roster/config";
import { discardEvents, type EventPublisher } from "@roster/core";
import { type Directory, openDatabase } from "@roster/db";
import {
  broadcastingPublisher,
  LOCAL_CREDENTIALS,
  managementApiBroadcaster,
} from "@roster/events";
import { s3FileStore } from "@roster/storage";
import type { WorkerConfig } from "./config.js";
import { folderFileStore } from "./files/index.js";
import { jsonLineLogger } from "./log.js";
import { EXIT, runJob } from "./run-job.js";

/**
 * The worker's entry point, the same in the container and as a local
 * child process: runs the job named by `ROSTER_JOB_ID` (or the first
 * argument) and exits with a code from `EXIT`.
 */
async function main(): Promise<number> {
  let settings: WorkerSettings;
  try {
    settings = readWorkerSettings();
  } catch (error) {
    jsonLineLogger({ step: "config", error: String(error) });
    return EXIT.usage;
  }
  const config: WorkerConfig = settings;
  const { jobId, databaseUrl } = settings;
  const handle = await openDatabase({
    url: databaseUrl,
    maxConnections: config.maxConnections,
  });
  const broadcaster = config.realtimeEndpoint
    ? managementApiBroadcaster({
        endpoint: config.realtimeEndpoint,
        // Locally the stand-in signs nothing; in AWS the task role signs.
        ...(config.realtimeEndpoint.startsWith("http://127.0.0.1")
          ? { credentials: LOCAL_CREDENTIALS }
          : {}),
      })
    : undefined;
  const events: EventPublisher = broadcaster
    ? broadcastingPublisher({
        db: handle.db,
        broadcaster,
        logger: jsonLineLogger,
      })
    : discardEvents;
  const directory: Directory = {
    db: handle.db,
    events,
    onPublishError: (error) =>
      jsonLineLogger({ job: jobId, step: "publish", error: String(error) }),
  };
  try {
    return await runJob(jobId, {
      directory,
      // The photos bucket in AWS; a folder shared with the API locally.
      files: settings.photosBucket
        ? s3FileStore({
            client: new S3Client({}),
            bucket: settings.photosBucket,
          })
        : folderFileStore(config.filesDir),
      config,
      logger: jsonLineLogger,
      workerRef: `pid:${process.pid}`,
    });
  } finally {
    broadcaster?.destroy();
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    jsonLineLogger({ step: "crash", error: String(error) });
    process.exitCode = EXIT.failed;
  },
);
