import {
  type Actor,
  assertCanCreateEmployee,
  assertCanManageOrganisation,
  foldForSearch,
  type ImportReason,
  type ImportRecord,
  type MappedRow,
} from "@roster/core";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Directory, transact } from "../context.js";
import { employees } from "../employee/table.js";
import { jsonRows } from "../json-rows.js";
import { beginImportBatch } from "./batch.js";
import { LINK_CHANGES, LINK_UNRESOLVED, planImportLinks } from "./link-plan.js";
import { LEFT_OUT } from "./managers.js";
import { diffBatch } from "./preview-match.js";
import {
  type FieldChange,
  importOrder,
  importRows,
  type PreviewKind,
} from "./table.js";

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
  /**
   * How many batches to stage at once, each on its own connection; 1
   * for embedded PGlite, whose one connection they would share.
   */
  parallel?: number;
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
  {
    batchSize = 1000,
    onBatch,
    checkStopped,
    parallel = 1,
  }: PreviewOptions = {},
): Promise<PreviewCounts> {
  assertCanCreateEmployee(actor, "employee");
  assertCanManageOrganisation(actor);
  await directory.db.delete(importRows).where(eq(importRows.jobId, job.jobId));
  await directory.db
    .delete(importOrder)
    .where(eq(importOrder.jobId, job.jobId));
  let pending: MappedRow[] = [];
  let read = 0;
  const stage = async (batch: MappedRow[]) => {
    await transact(directory, actor, (ctx) => stageBatch(ctx.tx, job, batch));
    read += batch.length;
    onBatch?.(read);
  };
  // Batches are staged while the next is read and mapped, so parsing
  // and the database work overlap: `parallel` at most, each in its own
  // transaction (batches do not depend on each other).
  const staging = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const flush = async () => {
    while (staging.size >= parallel) await Promise.race(staging);
    if (failure) throw failure.error;
    checkStopped?.();
    const batch = pending;
    pending = [];
    const done: Promise<void> = stage(batch)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => staging.delete(done));
    staging.add(done);
  };
  try {
    for await (const row of rows) {
      pending.push(row);
      if (pending.length >= batchSize) await flush();
    }
    if (pending.length > 0) await flush();
  } finally {
    // A file that fails to read must not leave a batch writing unawaited.
    await Promise.all(staging);
  }
  if (failure) throw failure.error;
  checkStopped?.();
  await transact(directory, actor, async (ctx) => {
    await beginImportBatch(ctx.tx, job);
    // Fresh statistics for the rows just staged keep the whole-file
    // passes below, and the apply's paging by depth, on sound plans.
    await ctx.tx.execute(
      sql`analyze ${importRows} (job_id, row, kind, applied)`,
    );
    await rejectRepeats(ctx.tx, job.jobId);
    await rejectOfficeClashes(ctx.tx, job.jobId);
    await previewManagers(ctx.tx, job.jobId);
  });
  return countPreview(directory.db, job.jobId);
}

// Rows are staged as they stream in and the diff is compared batch by
// batch; what needs the whole file (repeats, manager links) is settled
// afterwards in SQL, so memory does not grow with the file.
async function stageBatch(
  tx: Executor,
  job: ImportJobRef,
  batch: readonly MappedRow[],
) {
  const staged: StagedRow[] = [];
  const records: ImportRecord[] = [];
  for (const item of batch) {
    if (item.ok) {
      records.push(item.record);
    } else {
      staged.push({
        row: item.rejected.row,
        kind: "rejected",
        label: `row ${item.rejected.row}`,
        reasons: item.rejected.reasons,
      });
    }
  }
  // The job check and the batch's reads go out together; only once all
  // are answered (a batch whose job is no longer its attempt's fails
  // there) is anything written.
  const [, diffs] = await Promise.all([
    beginImportBatch(tx, job),
    diffBatch(tx, records),
  ]);
  for (const [record, diff] of diffs) {
    staged.push({
      row: record.row,
      kind: diff.kind,
      employee_id: diff.employeeId,
      employee_version: diff.employeeVersion,
      record,
      office_key: record.location ? foldForSearch(record.location.name) : null,
      label: labelOf(record),
      changes: diff.changes,
      reasons: diff.reasons,
    });
  }
  if (staged.length === 0) return;
  await tx.execute(sql`
    insert into ${importRows} (job_id, row, kind, employee_id,
      employee_version, record, office_key, label, changes, reasons)
    select ${job.jobId}::uuid, x.row, x.kind, x.employee_id, x.employee_version,
      x.record, x.office_key, x.label, coalesce(x.changes, '[]'), x.reasons
    from jsonb_to_recordset(${jsonRows(staged)}) as x(row integer,
      kind text, employee_id uuid, employee_version integer, record jsonb,
      office_key text, label text, changes jsonb, reasons jsonb)`);
}

interface StagedRow {
  row: number;
  kind: PreviewKind;
  employee_id?: string | null;
  employee_version?: number | null;
  record?: ImportRecord;
  office_key?: string | null;
  label: string;
  changes?: FieldChange[];
  reasons: ImportReason[];
}

function labelOf(record: ImportRecord): string {
  const { givenName, familyName, email } = record.person;
  return `${givenName} ${familyName} <${email}>`;
}

/** On `update import_rows`: the row becomes rejected, writing no one. */
const REJECTED = sql`kind = 'rejected', employee_id = null,
  employee_version = null, changes = '[]'`;

// One person per file: a row whose email or id an earlier row already
// has is rejected, citing the first row that has it.
async function rejectRepeats(tx: Executor, jobId: string) {
  await tx.execute(sql`
    with keyed as (
      select row, record->'person'->>'email' as email,
        record->>'externalId' as external_id
      from ${importRows}
      where job_id = ${jobId} and record is not null
    ), firsts as (
      select *, min(row) over (partition by email) as email_row,
        min(row) over (partition by external_id) as id_row
      from keyed
    ), repeats as (
      select * from firsts where email_row < row or id_row < row
    )
    update ${importRows} as r set
      ${REJECTED},
      reasons = case when f.email_row < f.row then jsonb_build_array(
          jsonb_build_object(
            'field', coalesce(r.record->'columns'->>'email',
              r.record->'columns'->>'externalId'),
            'message', f.email || ' is also on row ' || f.email_row))
        else '[]' end
        || case when f.id_row < f.row then jsonb_build_array(
          jsonb_build_object('field', r.record->'columns'->>'externalId',
            'message', f.external_id || ' is also on row ' || f.id_row))
        else '[]' end
    from repeats f
    where r.job_id = ${jobId} and r.row = f.row`);
}

// Two offices of one file may not share a name. Each office goes by the
// name its first row gives it; of the offices going by one name, the
// first in the file keeps it, and the rows of the others are rejected,
// as the apply would refuse them. Only rows not rejected already count,
// and this runs before the manager links are planned, so no link is
// planned to someone who will not be written.
async function rejectOfficeClashes(tx: Executor, jobId: string) {
  await tx.execute(sql`
    with mentions as (
      select row, record->'location'->>'externalId' as office, office_key,
        record->'location'->>'name' as name,
        coalesce(record->'columns'->>'locationName', '') as field
      from ${importRows}
      where job_id = ${jobId} and kind <> 'rejected' and office_key is not null
    ), offices as (
      select distinct on (office) office, office_key, row, name
      from mentions order by office, row
    ), owners as (
      select distinct on (office_key) office_key, office
      from offices order by office_key, row
    )
    update ${importRows} as r set
      ${REJECTED},
      reasons = r.reasons || jsonb_build_array(jsonb_build_object(
        'field', m.field,
        'message', 'another office is already named ' || f.name))
    from mentions m
    join offices f on f.office = m.office
    join owners w on w.office_key = f.office_key and w.office <> f.office
    where r.job_id = ${jobId} and r.row = m.row`);
}

// The second pass, as the apply will make it: every manager by the
// export's id, in the file (even further down) or in the directory, and
// each link that would close a reporting cycle refused.
async function previewManagers(tx: Executor, jobId: string) {
  const refused = await planImportLinks(tx, jobId, "preview");
  await tx.execute(sql`
    update ${importRows} as r set reasons = r.reasons || jsonb_build_array(
      jsonb_build_object('field', n.manager_column,
        'message', 'no one in this file or the directory has id '
          || n.manager_external_id || ${`; ${LEFT_OUT}`}::text))
    from import_link_nodes n
    where r.job_id = ${jobId} and r.row = n.row and ${LINK_UNRESOLVED}`);
  if (refused.length > 0) {
    await tx.execute(sql`
      update ${importRows} as r set reasons = r.reasons || jsonb_build_array(
        jsonb_build_object('field', x.field, 'message', x.message))
      from jsonb_to_recordset(${jsonRows(refused)})
        as x(row integer, field text, message text)
      where r.job_id = ${jobId} and r.row = x.row`);
  }
  // Staging guessed each manager change; rows where the plan says
  // otherwise (a link refused, unresolved, or to the stored manager after
  // all) are rewritten, and only those.
  await tx.execute(sql`
    with settled as (
      select r.row, (select coalesce(jsonb_agg(c), '[]'::jsonb)
          from jsonb_array_elements(r.changes) c
          where c->>'field' <> 'manager')
        || case when ${LINK_CHANGES} then jsonb_build_array(
          jsonb_build_object('field', 'manager',
            'before', (select to_jsonb(coalesce(m.external_id, m.email))
              from ${employees} m where m.id = n.stored::uuid),
            'after', to_jsonb(n.manager_external_id)))
          else '[]'::jsonb end as changes
      from ${importRows} r join import_link_nodes n on n.row = r.row
      where r.job_id = ${jobId}
        and (${LINK_CHANGES}) <> (r.changes @> ${MANAGER_CHANGE})
    )
    update ${importRows} as r set changes = s.changes,
      kind = case when r.kind = 'new' then 'new'
        when jsonb_array_length(s.changes) > 0 then 'changed'
        else 'unchanged' end
    from settled s
    where r.job_id = ${jobId} and r.row = s.row`);
  // Every row that writes someone gets its depth: the apply's order.
  await tx.execute(sql`
    insert into ${importOrder} (job_id, depth, row)
    select ${jobId}, n.depth, n.row from import_link_nodes n
    where n.row is not null`);
  // The apply pages through it by index; it must know the table is big.
  await tx.execute(sql`analyze ${importOrder}`);
}

const MANAGER_CHANGE = sql`'[{"field": "manager"}]'::jsonb`;

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
