import type { Actor, FileStore } from "@roster/core";
import type { Directory } from "@roster/db";
import type { z } from "zod";
import type { WorkerConfig } from "../config.js";

/** The job a handler works on, as its worker claimed it. */
export interface ClaimedJob {
  id: string;
  type: string;
  attempt: number;
  params: Record<string, unknown>;
  /** What an earlier attempt saved; null on a first run. */
  checkpoint: Record<string, unknown> | null;
}

/** What a handler is given to do its work. */
export interface JobRun {
  job: ClaimedJob;
  /** The person who started the job, with the role they had then. */
  actor: Actor;
  directory: Directory;
  files: FileStore;
  config: WorkerConfig;
  /** One JSON log line for a step of this job. */
  log(step: string, fields?: Record<string, unknown>): void;
  /**
   * Reports how far the job has got. Cheap to call per row: the worker
   * sends at most a couple of updates a second.
   */
  progress(done: number, total: number | null): void;
  /** Throws `JobStopped` once the job was cancelled or taken over. */
  checkStopped(): void;
}

/** What a handler reports when it is done. */
export interface JobOutcome {
  counts: Record<string, number>;
  /** Where the report it wrote lives in the file store. */
  reportKey?: string | null;
}

/**
 * Runs one type of job. `params` checks what the job was asked to do
 * before `run` sees it.
 */
export interface JobHandler<P = unknown> {
  type: string;
  params: z.ZodType<P>;
  run(run: JobRun, params: P): Promise<JobOutcome>;
}

/** Declares a handler, keeping its params' type for `run`. */
export function defineJob<P>(handler: JobHandler<P>): JobHandler<P> {
  return handler;
}

/** The job stopped early: cancelled by a user, or retried elsewhere. */
export class JobStopped extends Error {
  constructor(readonly reason: "cancelled" | "superseded") {
    super(
      reason === "cancelled"
        ? "The job was cancelled."
        : "A newer attempt of the job took it over.",
    );
    this.name = "JobStopped";
  }
}
