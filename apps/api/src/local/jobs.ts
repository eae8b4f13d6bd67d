import type { Directory } from "@roster/db";
import { readWorkerConfig } from "@roster/worker/config";
import { folderFileStore } from "@roster/worker/files";
import { inProcessLauncher, localLauncher } from "@roster/worker/launch";
import type { Logger } from "../http/observe.js";
import type { JobDeps } from "../routes/jobs/index.js";

export interface LocalJobOptions {
  directory: Directory;
  /** The folder uploads, reports and exports live in. */
  filesDir: string;
  /** A server the worker processes can reach; unset for embedded PGlite. */
  databaseUrl: string | undefined;
  /** The live-updates management API the worker posts events to. */
  realtimeEndpoint: string | undefined;
  companyDomain: string;
  logger: Logger;
}

/**
 * Imports and exports on one machine. With a PostgreSQL server each job
 * runs in a worker child process, as each runs in its own container in
 * AWS. The embedded database serves only the process that opened it, so
 * without a server the same job code runs inside this process instead:
 * a long import then shares the database's one connection with the UI,
 * which stays usable but slower while it runs.
 */
export function localJobDeps(options: LocalJobOptions): JobDeps {
  const files = folderFileStore(options.filesDir);
  const env = {
    ROSTER_FILES_DIR: options.filesDir,
    ROSTER_COMPANY_DOMAIN: options.companyDomain,
    ...(options.realtimeEndpoint && {
      ROSTER_REALTIME_ENDPOINT: options.realtimeEndpoint,
    }),
  };
  const launcher = options.databaseUrl
    ? localLauncher({ env: { ...env, DATABASE_URL: options.databaseUrl } })
    : inProcessLauncher({
        directory: options.directory,
        files,
        config: {
          ...readWorkerConfig({ ...process.env, ...env }, []),
          // The embedded database has one connection: one batch at a time.
          importParallel: 1,
        },
        logger: options.logger,
      });
  return { launcher, files, companyDomain: options.companyDomain };
}
