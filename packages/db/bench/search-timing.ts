import { EmployeeSearch, escapeLike } from "@roster/core";
import { sql } from "drizzle-orm";
import type { Directory } from "../src/context.js";
import { rowsOf } from "../src/employee/read.js";
import { countEmployees, searchEmployees } from "../src/employee/search.js";
import type { BenchQuery } from "./queries.js";
import { type RoundLimits, readContext, runRounds } from "./reader.js";
import { type Latency, latency, timed } from "./stats.js";

const PAGE_SIZE = 25;

/** One query's timings and how many people each approach matched. */
export interface QueryResult {
  query: BenchQuery;
  search: Latency;
  scan: Latency;
  searchMatches: number;
  scanMatches: number;
}

/** Every query's result, plus all samples pooled per approach. */
export interface SearchResults {
  queries: QueryResult[];
  search: Latency;
  scan: Latency;
  rounds: number;
}

function scanWhere(q: string) {
  const pattern = `%${escapeLike(q)}%`;
  return sql`given_name ilike ${pattern} or family_name ilike ${pattern}
    or email ilike ${pattern} or job_title ilike ${pattern}`;
}

/** The naive list a first version would write: substring scans, by name. */
function scanPage(directory: Directory, q: string) {
  return directory.db.execute(sql`
    select id, given_name, family_name, preferred_name, email, job_title
    from employees where ${scanWhere(q)}
    order by family_name, given_name limit ${PAGE_SIZE}`);
}

async function scanCount(directory: Directory, q: string) {
  const rows = await directory.db.execute(
    sql`select count(*)::int as n from employees where ${scanWhere(q)}`,
  );
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

function searchPage(directory: Directory, q: string) {
  const search = EmployeeSearch.parse({ q, limit: PAGE_SIZE });
  return searchEmployees(readContext(directory), search);
}

function searchCount(directory: Directory, q: string) {
  return countEmployees(readContext(directory), EmployeeSearch.parse({ q }));
}

/**
 * Times the search and the scan for each query, alternating them so both
 * see the same cache state. Counting every query's matches first doubles
 * as the warm-up: it runs the same filters over the same pages; one
 * untimed page of each kind then warms the code that maps the rows.
 */
export async function timeSearches(
  directory: Directory,
  queries: readonly BenchQuery[],
  limits: RoundLimits,
): Promise<SearchResults> {
  const counts: { search: number; scan: number }[] = [];
  for (const { q } of queries) {
    counts.push({
      search: await searchCount(directory, q),
      scan: await scanCount(directory, q),
    });
  }
  const first = queries[0]?.q ?? "";
  await searchPage(directory, first);
  await scanPage(directory, first);
  const searchTimes = queries.map((): number[] => []);
  const scanTimes = queries.map((): number[] => []);
  const rounds = await runRounds(limits, async () => {
    for (const [i, { q }] of queries.entries()) {
      searchTimes[i]?.push(await timed(() => searchPage(directory, q)));
      scanTimes[i]?.push(await timed(() => scanPage(directory, q)));
    }
  });
  return {
    queries: queries.map((query, i) => ({
      query,
      search: latency(searchTimes[i] ?? []),
      scan: latency(scanTimes[i] ?? []),
      searchMatches: counts[i]?.search ?? 0,
      scanMatches: counts[i]?.scan ?? 0,
    })),
    search: latency(searchTimes.flat()),
    scan: latency(scanTimes.flat()),
    rounds,
  };
}
