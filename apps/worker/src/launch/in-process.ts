import type { JobLauncher } from "@roster/core";
import { runJob, type WorkerDeps } from "../run-job.js";

/**
 * Runs each job in this process, through the same `runJob` the worker
 * entry calls. For the embedded database only: PGlite serves the one
 * process that opened it, so a child process could not reach it. A job
 * run this way dies with the process that runs it, like a worker would,
 * and is retried the same way.
 */
export function inProcessLauncher(
  deps: Omit<WorkerDeps, "workerRef">,
): JobLauncher {
  let launched = 0;
  return {
    async launch({ jobId }) {
      const ref = `in-process:${process.pid}:${++launched}`;
      void runJob(jobId, { ...deps, workerRef: ref }).catch((error) =>
        deps.logger({ job: jobId, step: "crash", error: String(error) }),
      );
      return { ref };
    },
  };
}
