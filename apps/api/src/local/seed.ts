import { createReadStream } from "node:fs";
import {
  type Actor,
  EmployeeSearch,
  type ImportReport,
  oracleHrMapping,
  readImportRows,
} from "@roster/core";
import {
  countEmployees,
  type Directory,
  findActor,
  importEmployees,
  listDepartments,
  reading,
  searchEmployees,
  transact,
  updateEmployee,
} from "@roster/db";
import { SYSTEM_ACTOR } from "../auth/actor.js";

/** Imports an Oracle-HR-style CSV export from a file on disk. */
export function importHrFile(
  directory: Directory,
  actor: Actor,
  path: string,
  companyDomain: string,
): Promise<ImportReport> {
  const rows = readImportRows(createReadStream(path), oracleHrMapping, {
    emailDomain: companyDomain,
  });
  return importEmployees(directory, actor, rows);
}

export interface SeedOptions {
  file: string;
  companyDomain: string;
  adminEmail: string;
  /** People in this department get the hr role. */
  hrDepartment?: string;
}

/**
 * Loads the sample company into an empty directory and gives it roles:
 * the local admin becomes admin, the HR department hr. Does nothing when
 * anyone is already there.
 */
export async function seedIfEmpty(
  directory: Directory,
  {
    file,
    companyDomain,
    adminEmail,
    hrDepartment = "Human Resources",
  }: SeedOptions,
): Promise<ImportReport | undefined> {
  const ctx = reading(directory, SYSTEM_ACTOR);
  if ((await countEmployees(ctx, EmployeeSearch.parse({}))) > 0) {
    return undefined;
  }
  const report = await importHrFile(
    directory,
    SYSTEM_ACTOR,
    file,
    companyDomain,
  );
  const admin = await findActor(ctx, { email: adminEmail });
  const hr = (await listDepartments(ctx)).find((d) => d.name === hrDepartment);
  const hrPeople = hr
    ? (
        await searchEmployees(
          ctx,
          EmployeeSearch.parse({ department: [hr.id], limit: 100 }),
        )
      ).items
    : [];
  await transact(directory, SYSTEM_ACTOR, async (tx) => {
    if (admin) await updateEmployee(tx, admin.id, undefined, { role: "admin" });
    for (const person of hrPeople) {
      await updateEmployee(tx, person.id, undefined, { role: "hr" });
    }
  });
  return report;
}
