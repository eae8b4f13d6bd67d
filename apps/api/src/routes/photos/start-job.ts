import {
  type Actor,
  ConflictError,
  JobLaunchError,
  RosterError,
} from "@roster/core";
import {
  createJob,
  type Directory,
  failLaunch,
  pendingPhotoJob,
  recordWorker,
  transact,
} from "@roster/db";
import type { PhotoDeps } from "./deps.js";

/**
 * Queues a photo job and starts its worker, one at a time per person:
 * two in flight would race, the last to finish winning, sent last or not.
 * Two requests at the very same moment can still both pass the check. When no worker can start, the
 * job is marked failed with the reason and the caller gets a 503.
 */
export async function startPhotoJob(
  directory: Directory,
  deps: PhotoDeps,
  actor: Actor,
  params: { employeeId: string; uploadKey: string },
) {
  const pending = await pendingPhotoJob(directory.db, params.employeeId);
  if (pending) {
    throw new ConflictError(
      "A photo for this person is still being processed; wait for it to " +
        "finish, then upload again.",
      { jobId: pending.id },
    );
  }
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
