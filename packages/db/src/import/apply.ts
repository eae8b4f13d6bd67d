import {
  type Actor,
  assertCanCreateEmployee,
  assertCanManageOrganisation,
  type ImportedLocation,
  type MappingColumns,
} from "@roster/core";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { saveCheckpoint } from "../jobs/store.js";
import { linkImportedManagers } from "./apply-managers.js";
import { writePages } from "./apply-pages.js";
import { beginImportBatch } from "./batch.js";
import { WRITTEN_ROW } from "./link-plan.js";
import {
  type FirstMention,
  firstMention,
  newOrganisation,
} from "./organisation.js";
import type { ImportJobRef } from "./preview.js";
import { importOrder, importRows } from "./table.js";

export interface ApplyOptions {
  batchSize?: number;
  /** Told after each batch how many of the preview's rows are done. */
  onProgress?: (done: number, total: number) => void;
  /** Throws to stop the apply between batches. */
  checkStopped?: () => void;
  /**
   * How many batches to write at once, each on its own connection, where
   * the org chart allows (see `writePages`); 1 for embedded PGlite.
   */
  parallel?: number;
}

/** What applying a preview did. */
export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /**
   * The first row this attempt wrote when an earlier one stopped, or 0.
   * Rows are written managers first, so rows above it may still be left.
   */
  resumedAtRow: number;
}

/**
 * Writes a stored preview into the directory: exactly its diff, batch by
 * batch, managers before their reports (in the order of the org chart
 * the preview planned), then the manager links still to make. Each batch
 * marks its rows applied in the transaction that writes them, so an
 * apply that died is run again from the first row it had not committed
 * and ends as one clean run would. A person edited after the preview is
 * left alone and reported.
 *
 * On a server, batches within one level of the org chart are written
 * two at a time (`parallel`). Preview and apply together run at about a
 * third of the rate of a COPY of the same rows into a table with the
 * directory's indexes, checks and foreign keys (`pnpm bench`; decision
 * record 0009).
 */
export async function applyImport(
  directory: Directory,
  actor: Actor,
  job: ImportJobRef,
  previewJobId: string,
  {
    batchSize = 1000,
    onProgress,
    checkStopped,
    parallel = 1,
  }: ApplyOptions = {},
): Promise<ApplyCounts> {
  assertCanCreateEmployee(actor, "employee");
  assertCanManageOrganisation(actor);
  const {
    total,
    done: already,
    next,
  } = await progressOf(directory.db, previewJobId);
  let done = already;
  const org = newOrganisation();
  if (already > 0) {
    org.firstMentions = await firstOfficeMentions(directory.db, previewJobId);
  }
  done += await transact(directory, actor, async (ctx) => {
    await beginImportBatch(ctx.tx, job);
    return settleRejected(ctx.tx, previewJobId);
  });
  await writePages(directory, actor, job, previewJobId, org, {
    batchSize,
    parallel,
    onBatch: (rows) => {
      done += rows;
      onProgress?.(done, total);
    },
    checkStopped,
  });
  await transact(directory, actor, async (ctx) => {
    await beginImportBatch(ctx.tx, job);
    await saveCheckpoint(ctx.tx, job.jobId, { phase: "managers" });
  });
  const firstLinked = await linkImportedManagers(
    directory,
    actor,
    job,
    previewJobId,
    batchSize,
  );
  checkStopped?.();
  // Stopped while linking managers, a run resumes at its first link.
  const resumedAt = next ?? firstLinked ?? 0;
  return {
    ...(await countApplied(directory.db, previewJobId)),
    resumedAtRow: already > 0 ? resumedAt : 0,
  };
}

// Rejected rows are marked at once. A row the preview left out of the
// order (one stored before it was kept) is written at depth 0, in file
// order; the second pass links its manager.
async function settleRejected(tx: Executor, previewJobId: string) {
  await tx.execute(sql`
    insert into ${importOrder} (job_id, depth, row)
    select r.job_id, 0, r.row from ${importRows} r
    where r.job_id = ${previewJobId} and r.kind <> 'rejected'
      and r.applied is null
      and not exists (select from ${importOrder} o
        where o.job_id = r.job_id and o.row = r.row)`);
  const marked = await tx.execute(sql`
    update ${importRows} set applied = 'rejected', applied_reasons = '[]'
    where job_id = ${previewJobId} and kind = 'rejected'
      and applied is null
    returning row`);
  return rowsOf(marked).length;
}

// Where each office is first named in the apply's order among the rows
// already written, for a run that resumes one that stopped: the details
// that run kept are those. An office no written row names yet is settled
// afresh, as one clean run would, by the first row the resumed run
// writes (a row refused meanwhile, as edited since the preview, names
// nothing).
async function firstOfficeMentions(
  db: Executor,
  previewJobId: string,
): Promise<Map<string, FirstMention>> {
  const rows = rowsOf<{
    row: number;
    location: ImportedLocation;
    columns: MappingColumns;
  }>(
    await db.execute(sql`
      select distinct on (r.record->'location'->>'externalId')
        r.row, r.record->'location' as location,
        r.record->'columns' as columns
      from ${importOrder} o
      join ${importRows} r on r.job_id = o.job_id and r.row = o.row
      where o.job_id = ${previewJobId} and ${WRITTEN_ROW}
        and jsonb_typeof(r.record->'location') = 'object'
      order by r.record->'location'->>'externalId', o.depth, o.row`),
  );
  return new Map(
    rows.map((r) => [
      r.location.externalId,
      firstMention(r.row, r.location, r.columns),
    ]),
  );
}

async function progressOf(db: Executor, previewJobId: string) {
  const [row] = rowsOf<{ total: number; done: number; next: number | null }>(
    await db.execute(sql`
      select count(*)::int as total, count(r.applied)::int as done,
        -- The first row left in the apply's order: managers first.
        (select o.row from ${importOrder} o
          join ${importRows} l on l.job_id = o.job_id and l.row = o.row
          where o.job_id = ${previewJobId} and l.applied is null
          order by o.depth, o.row limit 1) as next
      from ${importRows} r
      where r.job_id = ${previewJobId}`),
  );
  return { total: row?.total ?? 0, done: row?.done ?? 0, next: row?.next };
}

/** Counts what an apply did, from the rows it marked. */
export async function countApplied(
  db: Executor,
  previewJobId: string,
): Promise<Omit<ApplyCounts, "resumedAtRow">> {
  const [row] = await db
    .select({
      created: sql<number>`count(*) filter (where ${importRows.applied} = 'created')::int`,
      updated: sql<number>`count(*) filter (where ${importRows.applied} = 'updated'
        or (${importRows.applied} = 'unchanged' and ${importRows.managerLinked}))::int`,
      unchanged: sql<number>`count(*) filter (where ${importRows.applied} = 'unchanged'
        and not ${importRows.managerLinked})::int`,
      rejected: sql<number>`count(*) filter (where ${importRows.applied} = 'rejected')::int`,
    })
    .from(importRows)
    .where(eq(importRows.jobId, previewJobId));
  return {
    created: row?.created ?? 0,
    updated: row?.updated ?? 0,
    unchanged: row?.unchanged ?? 0,
    rejected: row?.rejected ?? 0,
  };
}
