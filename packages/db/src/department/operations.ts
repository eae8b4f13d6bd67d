import {
  assertCanManageOrganisation,
  ConflictError,
  type Department,
  type DepartmentCreate,
  foldForSearch,
  NotFoundError,
} from "@roster/core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { employees } from "../employee/table.js";
import { uniqueViolation } from "../errors.js";
import { departments } from "./table.js";

const headcount = sql<number>`count(${employees.id})::int`;

function withHeadcount(ctx: Context) {
  return ctx.tx
    .select({ id: departments.id, name: departments.name, headcount })
    .from(departments)
    .leftJoin(
      employees,
      // People who left are not counted.
      and(
        eq(employees.departmentId, departments.id),
        isNull(employees.deactivatedAt),
      ),
    )
    .groupBy(departments.id);
}

/** Every department, by name, with how many people are in it. */
export async function listDepartments(ctx: Context): Promise<Department[]> {
  const rows = await withHeadcount(ctx).orderBy(asc(departments.nameKey));
  return rows.map((r) => ({ ...r, headcount: Number(r.headcount) }));
}

/** One department, or NotFoundError. */
export async function getDepartment(ctx: Context, id: string) {
  const [row] = await withHeadcount(ctx).where(eq(departments.id, id));
  if (!row) throw new NotFoundError("department", id);
  return { ...row, headcount: Number(row.headcount) };
}

/** Adds a department; names are unique whatever their case or accents. */
export async function createDepartment(
  ctx: Context,
  input: DepartmentCreate,
): Promise<Department> {
  assertCanManageOrganisation(ctx.actor);
  try {
    const [row] = await ctx.tx
      .insert(departments)
      .values({ name: input.name, nameKey: foldForSearch(input.name) })
      .returning({ id: departments.id, name: departments.name });
    if (!row) throw new Error("Insert returned no row.");
    ctx.emit({ type: "department.created", id: row.id });
    return { ...row, headcount: 0 };
  } catch (error) {
    if (uniqueViolation(error) !== undefined) {
      throw new ConflictError(
        `A department named ${input.name} already exists.`,
        { field: "name" },
      );
    }
    throw error;
  }
}
