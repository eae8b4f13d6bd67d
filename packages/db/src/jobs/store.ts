import {
  type Actor,
  assertCanCancel,
  assertCanRetry,
  ConflictError,
  isDead,
  isUuid,
  type Job,
  type JobState,
  NotFoundError,
} from "@roster/core";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Context, type Directory, transact } from "../context.js";
import { findPgError } from "../errors.js";
import { type JobRow, jobs } from "./table.js";

/** What a new job is: its kind and what its handler is asked to do. */
export interface NewJob {
  type: string;
  params: Record<string, unknown>;
}

/** Queues a job started by the acting user. Nothing runs it yet. */
export async function createJob(ctx: Context, job: NewJob): Promise<Job> {
  const [row] = await ctx.tx
    .insert(jobs)
    .values({
      type: job.type,
      params: job.params,
      startedBy: ctx.actor.id,
      startedByRole: ctx.actor.role,
    })
    .returning();
  if (!row) throw new Error("Insert returned no row.");
  return toJob(row);
}

/** One job; a missing one (or an id that is no UUID) is not found. */
export async function getJob(ctx: Context, id: string): Promise<Job> {
  return toJob(await jobRow(ctx.tx, id));
}

/** The newest jobs first, of one type or applying one preview. */
export async function listJobs(
  ctx: Context,
  {
    type,
    previewJobId,
    limit = 50,
  }: { type?: string; previewJobId?: string; limit?: number } = {},
): Promise<Job[]> {
  const rows = await ctx.tx
    .select()
    .from(jobs)
    .where(
      and(
        type ? eq(jobs.type, type) : undefined,
        previewJobId
          ? sql`${jobs.params}->>'previewJobId' = ${previewJobId}`
          : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
  return rows.map((row) => toJob(row));
}

/** The stored row of a job, for the worker. */
export async function jobRow(db: Executor, id: string): Promise<JobRow> {
  if (!isUuid(id)) throw new NotFoundError("job", id);
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new NotFoundError("job", id);
  return row;
}

/**
 * Takes a queued job for a worker: it becomes running, on its current
 * attempt. A job that is not queued is refused, so two workers launched
 * for one attempt never both run it.
 */
export async function claimJob(
  db: Executor,
  id: string,
  workerRef: string,
): Promise<JobRow> {
  const [row] = await db
    .update(jobs)
    .set({
      status: "running",
      // The launcher may have recorded a better name (an ECS task ARN).
      workerRef: sql`coalesce(${jobs.workerRef}, ${workerRef})`,
      heartbeatAt: sql`now()`,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
    .returning();
  if (row) return row;
  const current = await jobRow(db, id);
  throw new ConflictError(
    `The job is ${current.status}, not queued; nothing to run.`,
    { status: current.status },
  );
}

/** Records where a launched worker runs, for that attempt only. */
export async function recordWorker(
  db: Executor,
  id: string,
  attempt: number,
  workerRef: string,
): Promise<void> {
  await db
    .update(jobs)
    .set({ workerRef, updatedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.attempt, attempt)));
}

/** What a heartbeat learns back: whether someone asked the job to stop. */
export interface Beat {
  cancelRequested: boolean;
  /** False when this attempt no longer owns the job (it was retried). */
  current: boolean;
}

/**
 * The worker's sign of life, with its progress. It publishes
 * `job.progress`, so callers throttle it.
 */
export async function beatJob(
  directory: Directory,
  actor: Actor,
  id: string,
  attempt: number,
  progress: { done: number; total: number | null },
): Promise<Beat> {
  return transact(directory, actor, async (ctx) => {
    const [row] = await ctx.tx
      .update(jobs)
      .set({
        heartbeatAt: sql`now()`,
        progressDone: progress.done,
        progressTotal: progress.total,
        updatedAt: sql`now()`,
      })
      .where(ownedBy(id, attempt))
      .returning({ cancelRequested: jobs.cancelRequested });
    if (!row) return { cancelRequested: false, current: false };
    ctx.emit({
      type: "job.progress",
      id,
      done: progress.done,
      total: progress.total ?? progress.done,
    });
    return { cancelRequested: row.cancelRequested, current: true };
  });
}

/** How a job ended, as its worker reports it. */
export interface JobEnding {
  status: Extract<JobState, "succeeded" | "failed" | "cancelled">;
  counts?: Record<string, number>;
  reportKey?: string | null;
  error?: string | null;
}

/**
 * Ends a running job and publishes `job.finished`. Returns false when the
 * attempt no longer owns the job, in which case nothing is written.
 */
export async function finishJob(
  directory: Directory,
  actor: Actor,
  id: string,
  attempt: number,
  ending: JobEnding,
): Promise<boolean> {
  return transact(directory, actor, async (ctx) => {
    // After any batch of this attempt still committing (see assertOwnsJob).
    await lockJobRow(ctx.tx, id);
    const [row] = await ctx.tx
      .update(jobs)
      .set({
        status: ending.status,
        ...(ending.counts && { counts: ending.counts }),
        ...(ending.reportKey !== undefined && {
          reportKey: ending.reportKey,
        }),
        error: ending.error ?? null,
        finishedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(ownedBy(id, attempt))
      .returning({ id: jobs.id });
    if (!row) return false;
    ctx.emit({ type: "job.finished", id, status: ending.status });
    return true;
  });
}

/**
 * Marks a job that no worker could be started for as failed, with the
 * launcher's reason. Only the attempt that was being launched is touched.
 */
export async function failLaunch(
  directory: Directory,
  actor: Actor,
  id: string,
  attempt: number,
  reason: string,
): Promise<void> {
  await transact(directory, actor, async (ctx) => {
    await lockJobRow(ctx.tx, id);
    const [row] = await ctx.tx
      .update(jobs)
      .set({
        status: "failed",
        error: reason,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(jobs.id, id),
          eq(jobs.attempt, attempt),
          sql`${jobs.status} in ('queued', 'running')`,
        ),
      )
      .returning({ id: jobs.id });
    if (row) ctx.emit({ type: "job.finished", id, status: "failed" });
  });
}

/**
 * Asks a job to stop. A queued job is cancelled at once; a running one
 * stops at its next heartbeat, keeping what it committed.
 */
export async function cancelJob(ctx: Context, id: string): Promise<Job> {
  const row = await lockedJob(ctx.tx, id);
  assertCanCancel(liveness(row));
  const queued = row.status === "queued" || isDead(liveness(row), Date.now());
  const [updated] = await ctx.tx
    .update(jobs)
    .set(
      queued
        ? {
            status: "cancelled",
            cancelRequested: true,
            finishedAt: sql`now()`,
            updatedAt: sql`now()`,
          }
        : { cancelRequested: true, updatedAt: sql`now()` },
    )
    .where(eq(jobs.id, id))
    .returning();
  if (!updated) throw new NotFoundError("job", id);
  if (queued) ctx.emit({ type: "job.finished", id, status: "cancelled" });
  return toJob(updated);
}

/**
 * Queues a failed or dead job again as attempt n + 1; the caller then
 * launches a worker for it. The handler resumes from its checkpoint.
 */
export async function retryJob(
  ctx: Context,
  id: string,
  { now = Date.now() }: { now?: number } = {},
): Promise<Job> {
  const row = await lockedJob(ctx.tx, id);
  assertCanRetry(liveness(row), now);
  const [updated] = await ctx.tx
    .update(jobs)
    .set({
      status: "queued",
      attempt: row.attempt + 1,
      error: null,
      workerRef: null,
      // Queuing it again counts as a beat: until a worker claims it or
      // the heartbeat timeout passes, it is not dead, so a second retry
      // sent meanwhile is refused rather than starting a second worker.
      heartbeatAt: sql`now()`,
      finishedAt: null,
      cancelRequested: false,
      updatedAt: sql`now()`,
    })
    .where(eq(jobs.id, id))
    .returning();
  if (!updated) throw new NotFoundError("job", id);
  return toJob(updated);
}

/**
 * Refuses, inside a transaction, to write for an attempt that no longer
 * owns the job: a worker taken for dead that wakes up after a retry
 * started must not write beside its successor.
 */
export async function assertOwnsJob(
  tx: Executor,
  id: string,
  attempt: number,
): Promise<void> {
  // A key-share lock: retrying, cancelling or ending the job locks its
  // row for update first and so waits for this transaction, while the
  // heartbeat's update does not, however many batches overlap.
  const [row] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(ownedBy(id, attempt))
    .for("key share");
  if (!row) {
    throw new ConflictError(
      `Attempt ${attempt} of job ${id} no longer owns it.`,
    );
  }
}

/** Stores where a resumed attempt should pick up. */
export async function saveCheckpoint(
  tx: Executor,
  id: string,
  checkpoint: Record<string, unknown>,
): Promise<void> {
  await tx
    .update(jobs)
    .set({ checkpoint, updatedAt: sql`now()` })
    .where(eq(jobs.id, id));
}

function ownedBy(id: string, attempt: number) {
  return and(
    eq(jobs.id, id),
    eq(jobs.attempt, attempt),
    eq(jobs.status, "running"),
  );
}

async function lockJobRow(tx: Executor, id: string): Promise<void> {
  await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.id, id))
    .for("update");
}

// A batch of the job's worker holds a key-share lock on its row until it
// commits (see assertOwnsJob), which a retry or cancel must wait for. A
// worker frozen mid-batch holds it until the server ends its session
// (see `idle_in_transaction_session_timeout` in client.ts): a request
// waits a few seconds at most, then is refused, rather than holding one
// of the API's connections for as long as that takes.
const JOB_LOCK_WAIT = "5s";

async function lockedJob(tx: Executor, id: string): Promise<JobRow> {
  if (!isUuid(id)) throw new NotFoundError("job", id);
  await tx.execute(
    sql`set local lock_timeout = ${sql.raw(`'${JOB_LOCK_WAIT}'`)}`,
  );
  let row: JobRow | undefined;
  try {
    [row] = await tx.select().from(jobs).where(eq(jobs.id, id)).for("update");
  } catch (error) {
    if (findPgError(error)?.code !== "55P03") throw error;
    throw new ConflictError(
      "The job's worker is still writing a batch; try again in a minute.",
    );
  }
  if (!row) throw new NotFoundError("job", id);
  await tx.execute(sql`set local lock_timeout to default`);
  return row;
}

function liveness(row: JobRow) {
  return {
    status: row.status,
    heartbeatAt: row.heartbeatAt,
    createdAt: row.createdAt,
  };
}

/** A stored job as readers see it. */
export function toJob(row: JobRow, now = Date.now()): Job {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    params: row.params,
    progress: { done: row.progressDone, total: row.progressTotal },
    counts: row.counts,
    reportKey: row.reportKey,
    error: row.error,
    attempt: row.attempt,
    startedBy: row.startedBy,
    workerRef: row.workerRef,
    heartbeatAt: row.heartbeatAt,
    cancelRequested: row.cancelRequested,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    dead: isDead(liveness(row), now),
  };
}
