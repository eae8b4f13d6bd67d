import { ConflictError, JOB_TYPES, type Job } from "@roster/core";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { createJob } from "../jobs/store.js";
import { jobs } from "../jobs/table.js";

/**
 * Creates the job that applies a preview, unless one is already applying
 * it or has applied it. The preview's row is locked first, so of two
 * requests at once the second waits, then sees the first's job.
 */
export async function createApplyJob(
  ctx: Context,
  previewJobId: string,
): Promise<Job> {
  await ctx.tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.id, previewJobId))
    .for("update");
  const [active] = await ctx.tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.type, JOB_TYPES.importApply),
        sql`${jobs.params}->>'previewJobId' = ${previewJobId}`,
        notInArray(jobs.status, ["failed", "cancelled"]),
      ),
    )
    .limit(1);
  if (active) {
    throw new ConflictError(
      "This preview is already applied or being applied; preview the " +
        "file again to import it once more.",
    );
  }
  return createJob(ctx, {
    type: JOB_TYPES.importApply,
    params: { previewJobId },
  });
}
