import { csvLine, utf8WithBom } from "@roster/core";
import { type Directory, importProblems, reading } from "@roster/db";
import type { JobRun } from "../handler.js";

/**
 * Writes the rows with problems as a CSV the user downloads: the row as a
 * spreadsheet numbers it, who it is, the column, the reason, and whether
 * the person was imported all the same (without a manager link, say).
 */
export async function writeProblemReport(
  run: JobRun,
  previewJobId: string,
): Promise<string> {
  const key = `imports/${run.job.id}/problems.csv`;
  await run.files.put(
    key,
    utf8WithBom(problemLines(run.directory, run, previewJobId)),
  );
  return key;
}

async function* problemLines(
  directory: Directory,
  run: JobRun,
  previewJobId: string,
): AsyncGenerator<string> {
  yield csvLine(["row", "person", "column", "reason", "imported"]);
  const ctx = reading(directory, run.actor);
  for await (const row of importProblems(ctx, previewJobId)) {
    const imported =
      row.applied === null
        ? row.kind === "rejected"
          ? "no"
          : "yes, if applied"
        : row.applied === "rejected"
          ? "no"
          : "yes";
    for (const reason of row.reasons) {
      yield csvLine([
        row.row,
        row.label,
        reason.field,
        reason.message,
        imported,
      ]);
    }
  }
}
