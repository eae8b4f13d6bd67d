import { displayName, escapeLike, normalizeEmail } from "@roster/core";
import { and, asc, eq, ilike, isNull, or } from "drizzle-orm";
import type { Executor } from "../client.js";
import { employees } from "../employee/table.js";

/** Someone who can sign in: a person still in the directory. */
export interface SignInAccount {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
}

const columns = {
  id: employees.id,
  email: employees.email,
  givenName: employees.givenName,
  familyName: employees.familyName,
  preferredName: employees.preferredName,
};

interface Row {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

function toAccount(row: Row): SignInAccount {
  return {
    id: row.id,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    displayName: displayName(row),
  };
}

const active = isNull(employees.deactivatedAt);

/** The account for an id or a work email, if that person is active. */
export async function findSignInAccount(
  db: Executor,
  by: { id: string } | { email: string },
): Promise<SignInAccount | undefined> {
  const where =
    "id" in by
      ? eq(employees.id, by.id)
      : eq(employees.email, normalizeEmail(by.email));
  const [row] = await db
    .select(columns)
    .from(employees)
    .where(and(where, active));
  return row ? toAccount(row) : undefined;
}

/** Active people whose name or email contains `query`, A to Z. */
export async function searchSignInAccounts(
  db: Executor,
  query: string,
  limit: number,
): Promise<SignInAccount[]> {
  const like = `%${escapeLike(query.trim())}%`;
  const rows = await db
    .select(columns)
    .from(employees)
    .where(
      and(
        active,
        query.trim()
          ? or(
              ilike(employees.email, like),
              ilike(employees.givenName, like),
              ilike(employees.familyName, like),
              ilike(employees.preferredName, like),
            )
          : undefined,
      ),
    )
    .orderBy(asc(employees.sortKey), asc(employees.id))
    .limit(limit);
  return rows.map(toAccount);
}
