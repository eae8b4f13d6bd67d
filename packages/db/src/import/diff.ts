import type { ImportReason, ImportRecord } from "@roster/core";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { newPersonChanges } from "./preview-match.js";
import {
  type AppliedOutcome,
  type FieldChange,
  importRows,
  type PreviewKind,
} from "./table.js";

/** One row of a preview's diff, and what applying it did. */
export interface DiffRow {
  row: number;
  kind: PreviewKind;
  label: string;
  changes: FieldChange[];
  /** Why the row was refused, or why part of it was left out. */
  reasons: ImportReason[];
  warnings: ImportReason[];
  applied: AppliedOutcome | null;
}

export interface DiffPage {
  items: DiffRow[];
  /** Pass as `after` for the next page; null on the last. */
  next: number | null;
}

/**
 * A page of a preview's diff in file order, optionally of one kind:
 * rows after row `after`, at most `limit`.
 */
export async function readImportDiff(
  ctx: Context,
  previewJobId: string,
  {
    kind,
    after = 0,
    limit = 100,
  }: { kind?: PreviewKind | "problems"; after?: number; limit?: number } = {},
): Promise<DiffPage> {
  const filter =
    kind === "problems"
      ? sql`(jsonb_array_length(${importRows.reasons}) > 0
          or jsonb_array_length(${importRows.appliedReasons}) > 0)`
      : kind
        ? eq(importRows.kind, kind)
        : undefined;
  const rows = await ctx.tx
    .select()
    .from(importRows)
    .where(
      and(
        eq(importRows.jobId, previewJobId),
        gt(importRows.row, after),
        filter,
      ),
    )
    .orderBy(asc(importRows.row))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(
    (r): DiffRow => ({
      row: r.row,
      kind: r.kind,
      label: r.label,
      changes:
        r.kind === "new" && r.record
          ? newPersonChanges(r.record as unknown as ImportRecord, r.changes)
          : r.changes,
      reasons: merged(r.reasons, r.appliedReasons),
      warnings: r.warnings,
      applied: r.applied,
    }),
  );
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? last.row : null };
}

/** Every row with a problem, in file order, for the downloadable report. */
export async function* importProblems(
  ctx: Context,
  previewJobId: string,
): AsyncGenerator<DiffRow> {
  let after = 0;
  for (;;) {
    const page = await readImportDiff(ctx, previewJobId, {
      kind: "problems",
      after,
      limit: 1000,
    });
    yield* page.items;
    if (page.next === null) return;
    after = page.next;
  }
}

// The apply finds again what the preview found (a refused manager link);
// each reason is listed once.
function merged(a: ImportReason[], b: ImportReason[]): ImportReason[] {
  const seen = new Set(a.map((r) => `${r.field}\u0000${r.message}`));
  return [...a, ...b.filter((r) => !seen.has(`${r.field}\u0000${r.message}`))];
}
