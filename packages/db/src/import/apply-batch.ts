import type { ImportReason, ImportRecord } from "@roster/core";
import { or, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import type { Context } from "../context.js";
import { type EmployeeRow, employees } from "../employee/table.js";
import { inJsonList, jsonRows } from "../json-rows.js";
import { ImportLog } from "./log.js";
import { type Organisation, placeRecords } from "./organisation.js";
import {
  matchingPeople,
  type PlannedManagers,
  type Written,
  writePeople,
} from "./people.js";
import {
  type AppliedOutcome,
  type ImportRowRecord,
  importRows,
} from "./table.js";

/** What the apply reads of a preview's row. */
export type BatchRow = Pick<
  ImportRowRecord,
  "row" | "kind" | "employeeId" | "employeeVersion" | "record"
> & {
  /** The diff changes the person's manager. */
  linksManager: boolean;
};

/** Selects those columns, for drizzle. */
export const BATCH_COLUMNS = {
  row: importRows.row,
  kind: importRows.kind,
  employeeId: importRows.employeeId,
  employeeVersion: importRows.employeeVersion,
  record: importRows.record,
  linksManager: sql<boolean>`${importRows.changes}
    @> '[{"field": "manager"}]'::jsonb`,
};

const STALE =
  "was changed in the directory after the preview; preview the file " +
  "again to see the change";
const ADDED =
  "someone with this email or id was added to the directory after the " +
  "preview; preview the file again";

interface RowResult {
  applied: AppliedOutcome;
  employeeId?: string | null;
  /** The person's version as this batch left it. */
  version?: number;
  reasons: ImportReason[];
  warnings: ImportReason[];
  /** Written with the manager link the row asks for. */
  linked?: boolean;
}

/** Writes one batch of a preview's rows and marks each applied. */
export async function applyBatch(
  ctx: Context,
  previewJobId: string,
  batch: readonly BatchRow[],
  org: Organisation,
) {
  const results = new Map<number, RowResult>();
  const candidates: BatchRow[] = [];
  for (const r of batch) {
    if (r.kind !== "rejected" && r.record) candidates.push(r);
    else results.set(r.row, { applied: "rejected", reasons: [], warnings: [] });
  }
  // Sent together: neither read needs the other's answer.
  const [stored, managers] = await Promise.all([
    lockPeople(ctx.tx, candidates),
    plannedManagers(ctx.tx, candidates),
  ]);
  const stale = staleRows(candidates, stored);
  const records: ImportRecord[] = [];
  for (const r of candidates) {
    const why = stale.get(r.row);
    if (why) {
      results.set(r.row, {
        applied: "rejected",
        reasons: [why],
        warnings: [],
      });
    } else {
      records.push(r.record as unknown as ImportRecord);
    }
  }
  const log = new ImportLog();
  const placed = await placeRecords(ctx, records, org, log);
  // Each row's mark goes with the writes: the checkpoint commits with
  // them, and waits for no answer of theirs.
  await writePeople(ctx, placed, log, {
    locked: stored,
    managers,
    alongside: (written) =>
      markRows(ctx, previewJobId, outcomes(results, written, log)),
  });
}

// What became of each row: written (created, updated or unchanged) or
// rejected, by the preview, as changed since, or by this batch's checks.
function outcomes(
  results: Map<number, RowResult>,
  written: readonly Written[],
  log: ImportLog,
): Map<number, RowResult> {
  const problems = new Map(log.rejected.map((p) => [p.row, p.reasons]));
  const notes = new Map(log.warnings.map((p) => [p.row, p.reasons]));
  for (const w of written) {
    results.set(w.record.row, {
      applied: w.outcome,
      employeeId: w.id,
      version: w.version,
      reasons: [],
      warnings: notes.get(w.record.row) ?? [],
      linked: w.linked ?? false,
    });
  }
  for (const [row, reasons] of problems) {
    results.set(row, {
      applied: "rejected",
      reasons,
      warnings: notes.get(row) ?? [],
    });
  }
  return results;
}

async function markRows(
  ctx: Context,
  previewJobId: string,
  results: Map<number, RowResult>,
) {
  const values = [...results].map(([row, r]) => ({
    row,
    applied: r.applied,
    employee_id: r.employeeId ?? null,
    version: r.version ?? null,
    reasons: r.reasons,
    warnings: r.warnings,
    linked: r.linked ?? false,
  }));
  await ctx.tx.execute(sql`
    update ${importRows} as r set
      applied = v.applied,
      manager_linked = r.manager_linked or v.linked,
      employee_id = coalesce(v.employee_id, r.employee_id),
      employee_version = coalesce(v.version, r.employee_version),
      applied_reasons = v.reasons,
      warnings = r.warnings || v.warnings
    from jsonb_to_recordset(${jsonRows(values)}) as v(row integer,
      applied text, employee_id uuid, version integer, reasons jsonb,
      warnings jsonb, linked boolean)
    where r.job_id = ${previewJobId} and r.row = v.row`);
}

// Everyone a batch can touch, locked once: the people the preview
// matched, and whoever holds a new row's email or id by now.
async function lockPeople(
  tx: Executor,
  rows: readonly BatchRow[],
): Promise<EmployeeRow[]> {
  if (rows.length === 0) return [];
  const records = rows.map((r) => r.record as unknown as ImportRecord);
  const ids = rows.flatMap((r) => r.employeeId ?? []);
  return tx
    .select()
    .from(employees)
    .where(or(inJsonList(employees.id, ids), matchingPeople(records)))
    .for("update");
}

// Rows whose person changed since the preview, or whose new person
// appeared meanwhile: writing them would not be the diff that was
// approved.
function staleRows(
  rows: readonly BatchRow[],
  stored: readonly EmployeeRow[],
): Map<number, ImportReason> {
  const stale = new Map<number, ImportReason>();
  const versions = new Map(stored.map((e) => [e.id, e.version]));
  const emails = new Set(stored.map((e) => e.email));
  const ids = new Set(stored.map((e) => e.externalId));
  for (const r of rows) {
    if (r.employeeId) {
      // The whole person changed: no one column to name.
      if (versions.get(r.employeeId) !== r.employeeVersion) {
        stale.set(r.row, { field: "", message: STALE });
      }
      continue;
    }
    // Named by the column that now clashes: the id first, as a match by
    // id is the stronger one.
    const { person, externalId, columns } = r.record as unknown as ImportRecord;
    if (ids.has(externalId)) {
      stale.set(r.row, { field: columns.externalId, message: ADDED });
    } else if (emails.has(person.email)) {
      stale.set(r.row, {
        field: columns.email ?? columns.externalId,
        message: ADDED,
      });
    }
  }
  return stale;
}

// A new person whose manager link the preview planned is created with
// it when the manager is in by then: in the directory (the apply writes
// managers first) or new in the same batch. That spares the second pass
// a rewrite of the row; and no one reports to someone new yet, so no
// cycle can run through them.
async function plannedManagers(
  tx: Executor,
  rows: readonly BatchRow[],
): Promise<PlannedManagers> {
  const planned = new Map<number, string>();
  for (const r of rows) {
    const managerExternalId = r.record?.managerExternalId;
    if (
      r.kind === "new" &&
      r.linksManager &&
      typeof managerExternalId === "string"
    ) {
      planned.set(r.row, managerExternalId);
    }
  }
  if (planned.size === 0) return { planned, known: new Map() };
  const found = await tx
    .select({ id: employees.id, externalId: employees.externalId })
    .from(employees)
    .where(inJsonList(employees.externalId, [...new Set(planned.values())]));
  return {
    planned,
    known: new Map(found.map((f) => [f.externalId ?? "", f.id])),
  };
}
