import {
  type Actor,
  type DirectReport,
  displayName,
  type Employee,
  isUuid,
  NotFoundError,
  normalizeEmail,
  type PersonSummary,
  phoneDigits,
} from "@roster/core";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client.js";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { locations } from "../location/table.js";
import { type EmployeeRow, employees } from "./table.js";
import { visibleProfile } from "./visible.js";

const manager = alias(employees, "manager");

/** Employees with their department, location and manager joined in. */
export function selectEmployees(
  tx: Executor,
  score: SQL<number> = sql<number>`0`,
) {
  return tx
    .select({
      e: employees,
      score,
      department: { id: departments.id, name: departments.name },
      location: {
        id: locations.id,
        name: locations.name,
        city: locations.city,
        region: locations.region,
        countryCode: locations.countryCode,
        timeZone: locations.timeZone,
      },
      manager: {
        id: manager.id,
        givenName: manager.givenName,
        familyName: manager.familyName,
        preferredName: manager.preferredName,
      },
    })
    .from(employees)
    .leftJoin(departments, eq(departments.id, employees.departmentId))
    .leftJoin(locations, eq(locations.id, employees.locationId))
    .leftJoin(manager, eq(manager.id, employees.managerId));
}

type Joined = Awaited<ReturnType<typeof selectEmployees>>[number];

/** Maps a joined row to the Employee the API and UI speak. */
export function toEmployee({ e, department, location, manager: m }: Joined) {
  return {
    id: e.id,
    email: e.email,
    givenName: e.givenName,
    familyName: e.familyName,
    preferredName: e.preferredName,
    displayName: displayName(e),
    pronouns: e.pronouns,
    jobTitle: e.jobTitle,
    department: department?.id ? department : null,
    location: location?.id ? location : null,
    manager: m?.id ? { id: m.id, name: displayName(m) } : null,
    phones: e.phones.map((p) => ({ ...p, digits: phoneDigits(p.number) })),
    startDate: e.startDate,
    skills: e.skills,
    badges: e.badges,
    bio: e.bio,
    photoKey: e.photoKey,
    photoFaces: e.photoFaces,
    role: e.role,
    personalPhone: e.personalPhone,
    birthday: e.birthday,
    privacy: e.privacy,
    hiddenFields: [],
    version: e.version,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
    deactivatedAt: e.deactivatedAt
      ? new Date(e.deactivatedAt).toISOString()
      : null,
  } satisfies Employee;
}

function toSummary(employee: Employee): PersonSummary {
  return {
    id: employee.id,
    displayName: employee.displayName,
    jobTitle: employee.jobTitle,
    department: employee.department,
    photoKey: employee.photoKey,
  };
}

const isStaff = (actor: Actor) => actor.role === "hr" || actor.role === "admin";

/**
 * One person, or NotFoundError. Someone deactivated is gone for everyone
 * but HR and admins, who still read them, `deactivatedAt` set.
 */
export async function getEmployee(ctx: Context, id: string) {
  const [row] = await selectEmployees(ctx.tx).where(eq(employees.id, id));
  if (!row || (row.e.deactivatedAt !== null && !isStaff(ctx.actor))) {
    throw new NotFoundError("employee", id);
  }
  return visibleProfile(ctx, toEmployee(row));
}

/** Reads the stored row itself, locked for update inside a transaction. */
export async function lockEmployee(
  ctx: Context,
  id: string,
): Promise<EmployeeRow> {
  const [row] = await ctx.tx
    .select()
    .from(employees)
    .where(eq(employees.id, id))
    .for("update");
  if (!row) throw new NotFoundError("employee", id);
  return row;
}

// Reporting lines are kept acyclic on write. The walks still carry the path
// they took and stop where it would repeat, so a loop written behind
// Roster's back ends a walk instead of hanging it; no depth is capped.

/** Ids of `id`'s managers, nearest first. */
export async function managerIds(tx: Executor, id: string): Promise<string[]> {
  const rows = await tx.execute(sql`
    with recursive chain(id, manager_id, depth, path) as (
      select id, manager_id, 0, array[id] from employees where id = ${id}
      union all
      select e.id, e.manager_id, c.depth + 1, c.path || e.id
      from employees e join chain c on e.id = c.manager_id
      where not e.id = any(c.path)
    )
    select id from chain where depth > 0 order by depth`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/**
 * The people `id` reports to, from the top of the organisation down. A
 * deactivated manager is left out; the people above them still show.
 */
export async function getManagerChain(
  ctx: Context,
  id: string,
): Promise<PersonSummary[]> {
  await getEmployee(ctx, id);
  const ids = (await managerIds(ctx.tx, id)).reverse();
  if (ids.length === 0) return [];
  const rows = await selectEmployees(ctx.tx).where(
    and(inArray(employees.id, ids), isNull(employees.deactivatedAt)),
  );
  const byId = new Map(rows.map((r) => [r.e.id, toSummary(toEmployee(r))]));
  return ids.flatMap((i) => byId.get(i) ?? []);
}

interface ReportCount {
  root: string;
  direct: number;
  total: number;
}

/**
 * The people who report directly to `id`, with the size of each team;
 * deactivated people are neither listed nor counted. Someone who reports
 * to a deactivated person stays linked to them, so they are missing from
 * their grand-manager's list until HR gives them a new manager.
 */
export async function getDirectReports(
  ctx: Context,
  id: string,
): Promise<DirectReport[]> {
  await getEmployee(ctx, id);
  const rows = await selectEmployees(ctx.tx)
    .where(and(eq(employees.managerId, id), isNull(employees.deactivatedAt)))
    .orderBy(employees.sortKey, employees.id);
  if (rows.length === 0) return [];
  const counts = await ctx.tx.execute(sql`
    with recursive below(root, id, depth, path, active) as (
      select id, id, 0, array[${id}::uuid, id], deactivated_at is null
      from employees where manager_id = ${id}
      union all
      select b.root, e.id, b.depth + 1, b.path || e.id,
        e.deactivated_at is null
      from employees e join below b on e.manager_id = b.id
      where not e.id = any(b.path)
    )
    select root,
      (count(*) filter (where depth = 1 and active))::int as direct,
      (count(*) filter (where depth > 0 and active))::int as total
    from below group by root`);
  const byRoot = new Map(rowsOf<ReportCount>(counts).map((c) => [c.root, c]));
  return rows.map((r) => {
    const c = byRoot.get(r.e.id);
    return {
      ...toSummary(toEmployee(r)),
      directReportCount: Number(c?.direct ?? 0),
      totalReportCount: Number(c?.total ?? 0),
    };
  });
}

/** Rows from `execute`, which PGlite and postgres.js shape differently. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * The actor a person acts as (their id and role), or undefined, also for
 * someone deactivated.
 */
export async function findActor(
  ctx: Context,
  by: { id: string } | { email: string },
): Promise<Actor | undefined> {
  if ("id" in by && !isUuid(by.id)) return undefined;
  const [row] = await ctx.tx
    .select({ id: employees.id, role: employees.role })
    .from(employees)
    .where(
      and(
        "id" in by
          ? eq(employees.id, by.id)
          : eq(employees.email, normalizeEmail(by.email)),
        isNull(employees.deactivatedAt),
      ),
    );
  return row;
}
