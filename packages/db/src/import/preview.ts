import {
  type Actor,
  assertCanCreateEmployee,
  assertCanManageOrganisation,
  type ImportReason,
  type ImportRecord,
  type MappedRow,
  planReportingLines,
} from "@roster/core";
import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Directory, transact } from "../context.js";
import { employees } from "../employee/table.js";
import { assertOwnsJob } from "../jobs/store.js";
import { cycleMessage, LEFT_OUT, reportingLines } from "./managers.js";
import { diffBatch } from "./preview-match.js";
import { type FieldChange, importRows, type PreviewKind } from "./table.js";

/** Who ran a preview: the job it belongs to and the attempt running it. */
export interface ImportJobRef {
  jobId: string;
  attempt: number;
}

export interface PreviewOptions {
  batchSize?: number;
  /** Told after each batch how many rows have been read. */
  onBatch?: (rows: number) => void;
  /** Throws to stop the preview between batches. */
  checkStopped?: () => void;
}

/** What a preview found, by kind of row. */
export interface PreviewCounts {
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  /** Rows with any problem, including people imported without a link. */
  problems: number;
}

interface Linkable {
  row: number;
  key: string;
  externalId: string;
  managerExternalId: string | null | undefined;
  storedManagerLabel: string | null;
  managerColumn: string;
}

/**
 * Compares an export with the directory and stores the diff, row by row,
 * for the user to approve: new people, changed ones with each field's
 * before and after, unchanged ones, and rejected rows with their reasons.
 * Nothing in the directory is written. Run again, it starts over.
 */
export async function previewImport(
  directory: Directory,
  actor: Actor,
  job: ImportJobRef,
  rows: AsyncIterable<MappedRow> | Iterable<MappedRow>,
  { batchSize = 1000, onBatch, checkStopped }: PreviewOptions = {},
): Promise<PreviewCounts> {
  assertCanCreateEmployee(actor, "employee");
  assertCanManageOrganisation(actor);
  await directory.db.delete(importRows).where(eq(importRows.jobId, job.jobId));
  const firstRow = { emails: new Map<string, number>(), ids: new Map() };
  const linkable: Linkable[] = [];
  let pending: MappedRow[] = [];
  let read = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    await transact(directory, actor, async (ctx) => {
      await assertOwnsJob(ctx.tx, job.jobId, job.attempt);
      await stageBatch(ctx.tx, job.jobId, batch, firstRow, linkable);
    });
    read += batch.length;
    onBatch?.(read);
    checkStopped?.();
  };
  for await (const row of rows) {
    pending.push(row);
    if (pending.length >= batchSize) await flush();
  }
  if (pending.length > 0) await flush();
  await transact(directory, actor, async (ctx) => {
    await assertOwnsJob(ctx.tx, job.jobId, job.attempt);
    await previewManagers(ctx.tx, job.jobId, linkable);
  });
  return countPreview(directory.db, job.jobId);
}

type FirstRow = { emails: Map<string, number>; ids: Map<string, number> };

async function stageBatch(
  tx: Executor,
  jobId: string,
  batch: readonly MappedRow[],
  firstRow: FirstRow,
  linkable: Linkable[],
) {
  const staged: (typeof importRows.$inferInsert)[] = [];
  const records: ImportRecord[] = [];
  for (const item of batch) {
    if (!item.ok) {
      staged.push({
        jobId,
        row: item.rejected.row,
        kind: "rejected",
        label: `row ${item.rejected.row}`,
        reasons: item.rejected.reasons,
      });
      continue;
    }
    const repeat = repeatReasons(item.record, firstRow);
    if (repeat.length > 0) {
      staged.push({
        jobId,
        row: item.record.row,
        kind: "rejected",
        label: labelOf(item.record),
        record: item.record,
        reasons: repeat,
      });
    } else {
      records.push(item.record);
    }
  }
  const diffs = await diffBatch(tx, records);
  for (const [record, diff] of diffs) {
    staged.push({
      jobId,
      row: record.row,
      kind: diff.kind,
      employeeId: diff.employeeId,
      employeeVersion: diff.employeeVersion,
      record,
      label: labelOf(record),
      changes: diff.changes,
      reasons: diff.reasons,
    });
    if (diff.kind !== "rejected") {
      linkable.push({
        row: record.row,
        key: diff.employeeId ?? `row:${record.row}`,
        externalId: record.externalId,
        managerExternalId: record.managerExternalId,
        storedManagerLabel: diff.storedManagerLabel,
        managerColumn: record.columns.managerExternalId ?? "",
      });
    }
  }
  if (staged.length > 0) await tx.insert(importRows).values(staged);
}

// One person per file: a later row with the same email or id is
// rejected, citing the row that came first.
function repeatReasons(record: ImportRecord, first: FirstRow) {
  const { row, person, externalId, columns } = record;
  const reasons: ImportReason[] = [];
  const sameEmail = first.emails.get(person.email);
  const sameId = first.ids.get(externalId);
  if (sameEmail !== undefined) {
    reasons.push({
      field: columns.email ?? columns.externalId,
      message: `${person.email} is also on row ${sameEmail}`,
    });
  }
  if (sameId !== undefined) {
    reasons.push({
      field: columns.externalId,
      message: `${externalId} is also on row ${sameId}`,
    });
  }
  if (reasons.length === 0) {
    first.emails.set(person.email, row);
    first.ids.set(externalId, row);
  }
  return reasons;
}

function labelOf(record: ImportRecord): string {
  const { givenName, familyName, email } = record.person;
  return `${givenName} ${familyName} <${email}>`;
}

// The second pass, as the apply will make it: every manager by the
// export's id, in the file (even further down) or in the directory, and
// each link that would close a reporting cycle refused. It holds every
// row's id and manager, and the directory's reporting lines, in memory:
// memory grows with the file (about 400 MB at 100,000 rows, see
// `pnpm bench`), short of the flat footprint a streamed pass would have.
async function previewManagers(
  tx: Executor,
  jobId: string,
  people: readonly Linkable[],
) {
  const keys = new Map(people.map((p) => [p.externalId, p.key]));
  const elsewhere = [
    ...new Set(
      people.flatMap((p) =>
        p.managerExternalId && !keys.has(p.managerExternalId)
          ? [p.managerExternalId]
          : [],
      ),
    ),
  ];
  for (let at = 0; at < elsewhere.length; at += 1000) {
    const found = await tx
      .select({ id: employees.id, externalId: employees.externalId })
      .from(employees)
      .where(inArray(employees.externalId, elsewhere.slice(at, at + 1000)));
    for (const f of found) if (f.externalId) keys.set(f.externalId, f.id);
  }
  const notes = new Map<
    number,
    { changes: FieldChange[]; reasons: ImportReason[] }
  >();
  const note = (row: number) => {
    const entry = notes.get(row) ?? { changes: [], reasons: [] };
    notes.set(row, entry);
    return entry;
  };
  const wanted = new Map<string, string | null>();
  const byKey = new Map(people.map((p) => [p.key, p]));
  for (const p of people) {
    if (p.managerExternalId === undefined) continue;
    const managerKey =
      p.managerExternalId === null ? null : keys.get(p.managerExternalId);
    if (managerKey === undefined) {
      note(p.row).reasons.push({
        field: p.managerColumn,
        message:
          `no one in this file or the directory has id ` +
          `${p.managerExternalId}; ${LEFT_OUT}`,
      });
    } else {
      wanted.set(p.key, managerKey);
    }
  }
  const stored = new Map(await reportingLines(tx));
  for (const p of people) if (!stored.has(p.key)) stored.set(p.key, null);
  const rowOf = new Map(people.map((p) => [p.key, p.row]));
  const plan = planReportingLines(stored, wanted, rowOf);
  for (const { id, cycle } of plan.refused) {
    const person = byKey.get(id);
    if (!person) continue;
    const rows = cycle.flatMap((c) => {
      const row = rowOf.get(c);
      return row === undefined ? [] : [row];
    });
    note(person.row).reasons.push({
      field: person.managerColumn,
      message: cycleMessage(cycle.length, rows),
    });
  }
  for (const [key] of plan.changes) {
    const person = byKey.get(key);
    if (!person) continue;
    note(person.row).changes.push({
      field: "manager",
      before: person.storedManagerLabel,
      after: person.managerExternalId ?? null,
    });
  }
  await recordNotes(tx, jobId, notes);
}

async function recordNotes(
  tx: Executor,
  jobId: string,
  notes: Map<number, { changes: FieldChange[]; reasons: ImportReason[] }>,
) {
  const entries = [...notes];
  for (let at = 0; at < entries.length; at += 1000) {
    const values = entries.slice(at, at + 1000).map(
      ([row, { changes, reasons }]) =>
        sql`(${row}::int, ${JSON.stringify(changes)}::jsonb,
          ${JSON.stringify(reasons)}::jsonb)`,
    );
    await tx.execute(sql`
      update ${importRows} as r set
        changes = r.changes || v.changes,
        reasons = r.reasons || v.reasons,
        kind = case
          when r.kind = 'unchanged' and jsonb_array_length(v.changes) > 0
          then 'changed' else r.kind end
      from (values ${sql.join(values, sql`, `)}) as v(row, changes, reasons)
      where r.job_id = ${jobId} and r.row = v.row`);
  }
}

/** Counts a stored preview's rows by kind. */
export async function countPreview(
  db: Executor,
  jobId: string,
): Promise<PreviewCounts> {
  const rows = await db
    .select({
      kind: importRows.kind,
      count: sql<number>`count(*)::int`,
      problems: sql<number>`
        count(*) filter (where jsonb_array_length(${importRows.reasons}) > 0)::int`,
    })
    .from(importRows)
    .where(eq(importRows.jobId, jobId))
    .groupBy(importRows.kind);
  const counts: PreviewCounts = {
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: 0,
    problems: 0,
  };
  for (const { kind, count, problems } of rows) {
    counts[kind as PreviewKind] = count;
    counts.problems += problems;
  }
  return counts;
}
