import { countFilters, type DirectoryQuery } from "./directory-query";
import { countPeople } from "./format";

/** How many match, in words, for the live count above the results. */
export function describeCount(total: number, query: DirectoryQuery): string {
  const narrowed = query.q !== "" || countFilters(query) > 0;
  if (total === 0) return narrowed ? "No one matches" : "No one here yet";
  if (!narrowed) return countPeople(total);
  return total === 1 ? "1 person matches" : `${total} people match`;
}
