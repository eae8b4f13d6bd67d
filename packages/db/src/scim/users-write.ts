import {
  applyPatch,
  ConflictError,
  canonicalUser,
  EmployeeCreate,
  inScimTerms,
  isUuid,
  NotFoundError,
  type PatchOperation,
  readScimUser,
  type ScimSubject,
  type ScimUserChanges,
  toScimUser,
} from "@roster/core";
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import {
  deactivateEmployee,
  reactivateEmployee,
} from "../employee/deactivate.js";
import { assertVersion } from "../employee/expected-version.js";
import { lockEmployee } from "../employee/read.js";
import { type EmployeeRow, employees } from "../employee/table.js";
import { createEmployee, updateEmployee } from "../employee/write.js";
import { uniqueViolation } from "../errors.js";
import { lockReportingLines } from "../locks.js";
import { departmentNamed } from "./departments.js";
import { getScimUser } from "./users-read.js";

function externalIdTaken(externalId: string): ConflictError {
  return new ConflictError(
    `Another user already has the externalId ${externalId}.`,
    { field: "externalId" },
  );
}

// The HR import matches people by the same column, so a person whose
// externalId the identity provider set is refused by a later import row
// that carries another id for them: one person, one source of ids.
async function setExternalId(ctx: Context, id: string, value: string | null) {
  if (value !== null) {
    const [other] = await ctx.tx
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.externalId, value));
    if (other && other.id !== id) throw externalIdTaken(value);
  }
  try {
    await ctx.tx
      .update(employees)
      .set({ externalId: value })
      .where(eq(employees.id, id));
  } catch (error) {
    if (uniqueViolation(error) === "employees_external_id_key" && value) {
      throw externalIdTaken(value);
    }
    throw error;
  }
}

// Refusals from the directory's operations name Roster's fields; the
// identity provider sent SCIM attributes.
async function speakingScim<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw inScimTerms(error);
  }
}

// Reporting-line changes take their lock before any row lock, as every
// directory operation does. Whether the manager changes is judged from a
// read before the row is locked; if it changes in between, the lock comes
// second and the rare deadlock that can cause is retried by `transact`.
async function lockUser(ctx: Context, id: string, managerId: string | null) {
  if (!isUuid(id)) throw new NotFoundError("User", id);
  const [before] = await ctx.tx
    .select({ managerId: employees.managerId })
    .from(employees)
    .where(eq(employees.id, id));
  if (!before) throw new NotFoundError("User", id);
  if (before.managerId !== managerId) await lockReportingLines(ctx.tx);
  try {
    return await lockEmployee(ctx, id);
  } catch (error) {
    throw inScimTerms(error);
  }
}

async function replaceLocked(
  ctx: Context,
  row: EmployeeRow,
  changes: ScimUserChanges,
  expectedVersion: number | undefined,
): Promise<ScimSubject> {
  const id = row.id;
  assertVersion(id, expectedVersion, row.version);
  const departmentId = await departmentNamed(ctx, changes.departmentName);
  const { managerId, ...fields } = changes.fields;
  await updateEmployee(ctx, id, undefined, {
    ...fields,
    departmentId,
    // Left out when unchanged, so the reporting-line lock is not taken.
    ...(managerId !== row.managerId ? { managerId } : {}),
  });
  if (
    changes.externalId !== undefined &&
    changes.externalId !== row.externalId
  ) {
    await setExternalId(ctx, id, changes.externalId);
  }
  const active = row.deactivatedAt === null;
  if (active && !changes.active) await deactivateEmployee(ctx, id);
  if (!active && changes.active) await reactivateEmployee(ctx, id);
  return getScimUser(ctx, id);
}

/** Creates a person from a SCIM User (a POST), deactivated if it says so. */
export function provisionScimUser(
  ctx: Context,
  changes: ScimUserChanges,
): Promise<ScimSubject> {
  return speakingScim(async () => {
    const departmentId = await departmentNamed(ctx, changes.departmentName);
    const input = EmployeeCreate.parse({ ...changes.fields, departmentId });
    const { id } = await createEmployee(ctx, input);
    if (changes.externalId) await setExternalId(ctx, id, changes.externalId);
    if (!changes.active) await deactivateEmployee(ctx, id);
    return getScimUser(ctx, id);
  });
}

/**
 * Makes a person what a whole SCIM User says (a PUT, or a patched one).
 * Fields Roster keeps that SCIM does not carry (pronouns, skills, office)
 * are left alone, and so is the externalId when the User leaves it out.
 */
export function replaceScimUser(
  ctx: Context,
  id: string,
  changes: ScimUserChanges,
  expectedVersion?: number,
): Promise<ScimSubject> {
  return speakingScim(async () => {
    const row = await lockUser(ctx, id, changes.fields.managerId);
    return replaceLocked(ctx, row, changes, expectedVersion);
  });
}

/**
 * Applies PatchOp operations to a person: to the User as SCIM shows them,
 * then the patched User replaces them. `usersUrl` is where Users live.
 */
export function patchScimUser(
  ctx: Context,
  id: string,
  operations: readonly PatchOperation[],
  usersUrl: string,
  expectedVersion?: number,
): Promise<ScimSubject> {
  const patched = (user: ScimSubject) => {
    const next = applyPatch(
      canonicalUser(toScimUser(user, usersUrl)),
      operations,
    );
    // A removed externalId is absent from the patched User; absent means
    // "keep" to a replace, so it is cleared explicitly.
    if (next.externalId === undefined) next.externalId = null;
    return readScimUser(next);
  };
  return speakingScim(async () => {
    // Patched once to learn whether the manager changes (which decides the
    // locks), then again on the locked row, which is what is written.
    const guess = patched(await getScimUser(ctx, id));
    const row = await lockUser(ctx, id, guess.fields.managerId);
    const changes = patched(await getScimUser(ctx, id));
    return replaceLocked(ctx, row, changes, expectedVersion);
  });
}
