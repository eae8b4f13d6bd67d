import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  JobLaunchError,
  type JobLauncher,
  type LaunchedWorker,
} from "@roster/core";

/** The worker's source entry; `tsx` runs it without a build. */
export const WORKER_ENTRY = fileURLToPath(
  new URL("../main.ts", import.meta.url),
);
const WORKER_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface LocalLauncherOptions {
  /** Settings for the child: DATABASE_URL, ROSTER_FILES_DIR and the rest. */
  env: Record<string, string | undefined>;
  /** Where the child's log lines go; the parent's stdout by default. */
  onLog?: (line: string) => void;
  /** Told when a child exits, with its exit code or signal. */
  onExit?: (
    worker: LaunchedWorker,
    code: number | null,
    signal: string | null,
  ) => void;
}

/**
 * Starts each job's worker as a child process running the same entry
 * point as the container. The child outlives nothing: it is told its job
 * by `ROSTER_JOB_ID` and exits when the job ends.
 */
export function localLauncher(options: LocalLauncherOptions): JobLauncher {
  const onLog = options.onLog ?? ((line) => process.stdout.write(`${line}\n`));
  return {
    async launch({ jobId }) {
      const child = spawn(process.execPath, ["--import", "tsx", WORKER_ENTRY], {
        cwd: WORKER_ROOT,
        env: { ...process.env, ...options.env, ROSTER_JOB_ID: jobId },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const pid = await new Promise<number>((resolve, reject) => {
        child.once("spawn", () => resolve(child.pid ?? 0));
        child.once("error", (error) =>
          reject(
            new JobLaunchError(
              `The worker process could not start: ${error.message}`,
              { cause: error },
            ),
          ),
        );
      });
      const worker = { ref: `pid:${pid}` };
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on("line", onLog);
      }
      child.once("exit", (code, signal) =>
        options.onExit?.(worker, code, signal),
      );
      return worker;
    },
  };
}
