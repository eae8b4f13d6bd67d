import { sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { assertOwnsJob } from "../jobs/store.js";
import type { ImportJobRef } from "./preview.js";

/**
 * Opens one of an import's transactions: checks the job is still this
 * attempt's, and lets the commit return before it reaches the disk. A
 * batch a server crash loses is lost with its checkpoint marks, so the
 * retried job redoes it and still ends as one clean run would.
 */
export async function beginImportBatch(
  tx: Executor,
  job: ImportJobRef,
): Promise<void> {
  // Sent together: the setting needs no answer before the check.
  await Promise.all([
    tx.execute(sql`set local synchronous_commit = off`),
    assertOwnsJob(tx, job.jobId, job.attempt),
  ]);
}
