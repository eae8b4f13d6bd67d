import { ConflictError } from "../errors/index.js";

/** Where a job stands: waiting, being worked on, or ended. */
export type JobState =
  | "queued"
  | "running"
  | "succeeded"
  | "failed"
  | "cancelled";

export const JOB_STATES: readonly JobState[] = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
];

const ENDED: ReadonlySet<JobState> = new Set([
  "succeeded",
  "failed",
  "cancelled",
]);

/** True once a job can no longer change. */
export function isEnded(state: JobState): boolean {
  return ENDED.has(state);
}

/**
 * A worker that has not beaten its heart for this long is taken for dead:
 * it beats every few seconds while it works, even between batches.
 */
export const HEARTBEAT_TIMEOUT_MS = 60_000;

/** The facts that decide what may happen to a job next. */
export interface JobLiveness {
  status: JobState;
  heartbeatAt: string | null;
  createdAt: string;
}

/**
 * True when a job claims to be queued or running but nothing has worked on
 * it within the heartbeat timeout: its worker died or never started.
 */
export function isDead(job: JobLiveness, now: number): boolean {
  if (isEnded(job.status)) return false;
  const last = Date.parse(job.heartbeatAt ?? job.createdAt);
  return now - last > HEARTBEAT_TIMEOUT_MS;
}

/**
 * Refuses a retry unless the job failed, or its worker is dead. A retry
 * starts attempt n + 1, which resumes from the job's checkpoints.
 */
export function assertCanRetry(job: JobLiveness, now: number): void {
  if (job.status === "failed" || isDead(job, now)) return;
  throw new ConflictError(
    job.status === "succeeded" || job.status === "cancelled"
      ? `The job has already ${job.status}; start a new one instead.`
      : "The job is still being worked on; retry it only once it fails " +
          "or its worker stops reporting.",
  );
}

/** Refuses to cancel a job that has ended. */
export function assertCanCancel(job: JobLiveness): void {
  if (!isEnded(job.status)) return;
  throw new ConflictError(`The job has already ${job.status}.`);
}
