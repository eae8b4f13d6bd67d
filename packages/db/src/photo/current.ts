import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { employees } from "../employee/table.js";
import { toJob } from "../jobs/store.js";
import { jobs } from "../jobs/table.js";

/**
 * The photo a person shows now: their current rendition set, or undefined
 * when they have none, are gone or have left. Older sets are not served.
 */
export async function currentPhotoKey(
  db: Executor,
  employeeId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ photoKey: employees.photoKey })
    .from(employees)
    .where(and(eq(employees.id, employeeId), isNull(employees.deactivatedAt)));
  return row?.photoKey ?? undefined;
}

/**
 * A photo job for this person that is still queued or running with a live
 * worker. One at a time per person: a second would race the first, and the
 * one to finish last would win whichever was sent last.
 */
export async function pendingPhotoJob(db: Executor, employeeId: string) {
  const rows = await db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.type, "photo"),
        inArray(jobs.status, ["queued", "running"]),
        sql`${jobs.params}->>'employeeId' = ${employeeId}`,
      ),
    )
    .orderBy(desc(jobs.createdAt));
  return rows.map((r) => toJob(r)).find((job) => !job.dead);
}
