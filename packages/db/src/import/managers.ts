import {
  type Actor,
  displayName,
  planReportingLines,
  type RefusedLink,
  type ReportingLines,
} from "@roster/core";
import { sql } from "drizzle-orm";
import { recordAudits } from "../audit/record.js";
import type { Executor } from "../client.js";
import { type Context, type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { employees } from "../employee/table.js";
import { inJsonList, jsonRows } from "../json-rows.js";
import { lockReportingLines } from "../locks.js";
import { linesAround } from "./apply-managers.js";
import type { ImportLog } from "./log.js";
import type { Written } from "./people.js";

export const LEFT_OUT = "imported without this manager link";

/**
 * The second pass of the direct import (the CLI and the seed): sets each
 * imported person's manager once everyone is in, so a manager may come
 * later in the file than their reports. Returns the ids of people whose
 * manager changed. It holds the file's people and the directory's
 * reporting lines in memory, which suits those sizes; large files go
 * through the preview and apply, which plan links in the database.
 */
export async function linkManagers(
  directory: Directory,
  actor: Actor,
  people: readonly Written[],
  log: ImportLog,
  batchSize: number,
): Promise<Set<string>> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const wanted = await wantedManagers(directory.db, people, log);
  const rows = new Map(people.map((p) => [p.id, p.record.row]));
  const plan = planReportingLines(
    await reportingLines(directory.db),
    wanted,
    rows,
  );
  refuse(plan.refused, byId, log);
  const relinked = new Set<string>();
  for (let at = 0; at < plan.changes.length; at += batchSize) {
    const batch = new Map(plan.changes.slice(at, at + batchSize));
    await transact(directory, actor, async (ctx) => {
      // The lock manager edits take too, so an edit and an import cannot
      // together close a loop that neither check saw.
      await lockReportingLines(ctx.tx);
      // Checked again under the lock, against edits made meanwhile.
      const current = await linesAround(ctx.tx, batch);
      for (const id of batch.keys()) if (!current.has(id)) batch.delete(id);
      const checked = planReportingLines(current, batch, rows);
      refuse(checked.refused, byId, log);
      const changed = await setManagers(ctx, checked.changes);
      for (const id of changed) relinked.add(id);
    });
  }
  return relinked;
}

// One statement for the whole batch: PGlite and the server both pay per
// round trip far more than per row.
export async function setManagers(
  ctx: Context,
  changes: readonly [string, string | null][],
): Promise<string[]> {
  if (changes.length === 0) return [];
  const managers = new Map(changes);
  const stored = await ctx.tx
    .select()
    .from(employees)
    .where(inJsonList(employees.id, [...managers.keys()]))
    .for("update");
  const values = stored.map((row) => ({
    id: row.id,
    manager_id: managers.get(row.id) ?? null,
  }));
  const result = await ctx.tx.execute(sql`
    update ${employees} as e set
      manager_id = x.manager_id, version = e.version + 1, updated_at = now()
    from jsonb_to_recordset(${jsonRows(values)})
      as x(id uuid, manager_id uuid)
    where e.id = x.id
    returning e.id, e.version`);
  const updated = rowsOf<{ id: string; version: number }>(result);
  for (const { id, version } of updated) {
    ctx.emit({ type: "employee.updated", id, version, fields: ["managerId"] });
  }
  const before = new Map(stored.map((row) => [row.id, row]));
  await recordAudits(
    ctx,
    updated.flatMap(({ id }) => {
      const row = before.get(id);
      if (!row) return [];
      return [
        {
          action: "employee.updated" as const,
          subjectId: id,
          subjectLabel: `${displayName(row)} <${row.email}>`,
          changes: [
            {
              field: "managerId",
              before: row.managerId,
              after: managers.get(id) ?? null,
            },
          ],
        },
      ];
    }),
  );
  return updated.map((u) => u.id);
}

// The manager each person's row names, by directory id. A manager id found
// neither in the file nor in the directory is reported, and that person's
// manager is left as it was.
async function wantedManagers(
  db: Executor,
  people: readonly Written[],
  log: ImportLog,
): Promise<Map<string, string | null>> {
  const ids = new Map(people.map((p) => [p.record.externalId, p.id]));
  const elsewhere = [
    ...new Set(
      people.flatMap(({ record: r }) =>
        r.managerExternalId && !ids.has(r.managerExternalId)
          ? [r.managerExternalId]
          : [],
      ),
    ),
  ];
  for (let at = 0; at < elsewhere.length; at += 1000) {
    const found = await db
      .select({ id: employees.id, externalId: employees.externalId })
      .from(employees)
      .where(inJsonList(employees.externalId, elsewhere.slice(at, at + 1000)));
    for (const f of found) if (f.externalId) ids.set(f.externalId, f.id);
  }
  const wanted = new Map<string, string | null>();
  for (const { id, record } of people) {
    const managerExternalId = record.managerExternalId;
    if (managerExternalId === undefined) continue;
    const managerId =
      managerExternalId === null ? null : ids.get(managerExternalId);
    if (managerId === undefined) {
      log.reject(
        record.row,
        record.columns.managerExternalId ?? "",
        `no one in this file or the directory has id ${managerExternalId}; ` +
          LEFT_OUT,
      );
    } else {
      wanted.set(id, managerId);
    }
  }
  return wanted;
}

export async function reportingLines(db: Executor): Promise<ReportingLines> {
  const rows = await db
    .select({ id: employees.id, managerId: employees.managerId })
    .from(employees);
  return new Map(rows.map((r) => [r.id, r.managerId]));
}

function refuse(
  refused: readonly RefusedLink[],
  people: ReadonlyMap<string, Written>,
  log: ImportLog,
) {
  for (const { id, cycle } of refused) {
    const person = people.get(id);
    if (!person) continue;
    const rows = cycle.flatMap((c) => {
      const row = people.get(c)?.record.row;
      return row === undefined ? [] : [row];
    });
    const { row, columns } = person.record;
    log.reject(
      row,
      columns.managerExternalId ?? "",
      cycleMessage(cycle.length, rows),
    );
  }
}

/**
 * Why a manager link was refused: the cycle it would close, by the rows
 * of the file in it and how many others from the directory.
 */
export function cycleMessage(length: number, rows: readonly number[]) {
  if (length === 1) return `names the person as their own manager; ${LEFT_OUT}`;
  const outside = length - rows.length;
  const through =
    rows.length === 1 ? `row ${rows[0]}` : `rows ${listOf([...rows])}`;
  const others =
    outside === 0
      ? ""
      : `, with ${outside} ${outside === 1 ? "person" : "people"} ` +
        "already in the directory";
  return `would make a reporting cycle through ${through}${others}; ${LEFT_OUT}`;
}

function listOf(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const last = sorted.pop();
  return sorted.length > 0 ? `${sorted.join(", ")} and ${last}` : `${last}`;
}
