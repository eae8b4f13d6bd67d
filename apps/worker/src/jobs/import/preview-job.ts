import {
  detectEncoding,
  ImportPreviewParams,
  JOB_TYPES,
  readImportRows,
} from "@roster/core";
import { previewImport } from "@roster/db";
import { defineJob } from "../handler.js";
import { countingBytes } from "./counting-source.js";
import { writeProblemReport } from "./problem-report.js";

/**
 * Reads an uploaded export and stores the diff it would make, for the
 * user to approve. The file is read twice, streaming: once to settle its
 * encoding (and size, for progress), once to compare it row by row.
 */
export const importPreviewJob = defineJob({
  type: JOB_TYPES.importPreview,
  params: ImportPreviewParams,
  async run(run, params) {
    const { files, job } = run;
    const { encoding, bytes } = await detectEncoding(
      await files.read(params.fileKey),
    );
    run.log("encoding", { encoding, bytes, format: params.format });
    run.progress(0, bytes);
    const counted = countingBytes(await files.read(params.fileKey));
    const emailDomain = params.emailDomain ?? run.config.companyDomain;
    const counts = await previewImport(
      run.directory,
      run.actor,
      { jobId: job.id, attempt: job.attempt },
      readImportRows(counted.source, params.mapping, {
        format: params.format,
        encoding,
        emailDomain,
      }),
      {
        onBatch: (rows) => {
          run.progress(counted.state.bytes, bytes);
          run.log("batch", { rows });
        },
        checkStopped: run.checkStopped,
        parallel: run.config.importParallel,
      },
    );
    run.progress(bytes, bytes);
    const reportKey = await writeProblemReport(run, job.id);
    return { counts: { ...counts }, reportKey };
  },
});
