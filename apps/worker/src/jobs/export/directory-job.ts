import {
  csvLine,
  DirectoryExportParams,
  JOB_TYPES,
  utf8WithBom,
} from "@roster/core";
import {
  countPeople,
  DIRECTORY_COLUMNS,
  exportDirectory,
  reading,
} from "@roster/db";
import { defineJob, type JobRun } from "../handler.js";

/** Writes the whole directory as one CSV file in the file store. */
export const directoryExportJob = defineJob({
  type: JOB_TYPES.directoryExport,
  params: DirectoryExportParams,
  async run(run) {
    const ctx = reading(run.directory, run.actor);
    const total = await countPeople(ctx);
    run.progress(0, total);
    const key = `exports/${run.job.id}/directory.csv`;
    const written = { rows: 0 };
    await run.files.put(key, utf8WithBom(lines(run, total, written)));
    return { counts: { people: written.rows }, reportKey: key };
  },
});

async function* lines(run: JobRun, total: number, written: { rows: number }) {
  yield csvLine(DIRECTORY_COLUMNS);
  const ctx = reading(run.directory, run.actor);
  for await (const row of exportDirectory(ctx)) {
    yield csvLine(DIRECTORY_COLUMNS.map((column) => row[column]));
    written.rows++;
    if (written.rows % 1000 === 0) {
      run.progress(written.rows, total);
      run.checkStopped();
    }
  }
  run.progress(written.rows, total);
}
