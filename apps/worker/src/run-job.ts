import {
  type Actor,
  type FileStore,
  isRosterError,
  type Role,
} from "@roster/core";
import {
  beatJob,
  claimJob,
  type Directory,
  finishJob,
  type JobRow,
} from "@roster/db";
import type { WorkerConfig } from "./config.js";
import { type ClaimedJob, JobStopped } from "./jobs/handler.js";
import { handlerFor, jobTypes } from "./jobs/registry.js";
import type { WorkerLogger } from "./log.js";

/** How the worker process ends; the launcher and ECS read the code. */
export const EXIT = {
  succeeded: 0,
  /** The job ran and failed; the reason is recorded on it. */
  failed: 1,
  /** The worker was started wrongly (no job id, bad settings). */
  usage: 2,
  /** The job was not there to run: unknown, or not queued. */
  notRunnable: 3,
  /** The job was cancelled or taken over while it ran. */
  stopped: 4,
} as const;

export interface WorkerDeps {
  directory: Directory;
  files: FileStore;
  config: WorkerConfig;
  logger: WorkerLogger;
  /** How this worker is known: a process id, a task id. */
  workerRef: string;
}

// Progress beats go out at most this often, heartbeats at least as often
// as the configuration says.
const PROGRESS_INTERVAL_MS = 500;

/** Claims job `id`, runs its handler, records the ending and returns it. */
export async function runJob(id: string, deps: WorkerDeps): Promise<number> {
  const { directory, logger } = deps;
  const started = Date.now();
  let row: JobRow;
  try {
    row = await claimJob(directory.db, id, deps.workerRef);
  } catch (error) {
    if (!isRosterError(error)) throw error;
    logger({
      job: id,
      step: "claim",
      outcome: "refused",
      error: error.message,
    });
    return EXIT.notRunnable;
  }
  // The job acts as whoever started it, and the audit trail says the
  // changes came through an import (or photo) job.
  const actor: Actor = {
    id: row.startedBy ?? "00000000-0000-0000-0000-000000000000",
    role: row.startedByRole as Role,
    via: { channel: "import", requestId: `job:${id}` },
  };
  const log = (step: string, fields: Record<string, unknown> = {}) =>
    logger({ job: id, type: row.type, attempt: row.attempt, step, ...fields });
  log("start", { worker: deps.workerRef });
  const beats = heartbeat(deps, actor, row);
  const finish = async (
    ending: Parameters<typeof finishJob>[4],
    code: number,
  ) => {
    await beats.stop();
    const recorded = await finishJob(directory, actor, id, row.attempt, ending);
    log("finish", {
      outcome: ending.status,
      recorded,
      durationMs: Date.now() - started,
      ...(ending.error && { error: ending.error }),
    });
    return recorded ? code : EXIT.stopped;
  };
  const handler = handlerFor(row.type);
  if (!handler) {
    return finish(
      {
        status: "failed",
        error: `No worker handles jobs of type ${row.type}; it knows ${jobTypes().join(", ")}.`,
      },
      EXIT.failed,
    );
  }
  const params = handler.params.safeParse(row.params);
  if (!params.success) {
    return finish(
      {
        status: "failed",
        error: `The job's parameters are not valid: ${params.error.message}`,
      },
      EXIT.failed,
    );
  }
  const job: ClaimedJob = {
    id,
    type: row.type,
    attempt: row.attempt,
    params: row.params,
    checkpoint: row.checkpoint,
  };
  try {
    const outcome = await handler.run(
      {
        job,
        actor,
        directory,
        files: deps.files,
        config: deps.config,
        log,
        progress: beats.progress,
        checkStopped: beats.checkStopped,
      },
      params.data,
    );
    return finish(
      {
        status: "succeeded",
        counts: outcome.counts,
        reportKey: outcome.reportKey ?? null,
      },
      EXIT.succeeded,
    );
  } catch (error) {
    if (error instanceof JobStopped) {
      if (error.reason === "superseded") {
        await beats.stop();
        log("finish", { outcome: "superseded" });
        return EXIT.stopped;
      }
      return finish({ status: "cancelled" }, EXIT.stopped);
    }
    // A Roster error's message is written for users; anything else is a
    // bug whose details belong in the log, not on the job.
    const message = isRosterError(error)
      ? error.message
      : "The job failed unexpectedly; its log has the details.";
    const cause = (error as Error)?.cause;
    log("error", {
      error: clipped(String(error)),
      ...(cause !== undefined && { cause: clipped(String(cause)) }),
      stack: clipped(String((error as Error)?.stack)),
    });
    return finish({ status: "failed", error: message }, EXIT.failed);
  }
}

// A failed query's message quotes the statement and its parameters: for
// an import batch, a megabyte of people's names and emails. The log keeps
// the start, which names the statement and the error, and says how much
// it left out.
const LOGGED_CHARS = 4_000;

function clipped(text: string): string {
  if (text.length <= LOGGED_CHARS) return text;
  const left = text.length - LOGGED_CHARS;
  return `${text.slice(0, LOGGED_CHARS)}… (${left} more characters left out)`;
}

function heartbeat(deps: WorkerDeps, actor: Actor, row: JobRow) {
  let done = row.progressDone;
  let total = row.progressTotal;
  let sent = -1;
  let lastBeat = 0;
  let stopped: JobStopped | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = async () => {
    const now = Date.now();
    const due = now - lastBeat >= deps.config.heartbeatMs;
    if (!due && done === sent) return;
    lastBeat = now;
    sent = done;
    try {
      const result = await beatJob(deps.directory, actor, row.id, row.attempt, {
        done,
        total,
      });
      if (!result.current) stopped = new JobStopped("superseded");
      else if (result.cancelRequested) stopped = new JobStopped("cancelled");
    } catch (error) {
      // A missed beat is retried on the next tick; the job goes on.
      deps.logger({ job: row.id, step: "heartbeat", error: String(error) });
    }
  };
  const timer = setInterval(
    () => {
      inFlight = inFlight.then(beat);
    },
    Math.min(PROGRESS_INTERVAL_MS, deps.config.heartbeatMs),
  );
  timer.unref();
  return {
    progress(next: number, of: number | null) {
      done = next;
      total = of;
    },
    checkStopped() {
      if (stopped) throw stopped;
    },
    async stop() {
      clearInterval(timer);
      await inFlight;
      // The last progress may have come after the last tick: a fast job
      // would otherwise finish showing where the previous beat left it.
      await beat();
    },
  };
}
