import { planReportingLines } from "@roster/core";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowsOf } from "../employee/read.js";
import { jsonRows } from "../json-rows.js";
import { cycleMessage } from "./managers.js";

/**
 * Which rows of an import take part in its manager links: at preview,
 * every row not rejected (a new person is the node `row:N`); at apply,
 * every row written, by the person it wrote.
 */
export type LinkStage = "preview" | "apply";

/** A link refused because it would close a cycle: where, and why. */
export interface RefusedRow {
  row: number;
  /** The export's manager column. */
  field: string;
  message: string;
}

/** On `import_rows r`: a row the apply wrote someone for. */
export const WRITTEN_ROW = sql`r.applied in ('created', 'updated', 'unchanged')`;

/** On `import_rows r`: the export's manager column, or "". */
export const MANAGER_COLUMN = sql`coalesce(
  r.record->'columns'->>'managerExternalId', '')`;

const ELIGIBLE = {
  preview: sql`r.kind <> 'rejected'`,
  // Someone edited since the apply wrote them is left as they are.
  apply: sql`${WRITTEN_ROW} and exists (select from employees e
    where e.id = r.employee_id and e.version = r.employee_version)`,
};

/**
 * Plans an import's manager links inside the database, so memory stays
 * flat however long the file: each row's manager is found by the
 * export's id (in the file, even further down, or in the directory), and
 * every person's depth in the resulting org chart is computed by walking
 * down from its roots. Only people the walk cannot reach, those in or
 * under a cycle, are read into memory, where the links that would close
 * a cycle are refused (the latest row's of each). The plan is left in
 * the transaction's temporary table `import_link_nodes`: a row's link is
 * a change when `names and resolved and not refused and manager is
 * distinct from stored`.
 */
export async function planImportLinks(
  tx: Executor,
  jobId: string,
  stage: LinkStage,
): Promise<RefusedRow[]> {
  await tx.execute(sql`
    create temporary table import_link_nodes (
      node text primary key,
      row integer,
      external_id text,
      manager text,
      stored text,
      names boolean not null default false,
      resolved boolean not null default false,
      refused boolean not null default false,
      manager_external_id text,
      manager_column text,
      found text,
      depth integer
    ) with (fillfactor = 50) on commit drop`);
  // Half of each page is left free for the depth the walk sets on every
  // row, so that update stays on the page and touches no index (a HOT
  // update), which more than halves it.
  // Indexed before any row goes in: an index made after rows were updated
  // in the same transaction may be unusable in it (broken HOT chains).
  await tx.execute(sql`create index on import_link_nodes (manager)`);
  // Each row's manager is the first row in the file with the id it
  // names, else the directory's holder of that id; found as the nodes go
  // in, so none is written twice.
  await tx.execute(sql`
    insert into import_link_nodes (node, row, external_id, stored, names,
      manager_external_id, manager_column, found, resolved, manager)
    with f as (
      select distinct on (node) *
      from (
        select coalesce(r.employee_id::text, 'row:' || r.row) as node, r.row,
          r.record->>'externalId' as external_id,
          (select e.manager_id::text from employees e
            where e.id = r.employee_id) as stored,
          r.record ? 'managerExternalId' as names,
          r.record->>'managerExternalId' as manager_external_id,
          ${MANAGER_COLUMN} as manager_column
        from import_rows r
        where r.job_id = ${jobId} and ${ELIGIBLE[stage]}
      ) eligible
      order by node, row
    ), firsts as (
      select distinct on (external_id) external_id, node
      from f where external_id is not null
      order by external_id, row
    ), l as (
      select f.*, coalesce(m.node, (select d.id::text from employees d
          where d.external_id = f.manager_external_id)) as found
      from f left join firsts m on m.external_id = f.manager_external_id
    )
    select node, row, external_id, stored, names, manager_external_id,
      manager_column, found,
      names and (manager_external_id is null or found is not null),
      case when not names then stored
        when manager_external_id is null then null
        else coalesce(found, stored) end
    from l`);
  await tx.execute(sql`
    insert into import_link_nodes (node, manager, stored)
    select id::text, manager_id::text, manager_id::text from employees
    on conflict (node) do nothing`);
  await tx.execute(sql`analyze import_link_nodes`);
  await walkingByIndex(
    tx,
    sql`
      with recursive down(node, depth) as (
        select node, 0 from import_link_nodes where manager is null
        union all
        select n.node, d.depth + 1
        from down d cross join unnest(array(
          select x.node from import_link_nodes x where x.manager = d.node
        )) as n(node)
      )
      select node, depth from down`,
  );
  return refuseCycles(tx);
}

// Each step of a walk down the chart must find each person's reports by
// the index on managers, whatever the statistics say: joined by hash, a
// step reads the whole table, and a chain thousands deep then costs
// thousands of full reads; scanned instead of looked up, a flat org of
// thousands under one boss costs a full read per person. Each person's
// reports are gathered by a subquery, which the planner cannot turn
// inside out as it may a join, and which the settings keep on the
// index. The
// depths found are kept apart and written once the planner is free
// again: joined to the walk's result under these settings, the update
// compared every person with every other.
async function walkingByIndex(tx: Executor, walk: SQL) {
  await tx.execute(sql`set local enable_hashjoin = off`);
  await tx.execute(sql`set local enable_mergejoin = off`);
  await tx.execute(sql`set local enable_seqscan = off`);
  await tx.execute(sql`
    create temporary table if not exists import_link_walk (
      node text primary key,
      depth integer not null
    ) on commit drop`);
  await tx.execute(sql`insert into import_link_walk (node, depth) ${walk}`);
  await tx.execute(sql`set local enable_hashjoin to default`);
  await tx.execute(sql`set local enable_mergejoin to default`);
  await tx.execute(sql`set local enable_seqscan to default`);
  await tx.execute(sql`
    update import_link_nodes n set depth = w.depth
    from import_link_walk w where n.node = w.node`);
  await tx.execute(sql`truncate import_link_walk`);
}

interface Unreached {
  node: string;
  row: number | null;
  field: string | null;
  manager: string | null;
  stored: string | null;
  wanted: boolean;
}

// Whoever the walk from the roots did not reach is in a cycle or below
// one: few people, so the cycles are settled in memory, then the depth
// of the rest is filled in.
async function refuseCycles(tx: Executor): Promise<RefusedRow[]> {
  const unreached = rowsOf<Unreached>(
    await tx.execute(sql`
      select node, row, manager_column as field, manager, stored,
        names and resolved as wanted
      from import_link_nodes where depth is null`),
  );
  if (unreached.length === 0) return [];
  const stored = new Map(unreached.map((u) => [u.node, u.stored]));
  const wanted = new Map(
    unreached.filter((u) => u.wanted).map((u) => [u.node, u.manager]),
  );
  const rowOf = new Map(
    unreached.flatMap((u) =>
      u.row === null ? [] : [[u.node, u.row] as [string, number]],
    ),
  );
  const plan = planReportingLines(stored, wanted, rowOf);
  const fieldOf = new Map(unreached.map((u) => [u.node, u.field ?? ""]));
  const refused = plan.refused.flatMap(({ id, cycle }) => {
    const row = rowOf.get(id);
    if (row === undefined) return [];
    const rows = cycle.flatMap((c) => rowOf.get(c) ?? []);
    const message = cycleMessage(cycle.length, rows);
    return [{ node: id, row, field: fieldOf.get(id) ?? "", message }];
  });
  if (refused.length > 0) {
    await tx.execute(sql`
      update import_link_nodes n set manager = n.stored, refused = true
      from jsonb_to_recordset(${jsonRows(refused)}) as x(node text)
      where n.node = x.node`);
  }
  await walkingByIndex(
    tx,
    sql`
    with recursive down(node, depth) as (
      select n.node, coalesce(m.depth + 1, 0)
      from import_link_nodes n
      left join import_link_nodes m on m.node = n.manager
      where n.depth is null and (n.manager is null or m.depth is not null)
      union all
      select n.node, d.depth + 1
      from down d cross join unnest(array(
        select x.node from import_link_nodes x
        where x.manager = d.node and x.depth is null
      )) as n(node)
    )
    select node, depth from down`,
  );
  // A cycle the directory already had is not the import's to break; its
  // members count as roots.
  await tx.execute(
    sql`update import_link_nodes set depth = 0 where depth is null`,
  );
  return refused.map(({ row, field, message }) => ({ row, field, message }));
}

/** The condition, on `import_link_nodes n`, for a link that changes. */
export const LINK_CHANGES = sql`n.names and n.resolved and not n.refused
  and n.manager is distinct from n.stored`;

/** The condition, on `import_link_nodes n`, for a manager nobody has. */
export const LINK_UNRESOLVED = sql`n.names and not n.resolved`;
