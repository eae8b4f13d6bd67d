import type { EmployeeSearch, Facets } from "@roster/core";
import { inArray, isNull, type SQL, sql } from "drizzle-orm";
import { employees as e } from "./table.js";

export type FacetName = keyof Facets;

/**
 * The search's filters as conditions, leaving out one facet's own. People
 * who were deactivated are never listed, whoever searches.
 */
export function filterConditions(
  search: EmployeeSearch,
  except?: FacetName,
): SQL[] {
  const out: SQL[] = [isNull(e.deactivatedAt)];
  if (except !== "department" && search.department.length > 0) {
    out.push(inArray(e.departmentId, search.department));
  }
  if (except !== "location" && search.location.length > 0) {
    out.push(inArray(e.locationId, search.location));
  }
  if (except !== "title" && search.title.length > 0) {
    out.push(inArray(e.jobTitle, search.title));
  }
  if (except !== "skill" && search.skill.length > 0) {
    const values = sql.join(
      search.skill.map((v) => sql`${v}`),
      sql`, `,
    );
    out.push(sql`${e.skills} && array[${values}]::text[]`);
  }
  return out;
}
