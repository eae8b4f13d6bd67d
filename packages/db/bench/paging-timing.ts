import { EmployeeSearch, encodeCursor } from "@roster/core";
import { asc, sql } from "drizzle-orm";
import type { Directory } from "../src/context.js";
import { rowsOf, selectEmployees, toEmployee } from "../src/employee/read.js";
import { searchEmployees } from "../src/employee/search.js";
import { employees } from "../src/employee/table.js";
import { type RoundLimits, readContext, runRounds } from "./reader.js";
import { type Latency, latency, timed } from "./stats.js";

const PAGE_SIZE = 25;
// OFFSET reads every row it skips, so it is timed on one round in this
// many; the two keyset pages are timed on every round.
const OFFSET_EVERY = 4;

/** The directory list's first page against one far down it. */
export interface PagingResults {
  depth: number;
  firstPage: Latency;
  deepPage: Latency;
  offsetPage: Latency;
  /** Whether the cursor and OFFSET pages held the same people. */
  pagesAgree: boolean;
  rounds: number;
}

// The sort key of the row just before the deep page, found once with
// OFFSET outside the timing, as the list's own cursor would carry it.
async function cursorBefore(directory: Directory, depth: number) {
  const rows = await directory.db.execute(sql`
    select sort_key, id from employees
    order by sort_key, id offset ${depth - 1} limit 1`);
  const [row] = rowsOf<{ sort_key: string; id: string }>(rows);
  if (!row) throw new Error(`The directory has fewer than ${depth} rows.`);
  return encodeCursor([row.sort_key, row.id]);
}

function listPage(directory: Directory, cursor?: string) {
  const search = EmployeeSearch.parse({ limit: PAGE_SIZE, cursor });
  return searchEmployees(readContext(directory), search);
}

async function offsetPage(directory: Directory, depth: number) {
  const rows = await selectEmployees(directory.db)
    .orderBy(asc(employees.sortKey), asc(employees.id))
    .offset(depth)
    .limit(PAGE_SIZE + 1);
  return rows.slice(0, PAGE_SIZE).map(toEmployee);
}

const idsOf = (people: readonly { id: string }[]) =>
  people.map((p) => p.id).join();

/**
 * Times page one, the page `depth` rows down reached by a keyset cursor,
 * and the same page reached by OFFSET, interleaved round by round, with
 * four keyset rounds per OFFSET round so the ratio rests on more samples.
 * The untimed first pass checks both deep pages hold the same people.
 */
export async function timePaging(
  directory: Directory,
  depth: number,
  limits: RoundLimits,
): Promise<PagingResults> {
  const cursor = await cursorBefore(directory, depth);
  await listPage(directory);
  const deep = await listPage(directory, cursor);
  const skipped = await offsetPage(directory, depth);
  const first: number[] = [];
  const far: number[] = [];
  const offset: number[] = [];
  const keysetLimits = {
    ...limits,
    maxRounds: limits.maxRounds * OFFSET_EVERY,
  };
  const rounds = await runRounds(keysetLimits, async (round) => {
    first.push(await timed(() => listPage(directory)));
    far.push(await timed(() => listPage(directory, cursor)));
    if (round % OFFSET_EVERY === 0) {
      offset.push(await timed(() => offsetPage(directory, depth)));
    }
  });
  return {
    depth,
    firstPage: latency(first),
    deepPage: latency(far),
    offsetPage: latency(offset),
    pagesAgree: deep.items.length > 0 && idsOf(deep.items) === idsOf(skipped),
    rounds,
  };
}
