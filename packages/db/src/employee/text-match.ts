import { escapeLike, foldForSearch, phoneQueryDigits } from "@roster/core";
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { employees as e } from "./table.js";

// Trigrams need three characters: shorter queries match names by prefix.
const TRIGRAM_MIN_LENGTH = 3;

/** One relevance tier: the rows it holds, ranked above the tiers below. */
export interface Tier {
  rank: number;
  where: SQL;
}

/** How a query matches: every tier, best first, and their union. */
export interface TextMatch {
  tiers: Tier[];
  any: SQL;
}

const either = (...conditions: (SQL | undefined)[]): SQL =>
  or(...conditions) ?? sql`false`;

// A person without a department makes the department test NULL, and `not
// NULL` is NULL: such a row would fall out of the tiers below too. Tests
// are negated with `is not true` instead; the positive ones stay bare so
// their indexes can serve them.
const isNot = (condition: SQL): SQL => sql`(${condition}) is not true`;

async function departmentsMatching(ctx: Context, q: string, inside: string) {
  const rows = await ctx.tx
    .select({ id: departments.id })
    .from(departments)
    .where(
      q.length >= TRIGRAM_MIN_LENGTH
        ? sql`${departments.nameKey} like ${inside}
            or ${q} <% ${departments.nameKey}`
        : sql`${departments.nameKey} like ${`${escapeLike(q)}%`}`,
    );
  return rows.map((r) => r.id);
}

/**
 * Tiers for a query, best first: an exact name or email, then a word that
 * starts with it, then a substring (of any field, the department or the
 * phone digits), then a name within a typo or two.
 */
export async function textMatch(
  ctx: Context,
  raw: string,
): Promise<TextMatch | undefined> {
  const q = foldForSearch(raw);
  if (q === "") return undefined;
  const esc = escapeLike(q);
  const inside = `%${esc}%`;
  const departmentIds = await departmentsMatching(ctx, q, inside);
  const inDepartment =
    departmentIds.length > 0
      ? inArray(e.departmentId, departmentIds)
      : undefined;
  const exact = sql`(${either(
    eq(e.nameKey, q),
    eq(e.email, q),
    sql`${e.email} like ${`${esc}@%`}`,
  )})`;
  if (q.length < TRIGRAM_MIN_LENGTH) {
    const prefix = sql`(${either(
      sql`${e.nameKey} like ${`${esc}%`}`,
      sql`${e.sortKey} like ${`${esc}%`}`,
      inDepartment,
    )})`;
    return {
      tiers: [
        { rank: 3, where: exact },
        { rank: 2, where: sql`${prefix} and ${isNot(exact)}` },
      ],
      any: sql`(${exact} or ${prefix})`,
    };
  }
  const digits = phoneQueryDigits(raw);
  const prefix = sql`(${either(
    sql`${e.searchText} like ${`${esc}%`}`,
    sql`${e.searchText} like ${`% ${esc}%`}`,
  )})`;
  const substring = sql`(${either(
    sql`${e.searchText} like ${inside}`,
    inDepartment,
    digits ? sql`${e.phoneDigits} like ${`%${digits}%`}` : undefined,
  )})`;
  const fuzzy = sql`${q} <% ${e.nameKey}`;
  return {
    tiers: [
      { rank: 3, where: exact },
      { rank: 2, where: sql`${prefix} and ${isNot(exact)}` },
      {
        rank: 1,
        where: sql`${substring} and ${isNot(prefix)} and ${isNot(exact)}`,
      },
      {
        rank: 0,
        where: sql`${fuzzy} and ${isNot(substring)} and ${isNot(exact)}`,
      },
    ],
    any: sql`(${exact} or ${substring} or ${fuzzy})`,
  };
}
