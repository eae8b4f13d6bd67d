import { type Actor, foldForSearch } from "@roster/core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Directory, transact } from "../context.js";
import { UNIQUE_VIOLATION } from "../errors.js";
import { inJsonList } from "../json-rows.js";
import { applyBatch, BATCH_COLUMNS } from "./apply-batch.js";
import { beginImportBatch } from "./batch.js";
import {
  adoptOrganisation,
  copyOrganisation,
  type Organisation,
} from "./organisation.js";
import type { ImportJobRef } from "./preview.js";
import { importOrder, importRows } from "./table.js";

/** How the apply writes a preview's rows in the order it planned. */
export interface PageOptions {
  batchSize: number;
  /** How many batches may be in flight at once, each in a transaction. */
  parallel: number;
  /** Told each time a batch commits, with how many rows it wrote. */
  onBatch: (rows: number) => void;
  /** Throws to stop the apply between batches. */
  checkStopped?: (() => void) | undefined;
}

/** One page of the apply's order, and what writing it depends on. */
export interface Page {
  rows: number[];
  last: { depth: number; row: number };
  /** Every row is at this depth; null when the page spans two. */
  depth: number | null;
  /**
   * It names a department or office the import has not settled yet; also
   * true when that was not looked up, for a page that runs alone anyway.
   */
  settles: boolean;
}

/**
 * Writes a preview's rows not yet applied, page by page in the planned
 * order: managers before their reports. Each page is one batch in its
 * own transaction. Pages wholly within one level of the org chart do not
 * depend on each other (everyone's manager is a level up, already
 * committed), so up to `parallel` of them are written at once, on their
 * own connections. A page that spans two levels, or that must create or
 * update a department or office first, waits for the others and is
 * written alone, so no batch ever refers to a row another has not yet
 * committed. A batch that fails stops the rest; those in flight finish
 * first, and a rerun carries on from whatever committed.
 */
export async function writePages(
  directory: Directory,
  actor: Actor,
  job: ImportJobRef,
  previewJobId: string,
  org: Organisation,
  { batchSize, parallel, onBatch, checkStopped }: PageOptions,
): Promise<void> {
  const running = new Map<Promise<void>, Page>();
  let failure: { error: unknown } | undefined;
  const write = (page: Page) => {
    const done = transact(
      directory,
      actor,
      async (ctx) => {
        // A retried transaction starts again from what had committed.
        const settled = copyOrganisation(org);
        // Sent together: a batch whose job is no longer its attempt's
        // fails on the check, and its reads go with the rollback.
        const [, batch] = await Promise.all([
          beginImportBatch(ctx.tx, job),
          ctx.tx
            .select(BATCH_COLUMNS)
            .from(importRows)
            .where(
              and(
                eq(importRows.jobId, previewJobId),
                inJsonList(importRows.row, page.rows.map(String)),
                isNull(importRows.applied),
              ),
            )
            .orderBy(asc(importRows.row))
            .for("update"),
        ]);
        if (batch.length > 0) {
          await applyBatch(ctx, previewJobId, batch, settled);
        }
        return { rows: batch.length, settled };
      },
      // Another import (a second preview of the same file, applied at
      // the same moment) may create someone this batch is about to: the
      // insert waits for it and fails on the unique email or id once it
      // commits. Run again, the batch finds that person and refuses the
      // row as added after the preview, as it would have a moment later.
      { alsoRetry: [UNIQUE_VIOLATION] },
    )
      .then(({ rows, settled }) => {
        adoptOrganisation(org, settled);
        onBatch(rows);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      });
    const tracked = done.finally(() => running.delete(tracked));
    running.set(tracked, page);
  };
  try {
    let after = { depth: -1, row: 0 };
    while (!failure) {
      // One at a time, nothing overlaps: the embedded database has one
      // connection, which a read must not share with an open batch.
      if (parallel < 2) await Promise.all(running.keys());
      const page = await nextPage(directory.db, previewJobId, after, {
        batchSize,
        org,
        parallel,
      });
      if (!page) break;
      if (!mayJoin(page, running.values(), parallel)) {
        await Promise.all(running.keys());
      }
      while (running.size >= parallel) await Promise.race(running.keys());
      if (failure) break;
      write(page);
      after = page.last;
      checkStopped?.();
    }
  } finally {
    // Every batch in flight ends before the apply returns or throws.
    await Promise.all(running.keys());
  }
  if (failure) throw failure.error;
}

/**
 * Whether `page` may be written beside the batches in flight: all of
 * them, and it, within one level below the top, none with anything to
 * settle. Anyone a row of the page reports to is then a level up, in a
 * batch already committed, and so is every department and office it
 * names. The top level is written one batch at a time: beside the roots
 * it holds whoever sits in or under a reporting cycle the directory
 * already had, where a manager and their report can share a level.
 */
export function mayJoin(
  page: Pick<Page, "depth" | "settles">,
  running: Iterable<Pick<Page, "depth" | "settles">>,
  parallel: number,
): boolean {
  if (parallel < 2 || !page.depth || page.settles) return false;
  for (const other of running) {
    if (other.depth !== page.depth || other.settles) return false;
  }
  return true;
}

async function nextPage(
  db: Executor,
  previewJobId: string,
  after: { depth: number; row: number },
  {
    batchSize,
    org,
    parallel,
  }: { batchSize: number; org: Organisation; parallel: number },
): Promise<Page | undefined> {
  const rows = await db
    .select({ depth: importOrder.depth, row: importOrder.row })
    .from(importOrder)
    .where(
      and(
        eq(importOrder.jobId, previewJobId),
        sql`(${importOrder.depth}, ${importOrder.row})
          > (${after.depth}, ${after.row})`,
      ),
    )
    .orderBy(asc(importOrder.depth), asc(importOrder.row))
    .limit(batchSize);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return undefined;
  const depth = first.depth === last.depth ? first.depth : null;
  return {
    rows: rows.map((r) => r.row),
    last: { depth: last.depth, row: last.row },
    depth,
    // Only a page that could run beside others needs to know.
    settles:
      parallel > 1 && depth
        ? await settlesOrganisation(db, previewJobId, rows, org)
        : true,
  };
}

// Whether a page names a department or office the import has not settled
// yet: its rows are looked up by key, never scanned for.
async function settlesOrganisation(
  db: Executor,
  previewJobId: string,
  rows: readonly { row: number }[],
  org: Organisation,
): Promise<boolean> {
  const named = await db
    .select({
      department: sql<
        string | null
      >`${importRows.record}->'department'->>'name'`,
      office: sql<
        string | null
      >`${importRows.record}->'location'->>'externalId'`,
    })
    .from(importRows)
    .where(
      and(
        eq(importRows.jobId, previewJobId),
        inJsonList(
          importRows.row,
          rows.map((r) => String(r.row)),
        ),
      ),
    );
  return named.some(
    (r) =>
      (r.department !== null &&
        !org.departments.has(foldForSearch(r.department))) ||
      (r.office !== null && !org.locations.has(r.office)),
  );
}
