import { directoryExportJob } from "./export/directory-job.js";
import type { JobHandler } from "./handler.js";
import { importApplyJob } from "./import/apply-job.js";
import { importPreviewJob } from "./import/preview-job.js";
import { photoJob } from "./photo/index.js";

/**
 * Every job type the worker can run. To add one, write its handler in a
 * folder of its own under `jobs/` and list it here.
 */
const handlers: readonly JobHandler<unknown>[] = [
  importPreviewJob,
  importApplyJob,
  directoryExportJob,
  photoJob(),
];

const byType = new Map(handlers.map((handler) => [handler.type, handler]));

/** The handler for a job type, or undefined for one nobody registered. */
export function handlerFor(type: string): JobHandler<unknown> | undefined {
  return byType.get(type);
}

/** The registered job types, for error messages and checks. */
export function jobTypes(): string[] {
  return [...byType.keys()].sort();
}
