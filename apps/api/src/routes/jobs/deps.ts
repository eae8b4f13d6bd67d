import {
  type Actor,
  type FileStore,
  type Job,
  JobLaunchError,
  type JobLauncher,
} from "@roster/core";
import { type Directory, failLaunch, recordWorker } from "@roster/db";

/** What the import, export and job routes need beyond the directory. */
export interface JobDeps {
  launcher: JobLauncher;
  files: FileStore;
  /** The domain user names and ids are turned into addresses at. */
  companyDomain: string;
}

/**
 * Starts a worker for a queued job. A launch that fails marks the job
 * failed with the reason, which the caller then reads back.
 */
export async function launch(
  directory: Directory,
  actor: Actor,
  launcher: JobLauncher,
  job: Job,
  log?: (entry: Record<string, unknown>) => void,
): Promise<void> {
  try {
    const worker = await launcher.launch({
      jobId: job.id,
      attempt: job.attempt,
    });
    await recordWorker(directory.db, job.id, job.attempt, worker.ref);
  } catch (error) {
    const reason =
      error instanceof JobLaunchError
        ? error.message
        : "The worker could not be started.";
    log?.({ job: job.id, step: "launch", error: String(error) });
    await failLaunch(directory, actor, job.id, job.attempt, reason);
  }
}
