import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { employees } from "../employee/table.js";
import { locations } from "../location/table.js";

/** The columns of a directory export, in order. */
export const DIRECTORY_COLUMNS = [
  "id",
  "externalId",
  "email",
  "givenName",
  "familyName",
  "preferredName",
  "jobTitle",
  "department",
  "location",
  "managerEmail",
  "workPhone",
  "startDate",
] as const;

export type DirectoryExportRow = Record<
  (typeof DIRECTORY_COLUMNS)[number],
  string | null
>;

/** How many people the directory holds, for an export's progress. */
export async function countPeople(ctx: Context): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(employees);
  return row?.n ?? 0;
}

/**
 * Everyone in the directory, in directory order, a page at a time so an
 * export of any size holds one page in memory.
 */
export async function* exportDirectory(
  ctx: Context,
  pageSize = 1000,
): AsyncGenerator<DirectoryExportRow> {
  const manager = alias(employees, "manager");
  let after: { sortKey: string; id: string } | undefined;
  for (;;) {
    const page = await ctx.tx
      .select({
        id: employees.id,
        sortKey: employees.sortKey,
        externalId: employees.externalId,
        email: employees.email,
        givenName: employees.givenName,
        familyName: employees.familyName,
        preferredName: employees.preferredName,
        jobTitle: employees.jobTitle,
        department: departments.name,
        location: locations.name,
        managerEmail: manager.email,
        phones: employees.phones,
        startDate: employees.startDate,
      })
      .from(employees)
      .leftJoin(departments, eq(departments.id, employees.departmentId))
      .leftJoin(locations, eq(locations.id, employees.locationId))
      .leftJoin(manager, eq(manager.id, employees.managerId))
      .where(
        after
          ? or(
              gt(employees.sortKey, after.sortKey),
              and(
                eq(employees.sortKey, after.sortKey),
                gt(employees.id, after.id),
              ),
            )
          : undefined,
      )
      .orderBy(asc(employees.sortKey), asc(employees.id))
      .limit(pageSize);
    for (const { sortKey: _, phones, ...row } of page) {
      const work = phones.find((p) => p.kind === "work") ?? phones[0];
      yield { ...row, workPhone: work?.number ?? null };
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { sortKey: last.sortKey, id: last.id };
  }
}
