/** The filters a directory search can carry, in URL order. */
export const FACET_NAMES = [
  "department",
  "location",
  "title",
  "skill",
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** What the directory shows: free text plus the chosen filter values. */
export interface DirectoryQuery {
  q: string;
  department: string[];
  location: string[];
  title: string[];
  skill: string[];
}

// The API accepts at most this many values per filter.
const MAX_VALUES = 50;

/** An empty query: everyone, no filters. */
export function emptyQuery(): DirectoryQuery {
  return { q: "", department: [], location: [], title: [], skill: [] };
}

/** Reads a directory query from a URL search string like `?q=ki&skill=Go`. */
export function parseDirectoryQuery(
  search: string | URLSearchParams,
): DirectoryQuery {
  const params =
    typeof search === "string" ? new URLSearchParams(search) : search;
  const query = emptyQuery();
  query.q = (params.get("q") ?? "").trim();
  for (const facet of FACET_NAMES) {
    const values = params.getAll(facet).filter((v) => v !== "");
    query[facet] = [...new Set(values)].slice(0, MAX_VALUES);
  }
  return query;
}

/**
 * Writes a query as URL parameters, leaving out what is empty, so that the
 * plain directory stays at `/`.
 */
export function directoryQueryToParams(query: DirectoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  const q = query.q.trim();
  if (q !== "") params.set("q", q);
  for (const facet of FACET_NAMES) {
    for (const value of query[facet]) params.append(facet, value);
  }
  return params;
}

/** The query as a `?…` string, or "" when it is empty. */
export function directoryQueryToSearch(query: DirectoryQuery): string {
  const text = directoryQueryToParams(query).toString();
  return text === "" ? "" : `?${text}`;
}

/** Adds `value` to a filter, or removes it when it is already chosen. */
export function toggleFilter(
  query: DirectoryQuery,
  facet: FacetName,
  value: string,
): DirectoryQuery {
  const chosen = query[facet];
  const next = chosen.includes(value)
    ? chosen.filter((v) => v !== value)
    : [...chosen, value];
  return { ...query, [facet]: next };
}

/** How many filter values are chosen across all facets. */
export function countFilters(query: DirectoryQuery): number {
  return FACET_NAMES.reduce((n, facet) => n + query[facet].length, 0);
}

/** The same query with every filter cleared and the text kept. */
export function clearFilters(query: DirectoryQuery): DirectoryQuery {
  return { ...emptyQuery(), q: query.q };
}
