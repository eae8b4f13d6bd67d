import {
  assertCanDeactivateEmployee,
  ConflictError,
  displayName,
} from "@roster/core";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { endSessionsOf } from "../auth/sessions.js";
import type { Context } from "../context.js";
import { assertVersion } from "./expected-version.js";
import { getEmployee, lockEmployee } from "./read.js";
import { type EmployeeRow, employees } from "./table.js";

const label = (row: EmployeeRow) => `${displayName(row)} <${row.email}>`;

/**
 * Someone must be left to grant roles and issue SCIM tokens. The active
 * admins are locked together, so of two admins deactivated at once one
 * waits (or is retried after a deadlock) and then counts the other gone.
 */
async function assertAnotherAdmin(ctx: Context, id: string): Promise<void> {
  const admins = await ctx.tx
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.role, "admin"), isNull(employees.deactivatedAt)))
    .orderBy(employees.id)
    .for("update");
  if (!admins.some((a) => a.id !== id)) {
    throw new ConflictError(
      "This is the last active admin; make someone else an admin first.",
      { field: "role" },
    );
  }
}

async function setActive(
  ctx: Context,
  id: string,
  active: boolean,
  expectedVersion: number | undefined,
) {
  const row = await lockEmployee(ctx, id);
  assertCanDeactivateEmployee(ctx.actor, id, row.role);
  assertVersion(id, expectedVersion, row.version);
  if (!active && row.role === "admin" && row.deactivatedAt === null) {
    await assertAnotherAdmin(ctx, id);
  }
  // Asking twice is not an error: identity providers retry, and one that
  // deactivates someone already gone expects success.
  if ((row.deactivatedAt === null) === active) return getEmployee(ctx, id);
  await ctx.tx
    .update(employees)
    .set({
      deactivatedAt: active ? null : sql`now()`,
      version: row.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(employees.id, id));
  // Their open live-update sockets are not closed here: until each one
  // ends (two hours at most behind API Gateway) it still receives event
  // ids, though no data, since every refetch needs a live session.
  if (!active) await endSessionsOf(ctx.tx, id);
  await recordAudit(ctx, {
    action: active ? "employee.reactivated" : "employee.deactivated",
    subjectId: id,
    subjectLabel: label(row),
    changes: [{ field: "active", before: !active, after: active }],
  });
  // One event for both directions: listeners refetch, and what they get
  // back (the person, or 404 for those who no longer see them) tells them
  // the rest.
  ctx.emit({
    type: "employee.updated",
    id,
    version: row.version + 1,
    fields: ["active"],
  });
  return getEmployee(ctx, id);
}

/**
 * Takes someone out of the directory without deleting them: they leave
 * search, facets, teams and org views and can no longer sign in (their
 * sessions end), while HR and admins still read their profile and
 * history. Their direct reports stay linked to them. HR and admins only.
 */
export function deactivateEmployee(
  ctx: Context,
  id: string,
  expectedVersion?: number,
) {
  return setActive(ctx, id, false, expectedVersion);
}

/** Brings a deactivated person back into the directory. */
export function reactivateEmployee(
  ctx: Context,
  id: string,
  expectedVersion?: number,
) {
  return setActive(ctx, id, true, expectedVersion);
}
