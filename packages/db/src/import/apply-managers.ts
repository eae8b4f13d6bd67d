import {
  type Actor,
  type ImportReason,
  planReportingLines,
  type RefusedLink,
} from "@roster/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { employees } from "../employee/table.js";
import { assertOwnsJob } from "../jobs/store.js";
import { lockReportingLines } from "../locks.js";
import {
  cycleMessage,
  LEFT_OUT,
  reportingLines,
  setManagers,
} from "./managers.js";
import type { ImportJobRef } from "./preview.js";
import { importRows } from "./table.js";

interface Linkable {
  row: number;
  employeeId: string;
  managerExternalId: string | null;
  column: string;
}

/**
 * The apply's second pass: links every imported person to the manager
 * their row names, now that everyone is in. Each batch marks the rows it
 * linked in its own transaction; run again after a stop, the links
 * already made are simply no longer changes, so the plan comes out the
 * same and nothing is linked twice.
 */
export async function linkImportedManagers(
  directory: Directory,
  actor: Actor,
  job: ImportJobRef,
  previewJobId: string,
  batchSize: number,
): Promise<void> {
  const people = await linkable(directory.db, previewJobId);
  const rowOf = new Map(people.map((p) => [p.employeeId, p.row]));
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  const ids = await managerIds(directory.db, people);
  const problems = new Map<number, ImportReason[]>();
  const problem = (p: Linkable, message: string) => {
    const list = problems.get(p.row) ?? [];
    if (!list.some((r) => r.message === message)) {
      list.push({ field: p.column, message });
    }
    problems.set(p.row, list);
  };
  const wanted = new Map<string, string | null>();
  for (const p of people) {
    const managerId =
      p.managerExternalId === null ? null : ids.get(p.managerExternalId);
    if (managerId === undefined) {
      problem(
        p,
        `no one in this file or the directory has id ` +
          `${p.managerExternalId}; ${LEFT_OUT}`,
      );
    } else {
      wanted.set(p.employeeId, managerId);
    }
  }
  const refuse = (refused: readonly RefusedLink[]) => {
    for (const { id, cycle } of refused) {
      const person = byId.get(id);
      if (!person) continue;
      const rows = cycle.flatMap((c) => {
        const row = rowOf.get(c);
        return row === undefined ? [] : [row];
      });
      problem(person, cycleMessage(cycle.length, rows));
    }
  };
  const plan = planReportingLines(
    await reportingLines(directory.db),
    wanted,
    rowOf,
  );
  refuse(plan.refused);
  for (let at = 0; at < plan.changes.length; at += batchSize) {
    const batch = new Map(plan.changes.slice(at, at + batchSize));
    await transact(directory, actor, async (ctx) => {
      await assertOwnsJob(ctx.tx, job.jobId, job.attempt);
      // The lock manager edits take too; checked again under it, against
      // edits made meanwhile.
      await lockReportingLines(ctx.tx);
      const current = await linesAround(ctx.tx, batch);
      for (const id of batch.keys()) if (!current.has(id)) batch.delete(id);
      const checked = planReportingLines(current, batch, rowOf);
      refuse(checked.refused);
      const changed = await setManagers(ctx, checked.changes);
      if (changed.length > 0) {
        await ctx.tx
          .update(importRows)
          .set({ managerLinked: true })
          .where(
            and(
              eq(importRows.jobId, previewJobId),
              inArray(importRows.employeeId, changed),
            ),
          );
      }
    });
  }
  await transact(directory, actor, async (ctx) => {
    await assertOwnsJob(ctx.tx, job.jobId, job.attempt);
    await recordProblems(ctx.tx, previewJobId, problems);
  });
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
      where id in (${sql.join(
        starts.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
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

async function linkable(db: Executor, previewJobId: string) {
  const rows = await db
    .select({
      row: importRows.row,
      employeeId: importRows.employeeId,
      managerExternalId: sql<
        string | null
      >`${importRows.record}->>'managerExternalId'`,
      column: sql<
        string | null
      >`${importRows.record}->'columns'->>'managerExternalId'`,
    })
    .from(importRows)
    .where(
      and(
        eq(importRows.jobId, previewJobId),
        inArray(importRows.applied, ["created", "updated", "unchanged"]),
        sql`${importRows.record} ? 'managerExternalId'`,
      ),
    );
  return rows.flatMap((r): Linkable[] =>
    r.employeeId
      ? [
          {
            row: r.row,
            employeeId: r.employeeId,
            managerExternalId: r.managerExternalId,
            column: r.column ?? "",
          },
        ]
      : [],
  );
}

async function managerIds(db: Executor, people: readonly Linkable[]) {
  const wanted = [...new Set(people.flatMap((p) => p.managerExternalId ?? []))];
  const ids = new Map<string, string>();
  for (let at = 0; at < wanted.length; at += 1000) {
    const found = await db
      .select({ id: employees.id, externalId: employees.externalId })
      .from(employees)
      .where(inArray(employees.externalId, wanted.slice(at, at + 1000)));
    for (const f of found) if (f.externalId) ids.set(f.externalId, f.id);
  }
  return ids;
}

// Stored beside what the apply found before; a reason already there (a
// rerun after a stop finds the same ones) is not added twice.
async function recordProblems(
  tx: Executor,
  previewJobId: string,
  problems: ReadonlyMap<number, ImportReason[]>,
) {
  const entries = [...problems];
  for (let at = 0; at < entries.length; at += 1000) {
    const values = entries
      .slice(at, at + 1000)
      .map(
        ([row, reasons]) =>
          sql`(${row}::int, ${JSON.stringify(reasons)}::jsonb)`,
      );
    await tx.execute(sql`
      update ${importRows} as r set
        applied_reasons = r.applied_reasons || coalesce((
          select jsonb_agg(n) from jsonb_array_elements(v.reasons) as n
          where not r.applied_reasons @> jsonb_build_array(n)
        ), '[]'::jsonb)
      from (values ${sql.join(values, sql`, `)}) as v(row, reasons)
      where r.job_id = ${previewJobId} and r.row = v.row`);
  }
}
