import { randomBytes } from "node:crypto";
import { JobLaunchError, type JobLauncher } from "@roster/core";
import { signedLocalIssuer } from "@roster/storage";
import { folderFileStore } from "@roster/worker/files";
import { localLauncher } from "@roster/worker/launch";
import type { PhotoDeps } from "../routes/photos/index.js";

export interface LocalPhotoOptions {
  /** The folder uploads and renditions live in, shared with the worker. */
  filesDir: string;
  /** The database the worker processes jobs in; it needs a server. */
  databaseUrl: string | undefined;
  /** The live-updates management API the worker posts events to. */
  realtimeEndpoint: string | undefined;
}

/**
 * Photos on one machine: a folder for files, uploads signed for the local
 * upload route, and the worker as a child process.
 *
 * The worker talks only to a PostgreSQL server, so with the embedded
 * database (no DATABASE_URL) photos are refused with that reason until
 * the embedded database can be shared with child processes.
 */
export function localPhotoDeps(options: LocalPhotoOptions): PhotoDeps {
  // A fresh secret per start: a target issued before a restart stops
  // working, which its ten-minute lifetime makes harmless.
  const secret = randomBytes(32).toString("base64url");
  return {
    files: folderFileStore(options.filesDir),
    uploads: signedLocalIssuer({ url: "/api/uploads", secret }),
    launcher: options.databaseUrl
      ? localLauncher({
          env: {
            DATABASE_URL: options.databaseUrl,
            ROSTER_FILES_DIR: options.filesDir,
            ROSTER_REALTIME_ENDPOINT: options.realtimeEndpoint,
          },
        })
      : noServerLauncher,
    localUploadSecret: secret,
  };
}

const noServerLauncher: JobLauncher = {
  launch: async () => {
    throw new JobLaunchError(
      "Photos are processed by the worker, which needs a PostgreSQL " +
        "server: start pnpm dev with DATABASE_URL set.",
    );
  },
};
