import {
  isUuid,
  NotFoundError,
  normalizeEmail,
  type ScimSubject,
  type UserFilterClause,
} from "@roster/core";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { selectEmployees, toEmployee } from "../employee/read.js";
import { employees } from "../employee/table.js";

type Joined = Awaited<ReturnType<typeof selectEmployees>>[number];

const toSubject = (row: Joined): ScimSubject => ({
  ...toEmployee(row),
  externalId: row.e.externalId,
  deactivatedAt: row.e.deactivatedAt
    ? new Date(row.e.deactivatedAt).toISOString()
    : null,
});

/**
 * A person as the identity provider reads them, deactivated or not:
 * it must see whom it deactivated to bring them back.
 */
export async function getScimUser(
  ctx: Context,
  id: string,
): Promise<ScimSubject> {
  const [row] = isUuid(id)
    ? await selectEmployees(ctx.tx).where(eq(employees.id, id))
    : [];
  if (!row) throw new NotFoundError("User", id);
  return toSubject(row);
}

function condition({ attribute, value }: UserFilterClause): SQL {
  switch (attribute) {
    case "userName":
    case "email":
      // Emails are stored ASCII-lower-cased, so this ignores case.
      return eq(employees.email, normalizeEmail(value));
    case "externalId":
      return eq(employees.externalId, value);
    case "id":
      return isUuid(value) ? eq(employees.id, value) : sql`false`;
  }
}

export interface ScimUserPage {
  totalResults: number;
  resources: ScimSubject[];
}

/**
 * People matching every clause (everyone without any), in a stable order,
 * from the 1-based `startIndex`. SCIM pages by index, so a deep page costs
 * its offset; identity providers read a few hundred at a time.
 */
export async function listScimUsers(
  ctx: Context,
  query: { filter: UserFilterClause[]; startIndex: number; count: number },
): Promise<ScimUserPage> {
  const where = and(...query.filter.map(condition));
  const [total] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(employees)
    .where(where);
  const rows =
    query.count === 0
      ? []
      : await selectEmployees(ctx.tx)
          .where(where)
          .orderBy(asc(employees.id))
          .offset(query.startIndex - 1)
          .limit(query.count);
  return {
    totalResults: Number(total?.n ?? 0),
    resources: rows.map(toSubject),
  };
}
