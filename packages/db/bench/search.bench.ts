/**
 * The search and paging benchmark behind `pnpm bench`: seeds a generated
 * directory into PGlite (and into a throwaway server database when
 * DATABASE_URL is set), then times fuzzy search against a naive scan and
 * the first directory page against one far down the list. Missed targets
 * are reported, not failed; only errors make the process exit non-zero.
 */
import { cpus, loadavg } from "node:os";
import { discardEvents, EmployeeSearch } from "@roster/core";
import { type DatabaseHandle, openDatabase } from "../src/client.js";
import type { Directory } from "../src/context.js";
import { searchEmployees } from "../src/employee/search.js";
import { explainAnalyze, sqlOf } from "./explain.js";
import { timePaging } from "./paging-timing.js";
import { type Company, generateCompany } from "./people.js";
import { BENCH_QUERIES } from "./queries.js";
import { readContext } from "./reader.js";
import {
  type DatabaseKind,
  pagingTable,
  searchTable,
  targetTable,
} from "./report.js";
import { type SearchResults, timeSearches } from "./search-timing.js";
import { seedCompany } from "./seed.js";
import { openBenchDatabase } from "./server.js";
import { readSettings, type Settings } from "./settings.js";
import { measured } from "./stats.js";
import { seconds } from "./table.js";

// The deep page starts this many rows before the end of the list: after
// 99,950 rows in the default 100,000.
const ROWS_AFTER_DEEP_PAGE = 50;

async function printSlowestPlan(directory: Directory, found: SearchResults) {
  const slowest = [...found.queries].sort(
    (a, b) => b.search.p95 - a.search.p95,
  )[0];
  if (!slowest) return;
  const search = EmployeeSearch.parse({ q: slowest.query.q, limit: 25 });
  const statements = await sqlOf(readContext(directory), (ctx) =>
    searchEmployees(ctx, search),
  );
  if (statements.length === 0) {
    throw new Error("The search sent no query to explain.");
  }
  for (const [i, statement] of statements.entries()) {
    const which = statements.length > 1 ? ` (statement ${i + 1})` : "";
    console.log(`\nplan of the slowest search, "${slowest.query.q}"${which}:`);
    console.log(await explainAnalyze(directory.db, statement));
  }
}

// Other work on the machine skews every timing; the load shows how much.
function machineLoad(): string {
  const [oneMinute = 0] = loadavg();
  return `load average ${oneMinute.toFixed(2)} on ${cpus().length} cores`;
}

async function benchDatabase(
  kind: DatabaseKind,
  handle: DatabaseHandle,
  company: Company,
  config: Settings,
) {
  const directory: Directory = { db: handle.db, events: discardEvents };
  const seeding = await measured(() => seedCompany(handle.db, company));
  const steps = seeding.result;
  console.log(
    `seeded ${company.employees.length} people in ${seconds(seeding.ms)}` +
      ` (insert ${seconds(steps.insert)}, indexes ${seconds(steps.index)},` +
      ` analyze ${seconds(steps.analyze)})`,
  );
  const limits = { maxRounds: config.rounds, seconds: config.phaseSeconds };
  const search = await measured(() =>
    timeSearches(directory, BENCH_QUERIES, limits),
  );
  const found = search.result;
  console.log(
    `\nsearch against the scan, ${found.rounds} rounds` +
      ` (${seconds(search.ms)} with warm-up and counts):`,
  );
  console.log(searchTable(found));
  const depth = Math.max(1, config.rows - ROWS_AFTER_DEEP_PAGE);
  const paging = await measured(() => timePaging(directory, depth, limits));
  const pages = paging.result;
  console.log(
    `\ndirectory list, ${pages.rounds} rounds (${seconds(paging.ms)}):`,
  );
  console.log(pagingTable(pages));
  if (!pages.pagesAgree) {
    console.log("warning: the cursor page and the OFFSET page differ");
  }
  console.log(`\ntargets (${kind}):`);
  console.log(targetTable(kind, found, pages));
  if (config.explain) await printSlowestPlan(directory, found);
}

async function run(
  kind: DatabaseKind,
  open: () => Promise<DatabaseHandle>,
  company: Company,
  config: Settings,
) {
  console.log(`\n=== ${kind} ===`);
  const started = performance.now();
  const handle = await open();
  try {
    await benchDatabase(kind, handle, company, config);
  } finally {
    await handle.close();
  }
  const took = seconds(performance.now() - started);
  console.log(`${kind} took ${took}; ${machineLoad()}`);
}

async function openPglite() {
  const handle = await openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  return handle;
}

async function main() {
  const config = readSettings();
  const started = performance.now();
  const generated = await measured(async () =>
    generateCompany(config.rows, config.seed),
  );
  console.log(
    `generated ${config.rows} people (seed ${config.seed})` +
      ` in ${seconds(generated.ms)}; ${machineLoad()}`,
  );
  await run("pglite", openPglite, generated.result, config);
  const url = process.env.DATABASE_URL;
  if (url) {
    const open = () => openBenchDatabase(url);
    await run("postgres", open, generated.result, config);
  } else {
    console.log("\nDATABASE_URL is not set: the server run is skipped.");
  }
  const took = seconds(performance.now() - started);
  console.log(`\nwhole run took ${took}; ${machineLoad()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
