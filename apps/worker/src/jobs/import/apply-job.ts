import { ConflictError, ImportApplyParams, JOB_TYPES } from "@roster/core";
import { applyImport, getJob, reading } from "@roster/db";
import { defineJob } from "../handler.js";
import { writeProblemReport } from "./problem-report.js";

/**
 * Writes an approved preview into the directory. Run again after its
 * worker died, it picks up at the first row not yet committed.
 */
export const importApplyJob = defineJob({
  type: JOB_TYPES.importApply,
  params: ImportApplyParams,
  async run(run, { previewJobId }) {
    const preview = await getJob(
      reading(run.directory, run.actor),
      previewJobId,
    );
    if (preview.type !== JOB_TYPES.importPreview) {
      throw new ConflictError(`Job ${previewJobId} is not an import preview.`);
    }
    if (preview.status !== "succeeded") {
      throw new ConflictError(
        `The preview is ${preview.status}; only a finished preview can ` +
          "be applied.",
      );
    }
    if (run.job.attempt > 1) run.log("resume", { attempt: run.job.attempt });
    const counts = await applyImport(
      run.directory,
      run.actor,
      { jobId: run.job.id, attempt: run.job.attempt },
      previewJobId,
      {
        onProgress: (done, total) => {
          run.progress(done, total);
          run.log("batch", { done, total });
        },
        checkStopped: run.checkStopped,
        parallel: run.config.importParallel,
      },
    );
    if (counts.resumedAtRow > 0) {
      run.log("resumed", { fromRow: counts.resumedAtRow });
    }
    const reportKey = await writeProblemReport(run, previewJobId);
    return { counts: { ...counts }, reportKey };
  },
});
