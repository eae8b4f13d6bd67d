import { type Actor, JobLaunchError, RosterError } from "@roster/core";
import {
  createJob,
  type Directory,
  failLaunch,
  recordWorker,
  transact,
} from "@roster/db";
import type { PhotoDeps } from "./deps.js";

/**
 * Queues a photo job and starts its worker. When no worker can start, the
 * job is marked failed with the reason and the caller gets a 503.
 */
export async function startPhotoJob(
  directory: Directory,
  deps: PhotoDeps,
  actor: Actor,
  params: { employeeId: string; uploadKey: string },
) {
  const job = await transact(directory, actor, (ctx) =>
    createJob(ctx, { type: "photo", params }),
  );
  try {
    const worker = await deps.launcher.launch({
      jobId: job.id,
      attempt: job.attempt,
    });
    await recordWorker(directory.db, job.id, job.attempt, worker.ref);
  } catch (error) {
    if (!(error instanceof JobLaunchError)) throw error;
    await failLaunch(directory, actor, job.id, job.attempt, error.message);
    throw new RosterError(
      "unavailable",
      "The photo could not be processed right now; try again shortly.",
      { jobId: job.id },
    );
  }
  return job;
}
