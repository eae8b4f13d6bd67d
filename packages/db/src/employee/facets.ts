import type { EmployeeSearch, Facets, FacetValue } from "@roster/core";
import { and, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { locations } from "../location/table.js";
import { type FacetName, filterConditions } from "./filters.js";
import { rowsOf } from "./read.js";
import { employees as e } from "./table.js";
import { textMatch } from "./text-match.js";

const FACET_LIMIT = 100;

/**
 * Counts per value of each filter. A facet ignores its own selection, so
 * choosing one department still shows how many the others hold.
 */
export async function facetCounts(
  ctx: Context,
  search: EmployeeSearch,
): Promise<Facets> {
  const match = await textMatch(ctx, search.q);
  const where = (facet: FacetName) =>
    and(...filterConditions(search, facet), match?.any);
  const [department, location, title, skill] = await Promise.all([
    ctx.tx
      .select({
        value: departments.id,
        label: departments.name,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .innerJoin(departments, sql`${departments.id} = ${e.departmentId}`)
      .where(where("department"))
      .groupBy(departments.id, departments.name)
      .orderBy(sql`count(*) desc`, departments.name)
      .limit(FACET_LIMIT),
    ctx.tx
      .select({
        value: locations.id,
        label: locations.name,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .innerJoin(locations, sql`${locations.id} = ${e.locationId}`)
      .where(where("location"))
      .groupBy(locations.id, locations.name)
      .orderBy(sql`count(*) desc`, locations.name)
      .limit(FACET_LIMIT),
    ctx.tx
      .select({
        value: sql<string>`${e.jobTitle}`,
        label: sql<string>`${e.jobTitle}`,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .where(and(where("title"), sql`${e.jobTitle} is not null`))
      .groupBy(e.jobTitle)
      .orderBy(sql`count(*) desc`, e.jobTitle)
      .limit(FACET_LIMIT),
    skillFacet(ctx, where("skill")),
  ]);
  const norm = (rows: FacetValue[]) =>
    rows.map((r) => ({ ...r, count: Number(r.count) }));
  return {
    department: norm(department),
    location: norm(location),
    title: norm(title),
    skill: norm(skill),
  };
}

async function skillFacet(ctx: Context, where: SQL | undefined) {
  const rows = await ctx.tx.execute(sql`
    select s.skill as value, s.skill as label, count(*)::int as count
    from ${e} cross join lateral unnest(${e.skills}) as s(skill)
    ${where ? sql`where ${where}` : sql``}
    group by s.skill order by count(*) desc, s.skill
    limit ${FACET_LIMIT}`);
  return rowsOf<FacetValue>(rows);
}
