import {
  type AuditRecord,
  assertCanCreateEmployee,
  assertCanDeleteEmployee,
  assertCanUpdateEmployee,
  assertNoReportingCycle,
  ConflictError,
  displayName,
  type EmployeeCreate,
  EmployeeFields,
  type EmployeeUpdate,
  fieldChanges,
  GUARDED_FIELDS,
  sameJson,
  ValidationError,
  VersionMismatchError,
} from "@roster/core";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { findPgError, uniqueViolation } from "../errors.js";
import { locations } from "../location/table.js";
import { lockReportingLines } from "../locks.js";
import { getEmployee, lockEmployee, managerIds } from "./read.js";
import { searchFields } from "./search-fields.js";
import { type EmployeeRow, employees } from "./table.js";

type References = Partial<
  Pick<EmployeeFields, "departmentId" | "locationId" | "managerId">
>;

async function assertReferencesExist(ctx: Context, refs: References) {
  const checks = [
    ["departmentId", refs.departmentId, departments, "department"],
    ["locationId", refs.locationId, locations, "location"],
    ["managerId", refs.managerId, employees, "person"],
  ] as const;
  for (const [path, id, table, noun] of checks) {
    if (!id) continue;
    const [row] = await ctx.tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.id, id));
    if (!row) {
      throw new ValidationError([{ path, message: `no ${noun} has this id` }]);
    }
  }
}

const REFERENCE_FIELDS: Record<string, [string, string]> = {
  employees_department_id_departments_id_fk: ["departmentId", "department"],
  employees_location_id_locations_id_fk: ["locationId", "location"],
  employees_manager_id_employees_id_fk: ["managerId", "person"],
};

// A department, office or manager removed after the existence check but
// before the write is a foreign-key violation: the caller's input is stale.
function referenceGone(error: unknown): unknown {
  const pg = findPgError(error);
  const field =
    pg?.code === "23503" &&
    REFERENCE_FIELDS[pg.constraint ?? pg.constraint_name ?? ""];
  if (!field) return error;
  return new ValidationError([
    { path: field[0], message: `no ${field[1]} has this id any more` },
  ]);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

function labelOf(p: {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string;
}): string {
  return `${displayName(p)} <${p.email}>`;
}

function audited(
  action: AuditRecord["action"],
  subject: Parameters<typeof labelOf>[0] & { id: string },
  changes: AuditRecord["changes"],
): AuditRecord {
  return {
    action,
    subjectId: subject.id,
    subjectLabel: labelOf(subject),
    changes,
  };
}

function emailTaken(email: string): never {
  throw new ConflictError(`Someone in the directory already has ${email}.`, {
    field: "email",
    email,
  });
}

/** Adds a person; HR and admins only. */
export async function createEmployee(ctx: Context, input: EmployeeCreate) {
  assertCanCreateEmployee(ctx.actor, input.role);
  // Reporting-line changes take the lock before any row lock, in one order
  // everywhere, so concurrent edits wait for each other instead of
  // deadlocking.
  if (input.managerId) await lockReportingLines(ctx.tx);
  await assertReferencesExist(ctx, input);
  let id: string;
  try {
    const [row] = await ctx.tx
      .insert(employees)
      .values({ ...input, ...searchFields(input) })
      .returning({ id: employees.id });
    id = row?.id ?? "";
  } catch (error) {
    if (uniqueViolation(error) === "employees_email_key") {
      emailTaken(input.email);
    }
    throw referenceGone(error);
  }
  const created: Record<string, unknown> = { ...input };
  await recordAudit(
    ctx,
    audited(
      "employee.created",
      { ...input, id },
      // Only what was given: empty lists and blanks are not news.
      fieldChanges(
        {},
        created,
        Object.keys(created).filter((f) => !isEmpty(created[f])),
      ),
    ),
  );
  ctx.emit({ type: "employee.created", id, version: 1 });
  return getEmployee(ctx, id);
}

function changedFields(row: EmployeeRow, patch: EmployeeUpdate) {
  return (Object.keys(patch) as (keyof EmployeeUpdate)[]).filter(
    (field) => !sameJson(patch[field], row[field]),
  );
}

/**
 * Changes the fields in `patch`. With `expectedVersion`, a person changed
 * since the caller read them is refused and nothing is written.
 */
export async function updateEmployee(
  ctx: Context,
  id: string,
  expectedVersion: number | undefined,
  patch: EmployeeUpdate,
) {
  if (patch.managerId !== undefined) await lockReportingLines(ctx.tx);
  const row = await lockEmployee(ctx, id);
  assertCanUpdateEmployee(
    ctx.actor,
    id,
    Object.keys(patch) as (keyof EmployeeUpdate)[],
    row.role,
  );
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new VersionMismatchError(
      "employee",
      id,
      expectedVersion,
      row.version,
    );
  }
  const fields = changedFields(row, patch);
  if (fields.length === 0) return getEmployee(ctx, id);
  await assertReferencesExist(ctx, patch);
  if (patch.managerId && fields.includes("managerId")) {
    const chain = await managerIds(ctx.tx, patch.managerId);
    assertNoReportingCycle(id, patch.managerId, [patch.managerId, ...chain]);
  }
  const next = { ...row, ...patch };
  try {
    await ctx.tx
      .update(employees)
      .set({
        ...patch,
        ...searchFields(next),
        version: row.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(employees.id, id), eq(employees.version, row.version)));
  } catch (error) {
    if (uniqueViolation(error) === "employees_email_key" && patch.email) {
      emailTaken(patch.email);
    }
    throw referenceGone(error);
  }
  await recordAudit(
    ctx,
    audited(
      "employee.updated",
      next,
      fieldChanges(row as Record<string, unknown>, next, fields),
    ),
  );
  ctx.emit({
    type: "employee.updated",
    id,
    version: row.version + 1,
    // Events go to everyone watching; field names a viewer may not see
    // stay out, and the profile they refetch is filtered for them.
    fields: fields.filter((f) => !GUARDED_FIELDS.includes(f)),
  });
  return getEmployee(ctx, id);
}

/**
 * Removes a person. Their direct reports move up to the removed person's
 * own manager, so nobody is left outside the organisation by accident.
 */
export async function deleteEmployee(
  ctx: Context,
  id: string,
  expectedVersion?: number,
) {
  await lockReportingLines(ctx.tx);
  const row = await lockEmployee(ctx, id);
  assertCanDeleteEmployee(ctx.actor, id, row.role);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new VersionMismatchError(
      "employee",
      id,
      expectedVersion,
      row.version,
    );
  }
  const moved = await ctx.tx
    .update(employees)
    .set({
      managerId: row.managerId,
      version: sql`${employees.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(employees.managerId, id))
    .returning({
      id: employees.id,
      version: employees.version,
      givenName: employees.givenName,
      familyName: employees.familyName,
      preferredName: employees.preferredName,
      email: employees.email,
    });
  await ctx.tx.delete(employees).where(eq(employees.id, id));
  // What they were, kept with the trail after the row is gone.
  const removed: Record<string, unknown> = { ...row };
  await recordAudit(
    ctx,
    audited(
      "employee.deleted",
      row,
      fieldChanges(removed, {}, Object.keys(EmployeeFields.shape)),
    ),
  );
  for (const report of moved) {
    await recordAudit(
      ctx,
      audited("employee.updated", report, [
        { field: "managerId", before: id, after: row.managerId },
      ]),
    );
  }
  for (const report of moved) {
    ctx.emit({
      type: "employee.updated",
      id: report.id,
      version: report.version,
      fields: ["managerId"],
    });
  }
  ctx.emit({ type: "employee.deleted", id });
}
