import * as z from "zod";
import type { JobState } from "./status.js";

/**
 * A job's kind, such as `import.preview` or `photo`: lower-case words
 * joined by dots or hyphens. Each kind has one handler in the worker.
 */
export const JobType = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, "is not a job type")
  .max(60);
export type JobType = z.output<typeof JobType>;

/** How far a job has got: `total` is null until it is known. */
export interface JobProgress {
  done: number;
  total: number | null;
}

/** A background job as readers see it. */
export interface Job {
  id: string;
  type: JobType;
  status: JobState;
  /** What the handler was asked to do; plain data, never secrets. */
  params: Record<string, unknown>;
  progress: JobProgress;
  /** What the handler counted (created, updated, rejected...). */
  counts: Record<string, number>;
  /** Where the job's report lives in the file store, once written. */
  reportKey: string | null;
  /** Why it failed, in words for the user. */
  error: string | null;
  attempt: number;
  startedBy: string | null;
  /** The worker running it: an ECS task ARN or a local process id. */
  workerRef: string | null;
  heartbeatAt: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** True when it claims to run but its worker stopped reporting. */
  dead: boolean;
}
