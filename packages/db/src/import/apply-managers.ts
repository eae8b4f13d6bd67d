import {
  type Actor,
  type ImportReason,
  planReportingLines,
} from "@roster/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Context, type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { employees } from "../employee/table.js";
import { inJsonList, jsonRows } from "../json-rows.js";
import { lockReportingLines } from "../locks.js";
import { beginImportBatch } from "./batch.js";
import {
  LINK_CHANGES,
  MANAGER_COLUMN,
  planImportLinks,
  WRITTEN_ROW,
} from "./link-plan.js";
import { cycleMessage, LEFT_OUT, setManagers } from "./managers.js";
import type { ImportJobRef } from "./preview.js";
import { importRows } from "./table.js";

/**
 * The apply's second pass: links every imported person to the manager
 * their row names, now that everyone is in. The plan is made in the
 * database and kept on the import's rows, then written in batches in
 * order of depth, so the stored org chart stays acyclic after each one;
 * each batch marks the rows it linked in its own transaction. Run again
 * after a stop, the links already made are no longer changes, so the
 * plan comes out the same and nothing is linked twice. Returns the row
 * of the first link this run made, or null when it made none.
 */
export async function linkImportedManagers(
  directory: Directory,
  actor: Actor,
  job: ImportJobRef,
  previewJobId: string,
  batchSize: number,
): Promise<number | null> {
  await transact(directory, actor, async (ctx) => {
    await beginImportBatch(ctx.tx, job);
    await planLinks(ctx.tx, previewJobId);
  });
  let after = { depth: -1, row: 0 };
  let firstLinked: number | null = null;
  for (;;) {
    const last = await transact(directory, actor, async (ctx) => {
      await beginImportBatch(ctx.tx, job);
      return linkBatch(ctx, previewJobId, after, batchSize);
    });
    if (!last) return firstLinked;
    firstLinked ??= last.firstLinked;
    after = last;
  }
}

async function planLinks(tx: Executor, previewJobId: string) {
  // One read of the written rows, each joined to its person by key: no
  // plan for it needs fresh statistics, which only the planning below
  // pays for, when there is something left to plan.
  const missing = await missingLinks(tx, previewJobId);
  await recordProblems(tx, previewJobId, missing.edited);
  // An earlier attempt's plan goes; this one is made afresh.
  await tx.execute(sql`
    update ${importRows} set link_manager = null, link_depth = null
    where job_id = ${previewJobId} and link_depth is not null`);
  if (!missing.pending) {
    await recordProblems(tx, previewJobId, missing.unresolved);
    return;
  }
  // The apply has just written many people; plan on current statistics.
  // Only the columns the plan filters and joins on: the wide ones would
  // cost most of the time and steer nothing.
  await tx.execute(sql`analyze ${employees} (id, external_id, manager_id)`);
  await tx.execute(
    sql`analyze ${importRows} (job_id, row, applied, employee_id)`,
  );
  const refused = await planImportLinks(tx, previewJobId, "apply");
  await tx.execute(sql`
    update ${importRows} as r set
      link_manager = n.manager::uuid, link_depth = n.depth
    from import_link_nodes n
    where r.job_id = ${previewJobId} and r.row = n.row and ${LINK_CHANGES}`);
  await recordProblems(tx, previewJobId, [...missing.unresolved, ...refused]);
}

// The written rows whose person lacks the manager the row names, in one
// pass: those edited since the apply wrote them, which the plan leaves
// as they are; those naming a manager nobody has; and whether any link
// is left that someone could make. Most links are made as people are
// created, and planning the whole org chart again is worth it only when
// some are not. (A manager nobody has is never the person's manager, so
// every such row is among those lacking theirs.) A row whose link the
// apply has made, with the person or in an earlier run of this pass, is
// not looked at again: whoever changed that manager since did so after
// the import had done as the file says, and their change stands, as an
// edit made after the preview does.
async function missingLinks(
  tx: Executor,
  previewJobId: string,
): Promise<{ edited: RowReason[]; unresolved: RowReason[]; pending: boolean }> {
  const [found] = rowsOf<{
    edited: { row: number; field: string }[];
    unresolved: { row: number; field: string; id: string }[];
    pending: boolean;
  }>(
    await tx.execute(sql`
      select coalesce(jsonb_agg(jsonb_build_object(
            'row', r.row, 'field', ${MANAGER_COLUMN}))
          filter (where e.version <> r.employee_version), '[]') as edited,
        coalesce(jsonb_agg(jsonb_build_object(
            'row', r.row, 'field', ${MANAGER_COLUMN},
            'id', r.record->>'managerExternalId'))
          filter (where h.nobody), '[]') as unresolved,
        coalesce(bool_or(not h.nobody), false) as pending
      from ${importRows} r ${WITH_MANAGER}
      cross join lateral (
        select r.record->'managerExternalId' <> 'null'::jsonb
          and not exists (select from ${employees} w
            where w.external_id = r.record->>'managerExternalId') as nobody
      ) h
      where r.job_id = ${previewJobId} and ${WRITTEN_ROW}
        and not r.manager_linked and ${LINK_MISSING}`),
  );
  return {
    edited: (found?.edited ?? []).map((e) => ({ ...e, message: EDITED })),
    unresolved: (found?.unresolved ?? []).map(({ row, field, id }) => ({
      row,
      field,
      message: `no one in this file or the directory has id ${id}; ${LEFT_OUT}`,
    })),
    pending: found?.pending ?? true,
  };
}

/** Joins `import_rows r` to its person `e` and their manager `m`. */
const WITH_MANAGER = sql`join ${employees} e on e.id = r.employee_id
  left join ${employees} m on m.id = e.manager_id`;

/**
 * On a row joined WITH_MANAGER: the person's manager is not the one the
 * row names (the export's id, or none).
 */
const LINK_MISSING = sql`r.record ? 'managerExternalId'
  and case when r.record->'managerExternalId' = 'null'::jsonb
    then e.manager_id is not null
    else m.external_id is distinct from r.record->>'managerExternalId' end`;

interface Planned {
  row: number;
  employee_id: string;
  employee_version: number;
  link_manager: string | null;
  link_depth: number;
  field: string;
}

// The next batch of planned links after `after`, in depth order, checked
// again under the lock manager edits take against edits made since the
// plan, then written.
async function linkBatch(
  ctx: Context,
  previewJobId: string,
  after: { depth: number; row: number },
  batchSize: number,
) {
  const batch = rowsOf<Planned>(
    await ctx.tx.execute(sql`
      select r.row, r.employee_id, r.employee_version, r.link_manager,
        r.link_depth, ${MANAGER_COLUMN} as field
      from ${importRows} r
      where r.job_id = ${previewJobId} and r.link_depth is not null
        and (r.link_depth, r.row) > (${after.depth}, ${after.row})
      order by r.link_depth, r.row
      limit ${batchSize}`),
  );
  const last = batch.at(-1);
  if (!last) return null;
  await lockReportingLines(ctx.tx);
  const edited = await editedSince(ctx.tx, batch);
  const wanted = new Map(
    batch.flatMap((b) =>
      edited.has(b.employee_id) ? [] : [[b.employee_id, b.link_manager]],
    ),
  );
  const current = await linesAround(ctx.tx, wanted);
  for (const id of wanted.keys()) if (!current.has(id)) wanted.delete(id);
  const byId = new Map(batch.map((b) => [b.employee_id, b]));
  const rowOf = new Map(batch.map((b) => [b.employee_id, b.row]));
  const checked = planReportingLines(current, wanted, rowOf);
  await recordProblems(ctx.tx, previewJobId, [
    ...batch.flatMap((b) =>
      edited.has(b.employee_id)
        ? [{ row: b.row, field: b.field, message: EDITED }]
        : [],
    ),
    ...checked.refused.flatMap(({ id, cycle }) => {
      const planned = byId.get(id);
      if (!planned) return [];
      const rows = cycle.flatMap((c) => rowOf.get(c) ?? []);
      return [
        {
          row: planned.row,
          field: planned.field,
          message: cycleMessage(cycle.length, rows),
        },
      ];
    }),
  ]);
  const changed = await setManagers(ctx, checked.changes);
  if (changed.length > 0) {
    // The link is the import's own edit: the row keeps the version it
    // made, so a rerun does not take it for someone else's.
    await ctx.tx.execute(sql`
      update ${importRows} as r set manager_linked = true,
        employee_version = ${employees.version}
      from ${employees}
      where r.job_id = ${previewJobId} and ${employees.id} = r.employee_id
        and ${inJsonList(employees.id, changed)}`);
  }
  const linked = new Set(changed);
  return {
    depth: last.link_depth,
    row: last.row,
    firstLinked: batch.find((b) => linked.has(b.employee_id))?.row ?? null,
  };
}

const EDITED =
  "was changed in the directory after the preview; its manager link " +
  "was left as it is";

// The people of a batch someone edited since the apply wrote them, whose
// manager the import must then leave alone, as it does their fields.
async function editedSince(tx: Executor, batch: readonly Planned[]) {
  const current = await tx
    .select({ id: employees.id, version: employees.version })
    .from(employees)
    .where(
      inJsonList(
        employees.id,
        batch.map((b) => b.employee_id),
      ),
    )
    .for("update");
  const versions = new Map(current.map((c) => [c.id, c.version]));
  return new Set(
    batch.flatMap((b) =>
      versions.get(b.employee_id) === b.employee_version ? [] : [b.employee_id],
    ),
  );
}

/**
 * The stored reporting lines a batch of links can loop through: every
 * stored ancestor of the batch's people and of their new managers. A
 * cycle the batch would close runs only through those, so the check
 * under the lock reads a few chains, not the whole directory.
 */
export async function linesAround(
  tx: Executor,
  batch: ReadonlyMap<string, string | null>,
): Promise<Map<string, string | null>> {
  const starts = [
    ...new Set([
      ...batch.keys(),
      ...[...batch.values()].filter((m): m is string => m !== null),
    ]),
  ];
  if (starts.length === 0) return new Map();
  const rows = await tx.execute(sql`
    with recursive up(id, manager_id) as (
      select id, manager_id from ${employees}
      where ${inJsonList(employees.id, starts)}
      union
      select e.id, e.manager_id from ${employees} e
      join up on e.id = up.manager_id
    )
    select id, manager_id from up`);
  return new Map(
    rowsOf<{ id: string; manager_id: string | null }>(rows).map((r) => [
      r.id,
      r.manager_id,
    ]),
  );
}

interface RowReason extends ImportReason {
  row: number;
}

// Stored beside what the apply found before; a reason already there (a
// rerun after a stop finds the same ones) is not added twice.
async function recordProblems(
  tx: Executor,
  previewJobId: string,
  problems: readonly RowReason[],
) {
  if (problems.length === 0) return;
  await tx.execute(sql`
    with v as (
      select x.row, jsonb_agg(jsonb_build_object(
          'field', x.field, 'message', x.message)) as reasons
      from jsonb_to_recordset(${jsonRows(problems)})
        as x(row integer, field text, message text)
      group by x.row
    )
    update ${importRows} as r set
      applied_reasons = r.applied_reasons || coalesce((
        select jsonb_agg(n) from jsonb_array_elements(v.reasons) as n
        where not r.applied_reasons @> jsonb_build_array(n)
      ), '[]'::jsonb)
    from v
    where r.job_id = ${previewJobId} and r.row = v.row`);
}
