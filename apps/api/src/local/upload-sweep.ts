import { sweepUploads } from "@roster/worker/files";
import type { Logger } from "../http/observe.js";

const HOUR_MS = 3_600_000;

/**
 * Removes expired uploads from the local file folder at start and every
 * hour after, as the bucket's lifecycle rules do in AWS. Returns the
 * function that stops it.
 */
export function startUploadSweep(filesDir: string, logger: Logger) {
  const run = () =>
    sweepUploads(filesDir).then(
      (removed) => {
        if (removed > 0) {
          logger({
            level: "info",
            message: "expired uploads removed",
            removed,
          });
        }
      },
      (error: unknown) => {
        logger({
          level: "warn",
          message: "sweeping expired uploads failed",
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
